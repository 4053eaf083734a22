"""Funding calls in the API: list (the nearest deadline first), create, read (ETag),
edit and delete (If-Match), through the services the pages call."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.models import Role
from peyvand.core.api import (
    ErrorOut,
    RecordIdPath,
    ValidationOut,
    order_queryset,
    ordering_query,
    paginate_queryset,
)
from peyvand.records.api import if_match, set_etag

from .. import selectors, services
from . import lookups
from .common import DELETE_ANSWERS, UPDATE_ANSWERS, WRITE_ANSWERS
from .schemas import CallFilters, CallIn, CallOut, CallPage, CallPatch

router = Router(tags=["opportunities"])

TEXTS = ("title_fa", "title_en", "currency", "link", "notes")
# The sort keys of the list (public key -> field); without `ordering`, the upcoming
# deadlines come first (the soonest first), then the passed ones (the latest first).
CALL_ORDER = {
    "deadline": "deadline",
    "title": "title_en",
    "amount": "amount_max",
    "created": "created_at",
    "updated": "updated_at",
}


@router.get("/offices/{slug}/calls", response={200: CallPage, 422: ValidationOut})
@office_answer
def list_calls(
    request: HttpRequest,
    slug: str,
    filters: Query[CallFilters],
    ordering: str | None = ordering_query(CALL_ORDER, "deadline"),
) -> dict[str, Any]:
    office = office_request(request, slug).office
    data = filters.dict()
    data["open"] = "1" if filters.open else ""
    qs = selectors.call_list(office=office, today=timezone.localdate(), filters=data)
    if ordering:
        qs = order_queryset(qs, ordering, CALL_ORDER, "deadline")
    return paginate_queryset(lookups.calls(qs), limit=filters.limit, offset=filters.offset)


def _values(fields: dict[str, Any]) -> dict[str, Any]:
    lookups.text_or_empty(fields, *TEXTS)
    if "funder_id" in fields:
        fields["funder"] = lookups.organization(fields.pop("funder_id"), "funder_id")
    if fields.get("areas") is not None:
        fields["areas"] = lookups.areas(fields["areas"])
    else:
        fields.pop("areas", None)
    return fields


@router.post("/offices/{slug}/calls", response={201: CallOut, **WRITE_ANSWERS})
def create_call(request: HttpRequest, slug: str, payload: CallIn, response: HttpResponse) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    call = services.call_create(
        office=scoped.office, actor=scoped.membership, **_values(payload.dict())
    )
    call = lookups.call(scoped.office, call.pk)
    set_etag(response, call)
    return 201, call


@router.get("/offices/{slug}/calls/{pk}", response={200: CallOut, 404: ErrorOut})
def get_call(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    call = lookups.call(office_request(request, slug).office, pk)
    set_etag(response, call)
    return call


@router.patch("/offices/{slug}/calls/{pk}", response={200: CallOut, **UPDATE_ANSWERS})
def update_call(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: CallPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag you read in If-Match (412 when stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    call = lookups.call(office, pk)
    version = if_match(request)  # required even when nothing changes
    changes = _values(payload.dict(exclude_unset=True))
    if changes:
        services.call_update(
            call=call, actor=scoped.membership, changes=changes, expected_version=version
        )
    call = lookups.call(office, pk)
    set_etag(response, call)
    return call


@router.delete("/offices/{slug}/calls/{pk}", response={204: None, **DELETE_ANSWERS})
def delete_call(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Take the call off the office's watch list; 409 while the office has applied to it;
    send the ETag you read in If-Match (412 when stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    call = lookups.call(scoped.office, pk)
    services.call_delete(call=call, actor=scoped.membership, expected_version=if_match(request))
    return 204, None
