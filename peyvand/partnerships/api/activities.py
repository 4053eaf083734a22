"""Activities in the API: list (by pact), read, log one with its outcomes; publish an
activity or an outcome on the public portal (PATCH `published`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
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
from peyvand.records.api import LOCKED_ANSWERS, if_match, set_etag

from .. import services
from ..models import Outcome
from . import lookups
from .schemas import ActivityIn, ActivityOut, ActivityPage, OutcomeOut, PublishPatch

router = Router(tags=["partnerships"])

# The sort keys of the activity list (public key -> field).
ACTIVITY_ORDER = {"date": "date", "title": "title", "kind": "kind", "participants": "participants"}


@router.get("/offices/{slug}/activities", response={200: ActivityPage, 422: ValidationOut})
@office_answer
def list_activities(
    request: HttpRequest,
    slug: str,
    partnership: int | None = Query(None, ge=1, le=MAX_ID),
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ordering: str | None = ordering_query(ACTIVITY_ORDER, "-date"),
) -> dict[str, Any]:
    qs = lookups.activities(office_request(request, slug).office)
    if partnership is not None:
        qs = qs.filter(partnerships__pk=partnership)
    qs = order_queryset(qs, ordering, ACTIVITY_ORDER, "-date")
    return paginate_queryset(qs, limit=limit, offset=offset)


@router.get("/offices/{slug}/activities/{pk}", response={200: ActivityOut, 404: ErrorOut})
def get_activity(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    activity = get_object_or_404(lookups.activities(office_request(request, slug).office), pk=pk)
    set_etag(response, activity)
    return activity


@router.post(
    "/offices/{slug}/activities",
    response={201: ActivityOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_activity(
    request: HttpRequest, slug: str, payload: ActivityIn, response: HttpResponse
) -> Any:
    scoped = office_request(request, slug, Role.LIAISON)
    office = scoped.office
    activity = services.activity_log(
        office=office,
        actor=scoped.membership,
        partnerships=lookups.pacts(office, payload.partnerships),
        date=payload.date,
        kind=payload.kind,
        title=payload.title,
        initiated_by=payload.initiated_by,
        description=payload.description,
        areas=lookups.areas(payload.areas),
        participants=payload.participants,
        outcomes=[o.dict() for o in payload.outcomes],
    )
    activity = get_object_or_404(lookups.activities(office), pk=activity.pk)
    set_etag(response, activity)
    return 201, activity


PUBLISH_ANSWERS: dict[int, Any] = {
    403: ErrorOut,
    404: ErrorOut,
    **LOCKED_ANSWERS,
    422: ValidationOut,
}


@router.patch("/offices/{slug}/activities/{pk}", response={200: ActivityOut, **PUBLISH_ANSWERS})
def update_activity(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: PublishPatch, response: HttpResponse
) -> Any:
    """Publish the activity on the public portal or withdraw it (officer and up); send the
    ETag you read in If-Match (412 when stale). Its other corrections are made on its page."""
    scoped = office_request(request, slug, Role.OFFICER)
    activity = get_object_or_404(lookups.activities(scoped.office), pk=pk)
    services.activity_publish(
        record=activity,
        actor=scoped.membership,
        published=payload.published,
        expected_version=if_match(request),
    )
    activity = get_object_or_404(lookups.activities(scoped.office), pk=pk)
    set_etag(response, activity)
    return activity


@router.patch("/offices/{slug}/outcomes/{pk}", response={200: OutcomeOut, **PUBLISH_ANSWERS})
def update_outcome(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: PublishPatch, response: HttpResponse
) -> Any:
    """Publish the outcome on the public portal (shown with its published activity) or
    withdraw it (officer and up); If-Match as for every versioned record."""
    scoped = office_request(request, slug, Role.OFFICER)
    outcome = get_object_or_404(
        Outcome.objects.for_office(scoped.office).select_related("activity"), pk=pk
    )
    outcome = services.outcome_publish(
        record=outcome,
        actor=scoped.membership,
        published=payload.published,
        expected_version=if_match(request),
    )
    set_etag(response, outcome)
    return outcome
