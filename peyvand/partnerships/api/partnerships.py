"""The pacts in the API: list, read, create, update (with If-Match)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.models import Role
from peyvand.core.api import (
    ErrorOut,
    RecordIdPath,
    ValidationOut,
    order_queryset,
    paginate_queryset,
)
from peyvand.records.api import DELETE_ANSWERS, UPDATE_ANSWERS, if_match, set_etag

from .. import selectors, services
from . import lookups
from .schemas import (
    PARTNERSHIP_ORDER,
    PartnershipFilters,
    PartnershipIn,
    PartnershipOut,
    PartnershipPage,
    PartnershipPatch,
)

router = Router(tags=["partnerships"])


@router.get("/offices/{slug}/partnerships", response={200: PartnershipPage, 422: ValidationOut})
@office_answer
def list_partnerships(
    request: HttpRequest, slug: str, filters: Query[PartnershipFilters]
) -> dict[str, Any]:
    office = office_request(request, slug).office
    data = filters.dict()
    ordering = data.pop("ordering")
    qs = selectors.partnership_list(
        office=office,
        filters={k: ("1" if v is True else "" if v is False else v) for k, v in data.items()},
    ).prefetch_related("areas")
    if ordering:
        qs = order_queryset(qs, ordering, PARTNERSHIP_ORDER, "city")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.get("/offices/{slug}/partnerships/{pk}", response={200: PartnershipOut, 404: ErrorOut})
def get_partnership(
    request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse
) -> Any:
    p = lookups.pact(office_request(request, slug).office, pk)
    set_etag(response, p)
    return p


@router.post(
    "/offices/{slug}/partnerships",
    response={201: PartnershipOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_partnership(
    request: HttpRequest, slug: str, payload: PartnershipIn, response: HttpResponse
) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    p = services.partnership_create(
        office=office,
        actor=scoped.membership,
        partner_city=lookups.city(payload.partner_city),
        kind=payload.kind,
        status=payload.status,
        signed_on=payload.signed_on,
        valid_until=payload.valid_until,
        areas=lookups.areas(payload.areas),
        summary_fa=payload.summary_fa,
        summary_en=payload.summary_en,
        responsible=lookups.responsible(office, payload.responsible),
        end_reason=payload.end_reason,
    )
    p = lookups.pact(office, p.pk)
    set_etag(response, p)
    return 201, p


@router.patch(
    "/offices/{slug}/partnerships/{pk}",
    response={200: PartnershipOut, **UPDATE_ANSWERS},
)
def update_partnership(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: PartnershipPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag of the partnership you read in If-Match: a stale one answers 412."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    p = lookups.pact(office, pk)
    data: dict[str, Any] = {}
    for name, value in payload.dict(exclude_unset=True).items():
        if name == "partner_city":
            data["partner_city"] = lookups.city(value)
        elif name == "areas":
            data["areas"] = lookups.areas(value or [])
        elif name == "responsible":
            data["responsible"] = lookups.responsible(office, value)
        else:
            data[name] = value
    services.partnership_update(
        partnership=p, actor=scoped.membership, expected_version=if_match(request), data=data
    )
    p = lookups.pact(office, pk)
    set_etag(response, p)
    return p


@router.delete("/offices/{slug}/partnerships/{pk}", response=DELETE_ANSWERS)
def delete_partnership(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Put the partnership in the office's bin (officer and up; restorable for 90 days from
    `.../bin`). If-Match is required: 428 without it, 412 when the partnership changed since. A
    partnership with activities is refused (422)."""
    scoped = office_request(request, slug, Role.OFFICER)
    p = lookups.pact(scoped.office, pk)
    services.partnership_delete(
        partnership=p, actor=scoped.membership, expected_version=if_match(request)
    )
    return 204, None
