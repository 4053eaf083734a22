"""Commitments in the API: the office's list (filtered like its commitment list page), a
pact's, create, read, update (with If-Match)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.models import Role
from peyvand.core.api import (
    MAX_LIMIT,
    MAX_OFFSET,
    ErrorOut,
    RecordIdPath,
    ValidationOut,
    order_queryset,
    ordering_query,
    paginate_queryset,
)
from peyvand.core.validation import MAX_ID
from peyvand.records.api import UPDATE_ANSWERS, if_match, set_etag

from .. import selectors, services
from . import lookups
from .schemas import CommitmentIn, CommitmentOut, CommitmentPage, CommitmentPatch

router = Router(tags=["partnerships"])

# The date range of the list (query parameters).
START = Query(None, description="Due on or after this day.")
END = Query(None, description="Due on or before this day.")

COMMITMENT_ORDER = {"due_on": "due_on", "title": "title", "status": "status"}


@router.get("/offices/{slug}/commitments", response={200: CommitmentPage, 422: ValidationOut})
@office_answer
def list_office_commitments(
    request: HttpRequest,
    slug: str,
    partnership: int | None = Query(None, ge=1, le=MAX_ID),
    state: str = Query("", max_length=20, description="open, overdue, done or dropped."),
    start: dt.date | None = START,
    end: dt.date | None = END,
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ordering: str | None = ordering_query(COMMITMENT_ORDER, "due_on"),
) -> dict[str, Any]:
    """The office's commitments; the filters of its commitment list page."""
    office = office_request(request, slug).office
    filters = {"partnership": partnership, "state": state, "start": start, "end": end}
    qs = selectors.commitment_list(office=office, filters=filters, today=timezone.localdate())
    qs = order_queryset(qs.select_related("area"), ordering, COMMITMENT_ORDER, "due_on")
    return paginate_queryset(qs, limit=limit, offset=offset)


@router.get(
    "/offices/{slug}/partnerships/{pk}/commitments",
    response={200: list[CommitmentOut], 404: ErrorOut, 422: ValidationOut},
)
def list_commitments(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    ordering: str | None = ordering_query(COMMITMENT_ORDER, "due_on"),
) -> Any:
    """The pact's commitments (not paginated), by due date unless `ordering` says."""
    pact = lookups.pact(office_request(request, slug).office, pk)
    return list(
        order_queryset(selectors.commitments_of(pact), ordering, COMMITMENT_ORDER, "due_on")
    )


@router.post(
    "/offices/{slug}/partnerships/{pk}/commitments",
    response={201: CommitmentOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_commitment(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: CommitmentIn, response: HttpResponse
) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    c = services.commitment_create(
        partnership=lookups.pact(office, pk),
        actor=scoped.membership,
        title=payload.title,
        due_on=payload.due_on,
        area=lookups.area(payload.area),
        department=lookups.department(office, payload.department),
    )
    set_etag(response, c)
    return 201, c


@router.get("/offices/{slug}/commitments/{pk}", response={200: CommitmentOut, 404: ErrorOut})
def get_commitment(
    request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse
) -> Any:
    c = lookups.commitment(office_request(request, slug).office, pk)
    set_etag(response, c)
    return c


@router.patch(
    "/offices/{slug}/commitments/{pk}",
    response={200: CommitmentOut, **UPDATE_ANSWERS},
)
def update_commitment(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: CommitmentPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag of the commitment you read in If-Match: a stale one answers 412."""
    scoped = office_request(request, slug, Role.LIAISON)
    office = scoped.office
    c = lookups.commitment(office, pk)
    fields = payload.dict(exclude_unset=True)
    plan: dict[str, Any] = {}
    if "area" in fields:
        plan["set_area"] = True
        plan["area"] = lookups.area(fields["area"])
    if "department" in fields:
        plan["set_department"] = True
        plan["department"] = lookups.department(office, fields["department"])
    services.commitment_update(
        commitment=c,
        actor=scoped.membership,
        status=payload.status,
        done_on=payload.done_on,
        drop_reason=payload.drop_reason,
        evidence_note=payload.evidence_note,
        evidence_link=payload.evidence_link,
        title=payload.title,
        due_on=payload.due_on,
        expected_version=if_match(request),
        **plan,
    )
    c = lookups.commitment(office, pk)
    set_etag(response, c)
    return c
