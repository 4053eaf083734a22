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
    contact_delete,
    contact_merge,
    contact_restore,
    contact_update,
    normalise_languages,
    normalise_tags,
)
from .events import EVENT_FIELDS, event_create, event_delete, event_update
from .missions import (
    MISSION_FIELDS,
    MISSION_RELATIONS,
    ParticipantIn,
    document_add,
    document_delete,
    mission_create,
    mission_delete,
    mission_restore,
    mission_update,
)
from .publishing import event_publish, mission_publish
from .reports import FollowUpIn, ReportIn, report_file
from .sync import sync_activities
from .transitions import ACTION_TO, ACTIONS, Action, allowed_actions, mission_transition

__all__ = [
    "ACTIONS",
    "ACTION_TO",
    "CONTACT_FIELDS",
    "EVENT_FIELDS",
    "ISO_639_1",
    "MISSION_FIELDS",
    "MISSION_RELATIONS",
    "TAGS_MAX",
    "TAG_LENGTH",
    "Action",
    "FollowUpIn",
    "ParticipantIn",
    "PossibleDuplicate",
    "ReportIn",
    "StaleVersion",
    "allowed_actions",
    "contact_create",
    "contact_delete",
    "contact_merge",
    "contact_restore",
    "contact_update",
    "document_add",
    "document_delete",
    "event_create",
    "event_delete",
    "event_publish",
    "event_update",
    "mission_create",
    "mission_delete",
    "mission_publish",
    "mission_restore",
    "mission_transition",
    "mission_update",
    "normalise_languages",
    "normalise_tags",
    "report_file",
    "sync_activities",
]
