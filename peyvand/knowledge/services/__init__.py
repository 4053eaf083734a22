"""Writes of the knowledge app, one module per entity; import them from this package.

Every write takes an `actor` (a membership, or `SYSTEM`) and records history."""

from __future__ import annotations

from peyvand.records.history import StaleVersion

from .documents import document_add, document_delete
from .pipeline import MOVES, OPEN, PIPELINE, Move, allowed_moves, practice_move
from .practices import (
    PRACTICE_FIELDS,
    PRACTICE_RELATIONS,
    practice_create,
    practice_delete,
    practice_restore,
    practice_update,
)
from .publishing import practice_publish

__all__ = [
    "MOVES",
    "OPEN",
    "PIPELINE",
    "PRACTICE_FIELDS",
    "PRACTICE_RELATIONS",
    "Move",
    "StaleVersion",
    "allowed_moves",
    "document_add",
    "document_delete",
    "practice_create",
    "practice_delete",
    "practice_move",
    "practice_publish",
    "practice_restore",
    "practice_update",
]
