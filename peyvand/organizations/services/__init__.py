"""Writes of the organisations app, one module per entity; every rule lives here.

Pages and the API call these functions. Every write takes an `actor` (a membership, or
`SYSTEM`) and records history. Reads live in `selectors`.
"""

from __future__ import annotations

from peyvand.records.history import StaleVersion

from .memberships import MEMBERSHIP_FIELDS, membership_create, membership_update
from .obligations import (
    OBLIGATION_FIELDS,
    obligation_create,
    obligation_delete,
    obligation_mark_done,
    obligation_update,
)
from .organizations import ORGANIZATION_FIELDS, organization_create, organization_update
from .roles import ROLE_FIELDS, role_create, role_delete, role_update
from .shipped import link_shipped_headquarters

__all__ = [
    "MEMBERSHIP_FIELDS",
    "OBLIGATION_FIELDS",
    "ORGANIZATION_FIELDS",
    "ROLE_FIELDS",
    "StaleVersion",
    "link_shipped_headquarters",
    "membership_create",
    "membership_update",
    "obligation_create",
    "obligation_delete",
    "obligation_mark_done",
    "obligation_update",
    "organization_create",
    "organization_update",
    "role_create",
    "role_delete",
    "role_update",
]
