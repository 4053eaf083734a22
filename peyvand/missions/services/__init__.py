"""Writes of the missions app, one module per entity; import them from this package.

Every write takes an `actor` (a membership, or `SYSTEM`) and records history."""

from __future__ import annotations

from peyvand.records.history import StaleVersion

from .contacts import (
    CONTACT_FIELDS,
    ISO_639_1,
    TAG_LENGTH,
    TAGS_MAX,
    PossibleDuplicate,
    contact_create,
    contact_merge,
    contact_update,
    normalise_languages,
    normalise_tags,
)
from .events import EVENT_FIELDS, event_create, event_delete, event_update

__all__ = [
    "CONTACT_FIELDS",
    "EVENT_FIELDS",
    "ISO_639_1",
    "TAGS_MAX",
    "TAG_LENGTH",
    "PossibleDuplicate",
    "StaleVersion",
    "contact_create",
    "contact_merge",
    "contact_update",
    "event_create",
    "event_delete",
    "event_update",
    "normalise_languages",
    "normalise_tags",
]
