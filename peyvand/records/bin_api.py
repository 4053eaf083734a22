"""The bin over the API (decision 0020): what an office deleted, a restore, a purge.

The deletions themselves are each kind's `DELETE` (in its app's router); their records wait
here for 90 days.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.api_auth import api_auth
from peyvand.accounts.models import Role
from peyvand.core.api import (
    MAX_LIMIT,
    MAX_OFFSET,
    ErrorOut,
    InSchema,
    PageMeta,
    RecordIdPath,
    ValidationOut,
    example,
    page_example,
)

from .binning import KEEP_DAYS, bin_purge, bin_restore
from .selectors import bin_entries, bin_rows

router = Router(auth=api_auth, tags=["bin"])

KIND_MAX = 40


BIN_ENTRY_EXAMPLE = {
    "kind": "activity",
    "id": 412,
    "title": "Joint workshop on urban transport",
    "deleted_at": "2026-11-20T09:30:00+03:30",
    "deleted_by": "officer",
    "days_left": 77,
}


class BinEntryOut(Schema):
    model_config = example(**BIN_ENTRY_EXAMPLE)

    kind: str = Field(..., examples=["partnership"])
    id: int
    title: str
    deleted_at: dt.datetime
    deleted_by: str
    days_left: int = Field(..., description=f"Days before the purge (kept {KEEP_DAYS} days).")


class BinPage(PageMeta):
    model_config = page_example(BIN_ENTRY_EXAMPLE)

    items: list[BinEntryOut]


class BinQuery(Schema):
    kind: str = Field("", max_length=KIND_MAX, description="Only this kind (e.g. `activity`).")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class RestoredOut(Schema):
    model_config = example(kind="activity", id=412)

    kind: str
    id: int


class PurgeIn(InSchema):
    model_config = example(confirm="Joint workshop on urban transport")

    confirm: str = Field(..., max_length=300, description="The record's name, as the bin shows it.")


def _entry(e: Any) -> dict[str, Any]:
    return {
        "kind": e.kind,
        "id": e.pk,
        "title": e.title,
        "deleted_at": e.deleted_at,
        "deleted_by": e.deleted_by,
        "days_left": e.days_left,
    }


@router.get("/offices/{slug}/bin", response={200: BinPage, 403: ErrorOut, 422: ValidationOut})
@office_answer
def list_bin(request: HttpRequest, slug: str, query: Query[BinQuery]) -> dict[str, Any]:
    """What the office deleted, newest first (officer and up)."""
    scoped = office_request(request, slug, Role.OFFICER)
    kind, limit, offset = query.kind, query.limit, query.offset
    rows = bin_rows(scoped.office, kind)  # an unknown kind: an empty list
    count = rows.count() if not isinstance(rows, list) else 0
    page = list(rows[offset : offset + limit]) if count else []
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": [_entry(e) for e in bin_entries(page)],
    }


@router.post(
    "/offices/{slug}/bin/{kind}/{pk}/restore",
    response={200: RestoredOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def restore_from_bin(request: HttpRequest, slug: str, kind: str, pk: RecordIdPath) -> Any:
    """Bring a record back from the bin (officer and up); its kind's rules may refuse it
    (422: an activity whose partnerships are all in the bin)."""
    scoped = office_request(request, slug, Role.OFFICER)
    bin_restore(office=scoped.office, kind=kind[:KIND_MAX], pk=pk, actor=scoped.membership)
    return {"kind": kind, "id": pk}


@router.post(
    "/offices/{slug}/bin/{kind}/{pk}/purge",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def purge_from_bin(
    request: HttpRequest, slug: str, kind: str, pk: RecordIdPath, payload: PurgeIn
) -> Any:
    """Delete a record of the bin for good (a director): `confirm` must be its name as
    the bin shows it (422 otherwise)."""
    scoped = office_request(request, slug, Role.DIRECTOR)
    bin_purge(
        office=scoped.office,
        kind=kind[:KIND_MAX],
        pk=pk,
        actor=scoped.membership,
        confirm=payload.confirm,
    )
    return 204, None
