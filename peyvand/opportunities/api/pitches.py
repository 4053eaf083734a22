"""Pitches in the API: list, create, read (ETag), edit (If-Match), through the services
the pages call."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.models import Role
from peyvand.core.api import ErrorOut, RecordIdPath, ValidationOut, paginate_queryset
from peyvand.records.api import if_match, set_etag

from .. import selectors, services
from . import lookups
from .common import UPDATE_ANSWERS, WRITE_ANSWERS
from .schemas import PitchFilters, PitchIn, PitchOut, PitchPage, PitchPatch

router = Router(tags=["opportunities"])

TEXTS = ("title_fa", "title_en", "description_fa", "description_en", "location", "currency")
# A choice sent as null keeps its value (a pitch always has one).
CHOICES = ("instrument", "stage", "status")


@router.get("/offices/{slug}/pitches", response={200: PitchPage, 422: ValidationOut})
@office_answer
def list_pitches(request: HttpRequest, slug: str, filters: Query[PitchFilters]) -> dict[str, Any]:
    office = office_request(request, slug).office
    data = filters.dict()
    qs = lookups.pitches(selectors.pitch_list(office=office, filters=data))
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


def _values(fields: dict[str, Any]) -> dict[str, Any]:
    lookups.text_or_empty(fields, *TEXTS)
    for name in CHOICES:
        if name in fields and fields[name] is None:
            del fields[name]
    if "area" in fields:
        fields["area"] = lookups.area(fields["area"])
    return fields


@router.post("/offices/{slug}/pitches", response={201: PitchOut, **WRITE_ANSWERS})
def create_pitch(request: HttpRequest, slug: str, payload: PitchIn, response: HttpResponse) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    p = services.pitch_create(
        office=scoped.office, actor=scoped.membership, **_values(payload.dict())
    )
    p = lookups.pitch(scoped.office, p.pk)
    set_etag(response, p)
    return 201, p


@router.get("/offices/{slug}/pitches/{pk}", response={200: PitchOut, 404: ErrorOut})
def get_pitch(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    p = lookups.pitch(office_request(request, slug).office, pk)
    set_etag(response, p)
    return p


@router.patch("/offices/{slug}/pitches/{pk}", response={200: PitchOut, **UPDATE_ANSWERS})
def update_pitch(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: PitchPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag you read in If-Match (412 when stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    p = lookups.pitch(office, pk)
    version = if_match(request)  # required even when nothing changes
    changes = _values(payload.dict(exclude_unset=True))
    if changes:
        services.pitch_update(
            pitch=p, actor=scoped.membership, changes=changes, expected_version=version
        )
    p = lookups.pitch(office, pk)
    set_etag(response, p)
    return p
