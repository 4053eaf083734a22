"""Activities in the API: list (by pact), read, log one with its outcomes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
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
    paginate_queryset,
)
from peyvand.core.validation import MAX_ID

from .. import services
from . import lookups
from .schemas import ActivityIn, ActivityOut, ActivityPage

router = Router(tags=["partnerships"])


@router.get("/offices/{slug}/activities", response={200: ActivityPage, 422: ValidationOut})
@office_answer
def list_activities(
    request: HttpRequest,
    slug: str,
    partnership: int | None = Query(None, ge=1, le=MAX_ID),
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> dict[str, Any]:
    qs = lookups.activities(office_request(request, slug).office)
    if partnership is not None:
        qs = qs.filter(partnerships__pk=partnership)
    return paginate_queryset(qs, limit=limit, offset=offset)


@router.get("/offices/{slug}/activities/{pk}", response={200: ActivityOut, 404: ErrorOut})
def get_activity(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    return get_object_or_404(lookups.activities(office_request(request, slug).office), pk=pk)


@router.post(
    "/offices/{slug}/activities",
    response={201: ActivityOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_activity(request: HttpRequest, slug: str, payload: ActivityIn) -> Any:
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
        is_public=payload.is_public,
        outcomes=[o.dict() for o in payload.outcomes],
    )
    return 201, get_object_or_404(lookups.activities(office), pk=activity.pk)
