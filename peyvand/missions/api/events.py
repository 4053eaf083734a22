"""The office's events in the API: list, create, read, update and delete (with
If-Match)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.models import Office, Role
from peyvand.core.api import (
    ErrorOut,
    RecordIdPath,
    ValidationOut,
    order_queryset,
    ordering_query,
    paginate_queryset,
)
from peyvand.partnerships.api.lookups import areas
from peyvand.places import lookups as places
from peyvand.records.api import UPDATE_ANSWERS, if_match, set_etag

from .. import selectors, services
from ..models import Event
from .contacts import organization
from .schemas_people import EventFilters, EventIn, EventOut, EventPage, EventPatch

router = Router(tags=["missions"])

# The sort keys of the list (public key -> field); without `ordering`, upcoming events
# (`when=upcoming`) soonest first, otherwise the newest first (or `sort`: date, -date).
EVENT_ORDER = {
    "date": "starts_on",
    "ends": "ends_on",
    "title": "title_en",
    "created": "created_at",
    "updated": "updated_at",
}


def _event(office: Office, pk: int) -> Event:
    return selectors.event_for_detail(office=office, pk=pk)


def _links(data: dict[str, Any]) -> dict[str, Any]:
    """The ids and codes a client sent, as records (refused as field errors)."""
    for name in ("organizer_city", "host_city"):
        if name in data:
            data[name] = places.city(data[name], name)
    if "organizer_organization" in data:
        data["organizer_organization"] = organization(
            data["organizer_organization"], "organizer_organization"
        )
    if "areas" in data:
        data["areas"] = areas(data["areas"] or [])
    return data


@router.get("/offices/{slug}/events", response={200: EventPage, 422: ValidationOut})
@office_answer
def list_events(
    request: HttpRequest,
    slug: str,
    filters: Query[EventFilters],
    ordering: str | None = ordering_query(EVENT_ORDER, "-date"),
) -> Any:
    office = office_request(request, slug).office
    data = {k: ("" if v is None else v) for k, v in filters.dict().items()}
    qs = selectors.event_list(office=office, filters=data).prefetch_related("areas")
    if ordering:
        qs = order_queryset(qs, ordering, EVENT_ORDER, "-date")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.get("/offices/{slug}/events/{pk}", response={200: EventOut, 404: ErrorOut})
def get_event(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    event = _event(office_request(request, slug).office, pk)
    set_etag(response, event)
    return event


@router.post(
    "/offices/{slug}/events",
    response={201: EventOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_event(request: HttpRequest, slug: str, payload: EventIn, response: HttpResponse) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    event = services.event_create(office=office, actor=scoped.membership, **_links(payload.dict()))
    event = _event(office, event.pk)
    set_etag(response, event)
    return 201, event


@router.patch("/offices/{slug}/events/{pk}", response={200: EventOut, **UPDATE_ANSWERS})
def update_event(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: EventPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag of the event you read in If-Match: a stale one answers 412."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    event = _event(office, pk)
    services.event_update(
        event=event,
        actor=scoped.membership,
        expected_version=if_match(request),
        data=_links(payload.dict(exclude_unset=True)),
    )
    event = _event(office, pk)
    set_etag(response, event)
    return event


@router.delete("/offices/{slug}/events/{pk}", response={204: None, 409: ErrorOut, **UPDATE_ANSWERS})
def delete_event(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Delete the event; 409 while a mission is linked to it; send the ETag you read in
    If-Match (412 when stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    event = _event(scoped.office, pk)
    services.event_delete(event=event, actor=scoped.membership, expected_version=if_match(request))
    return 204, None
