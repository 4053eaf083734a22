"""The kinds of record a spreadsheet can hold, by the name used in URLs."""

from __future__ import annotations

from . import activities, agreements, commitments, contacts, memberships, partnerships, practices
from .base import Kind

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        partnerships.KIND,
        agreements.KIND,
        commitments.KIND,
        activities.KIND,
        contacts.KIND,
        memberships.KIND,
        practices.KIND,
    )
}
