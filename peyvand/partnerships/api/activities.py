"""Activities in the API: list (filtered like the office's list page), read, log one with
its outcomes, correct one (PATCH, with If-Match), publish it on the public portal.
Deleting one is its own operation."""

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
from peyvand.records.api import DELETE_ANSWERS, UPDATE_ANSWERS, if_match, set_etag

from .. import selectors, services
from . import lookups
from .schemas import ActivityIn, ActivityOut, ActivityPage, ActivityPatch

router = Router(tags=["partnerships"])

# The date range of the list (query parameters).
START = Query(None, description="Held on or after this day.")
END = Query(None, description="Held on or before this day.")

# The sort keys of the activity list (public key -> field).
ACTIVITY_ORDER = {"date": "date", "title": "title", "kind": "kind", "participants": "participants"}


@router.get("/offices/{slug}/activities", response={200: ActivityPage, 422: ValidationOut})
@office_answer
def list_activities(
    request: HttpRequest,
    slug: str,
    partnership: int | None = Query(None, ge=1, le=MAX_ID),
    kind: str = Query("", max_length=30, description="An activity kind, e.g. visit_out."),
    start: dt.date | None = START,
    end: dt.date | None = END,
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ordering: str | None = ordering_query(ACTIVITY_ORDER, "-date"),
) -> dict[str, Any]:
    """The office's activities; the filters of its activity list page."""
    office = office_request(request, slug).office
    filters = {"partnership": partnership, "kind": kind, "start": start, "end": end}
    qs = selectors.activity_list(office=office, filters=filters).prefetch_related(
        "areas", "outcomes", "partnerships"
    )
    qs = order_queryset(qs, ordering, ACTIVITY_ORDER, "-date")
    return paginate_queryset(qs, limit=limit, offset=offset)


@router.get("/offices/{slug}/activities/{pk}", response={200: ActivityOut, 404: ErrorOut})
def get_activity(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    activity = lookups.activity(office_request(request, slug).office, pk)
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
    activity = lookups.activity(office, activity.pk)
    set_etag(response, activity)
    return 201, activity


@router.patch("/offices/{slug}/activities/{pk}", response={200: ActivityOut, **UPDATE_ANSWERS})
def update_activity(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: ActivityPatch,
    response: HttpResponse,
) -> Any:
    """Correct the activity (a liaison the ones of their department or their own, an
    officer any): the fields sent change, the others stay. `published` publishes it on the
    public portal or withdraws it (officer and up). Send the ETag you read in If-Match
    (412 when stale)."""
    scoped = office_request(request, slug, Role.LIAISON)
    office = scoped.office
    activity = lookups.activity(office, pk)
    if not services.can_edit_activity(scoped.membership, activity):
        raise PermissionDenied  # as the page: even a patch that changes nothing
    sent = payload.dict(exclude_unset=True)
    published = sent.pop("published", None)
    # A null keeps what a field holds, except for the participants (null clears them).
    sent = {k: v for k, v in sent.items() if v is not None or k == "participants"}
    version = if_match(request)
    with transaction.atomic():
        if sent:
            current: dict[str, Any] = {
                name: getattr(activity, name) for name in services.ACTIVITY_FIELDS
            }
            current.update({k: v for k, v in sent.items() if k not in ("areas", "partnerships")})
            activity = services.activity_update(
                activity=activity,
                actor=scoped.membership,
                expected_version=version,
                partnerships=(
                    lookups.pacts(office, sent["partnerships"])
                    if "partnerships" in sent
                    else list(activity.partnerships.all())
                ),
                areas=lookups.areas(sent["areas"])
                if "areas" in sent
                else list(activity.areas.all()),
                **current,
            )
            version = activity.version
        if published is not None:
            services.activity_publish(
                record=activity,
                actor=scoped.membership,
                published=published,
                expected_version=version,
            )
    activity = lookups.activity(office, pk)
    set_etag(response, activity)
    return activity


@router.delete("/offices/{slug}/activities/{pk}", response=DELETE_ANSWERS)
def delete_activity(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Put the activity in the office's bin (officer and up; restorable for 90 days from
    `.../bin`). If-Match is required: 428 without it, 412 when the activity changed since. The
    scores of its partnerships are recomputed."""
    scoped = office_request(request, slug, Role.OFFICER)
    activity = lookups.activity(scoped.office, pk)
    services.activity_delete(
        activity=activity, actor=scoped.membership, expected_version=if_match(request)
    )
    return 204, None
