"""Writes of the missions app, one module per entity."""

from __future__ import annotations

from peyvand.records.history import StaleVersion

from .missions import (
    MISSION_FIELDS,
    MISSION_RELATIONS,
    ParticipantIn,
    document_add,
    document_delete,
    mission_create,
    mission_update,
)
from .reports import FollowUpIn, ReportIn, report_file
from .sync import sync_activities
from .transitions import ACTION_TO, ACTIONS, Action, allowed_actions, mission_transition

__all__ = [
    "ACTIONS",
    "ACTION_TO",
    "MISSION_FIELDS",
    "MISSION_RELATIONS",
    "Action",
    "FollowUpIn",
    "ParticipantIn",
    "ReportIn",
    "StaleVersion",
    "allowed_actions",
    "document_add",
    "document_delete",
    "mission_create",
    "mission_transition",
    "mission_update",
    "report_file",
    "sync_activities",
]
