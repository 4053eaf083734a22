"""What the opportunities endpoints share: the answers they document."""

from __future__ import annotations

from typing import Any

from peyvand.core.api import ErrorOut, ValidationOut
from peyvand.records.api import LOCKED_ANSWERS

# The answers of every write: a role that may not, another office's record, a state that
# does not allow it now, a stale If-Match, refused values.
WRITE_ANSWERS: dict[int, Any] = {
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ValidationOut,
}
# An update or a removal takes the version it was made from (If-Match): 428 without it.
UPDATE_ANSWERS: dict[int, Any] = {**WRITE_ANSWERS, **LOCKED_ANSWERS}
DELETE_ANSWERS = UPDATE_ANSWERS
# A document is not versioned: its removal takes no If-Match.
DOCUMENT_DELETE_ANSWERS: dict[int, Any] = {403: ErrorOut, 404: ErrorOut, 422: ValidationOut}
