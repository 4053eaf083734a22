"""Writes of the opportunities app, one module per entity; import them from this package.

Every write takes an `actor` (a membership, or `SYSTEM`) and records history."""

from __future__ import annotations

from peyvand.records.history import StaleVersion

from .applications import (
    APPLICATION_FIELDS,
    APPLICATION_RELATIONS,
    application_create,
    application_update,
)
from .calls import CALL_FIELDS, call_create, call_delete, call_update
from .parties import (
    PARTY_FIELDS,
    follow_up_add,
    follow_up_done,
    party_add,
    party_delete,
    party_update,
)
from .pitches import (
    PITCH_FIELDS,
    document_add,
    document_delete,
    pitch_create,
    pitch_delete,
    pitch_set_status,
    pitch_update,
)
from .publishing import pitch_publish
from .transitions import (
    ACTION_TO,
    ACTIONS,
    Action,
    allowed_actions,
    application_move_to,
    application_transition,
)

__all__ = [
    "ACTIONS",
    "ACTION_TO",
    "APPLICATION_FIELDS",
    "APPLICATION_RELATIONS",
    "CALL_FIELDS",
    "PARTY_FIELDS",
    "PITCH_FIELDS",
    "Action",
    "StaleVersion",
    "allowed_actions",
    "application_create",
    "application_move_to",
    "application_transition",
    "application_update",
    "call_create",
    "call_delete",
    "call_update",
    "document_add",
    "document_delete",
    "follow_up_add",
    "follow_up_done",
    "party_add",
    "party_delete",
    "party_update",
    "pitch_create",
    "pitch_delete",
    "pitch_publish",
    "pitch_set_status",
    "pitch_update",
]
