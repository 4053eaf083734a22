"""The outcomes of an activity in the API: the office's list (filtered like its outcome
list page), record one under an activity, read, correct or publish (PATCH), remove (both
with If-Match). Who may: whoever may edit the activity (the services' rule)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
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
from peyvand.records.api import UPDATE_ANSWERS, StaleOut, if_match, set_etag

from .. import selectors, services
from . import lookups
from .schemas import OutcomeIn, OutcomeOut, OutcomePage, OutcomePatch

router = Router(tags=["partnerships"])

# The date range of the list (query parameters).
START = Query(None, description="Its activity held on or after this day.")
END = Query(None, description="Its activity held on or before this day.")

OUTCOME_ORDER = {"date": "activity__date", "kind": "kind", "value": "value"}


@router.get("/offices/{slug}/outcomes", response={200: OutcomePage, 422: ValidationOut})
@office_answer
def list_outcomes(
    request: HttpRequest,
    slug: str,
    partnership: int | None = Query(None, ge=1, le=MAX_ID),
    kind: str = Query("", max_length=30, description="An outcome kind, e.g. agreement."),
    start: dt.date | None = START,
    end: dt.date | None = END,
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ordering: str | None = ordering_query(OUTCOME_ORDER, "-date"),
) -> dict[str, Any]:
    """The office's outcomes; the filters of its outcome list page."""
    office = office_request(request, slug).office
    filters = {"partnership": partnership, "kind": kind, "start": start, "end": end}
    qs = selectors.outcome_list(office=office, filters=filters)
    qs = order_queryset(qs, ordering, OUTCOME_ORDER, "-date")
    return paginate_queryset(qs, limit=limit, offset=offset)


@router.get("/offices/{slug}/outcomes/{pk}", response={200: OutcomeOut, 404: ErrorOut})
def get_outcome(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    outcome = lookups.outcome(office_request(request, slug).office, pk)
    set_etag(response, outcome)
    return outcome


@router.post(
    "/offices/{slug}/activities/{pk}/outcomes",
    response={201: OutcomeOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_outcome(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: OutcomeIn, response: HttpResponse
) -> Any:
    """Record an outcome of the activity (whoever may edit the activity)."""
    scoped = office_request(request, slug, Role.LIAISON)
    activity = lookups.activity(scoped.office, pk)
    outcome = services.outcome_add(activity=activity, actor=scoped.membership, **payload.dict())
    set_etag(response, outcome)
    return 201, outcome


@router.patch("/offices/{slug}/outcomes/{pk}", response={200: OutcomeOut, **UPDATE_ANSWERS})
def update_outcome(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: OutcomePatch,
    response: HttpResponse,
) -> Any:
    """Correct the outcome (whoever may edit its activity): the fields sent change, the
    others stay. `published` publishes it on the portal (shown with its published activity)
    or withdraws it (officer and up). If-Match as for every versioned record."""
    scoped = office_request(request, slug, Role.LIAISON)
    outcome = lookups.outcome(scoped.office, pk)
    if not services.can_edit_activity(scoped.membership, outcome.activity):
        raise PermissionDenied  # as the page: even a patch that changes nothing
    sent = payload.dict(exclude_unset=True)
    published = sent.pop("published", None)
    # A null keeps what a field holds, except for the value (null clears it).
    sent = {k: v for k, v in sent.items() if v is not None or k == "value"}
    version = if_match(request)
    with transaction.atomic():
        if sent:
            fields = {name: getattr(outcome, name) for name in services.OUTCOME_FIELDS}
            outcome = services.outcome_update(
                outcome=outcome,
                actor=scoped.membership,
                expected_version=version,
                **{**fields, **sent},
            )
            version = outcome.version
        if published is not None:
            outcome = services.outcome_publish(
                record=outcome,
                actor=scoped.membership,
                published=published,
                expected_version=version,
            )
    set_etag(response, outcome)
    return outcome


@router.delete(
    "/offices/{slug}/outcomes/{pk}",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 412: StaleOut, 428: ErrorOut},
)
def delete_outcome(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Remove the outcome (whoever may edit its activity); the pacts' scores are refreshed.
    Send the ETag you read in If-Match (412 when stale)."""
    scoped = office_request(request, slug, Role.LIAISON)
    outcome = lookups.outcome(scoped.office, pk)
    if not services.can_edit_activity(scoped.membership, outcome.activity):
        raise PermissionDenied  # before If-Match: a 403 is not asked for a version
    services.outcome_delete(
        outcome=outcome, actor=scoped.membership, expected_version=if_match(request)
    )
    return 204, None
