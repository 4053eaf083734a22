"""The organisations in the API: world data, the same for every office. An officer adds
one and a director corrects one (a shipped one too) under their office, whose name the
organisation's history keeps."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from peyvand.accounts.access import office_request, world_answer
from peyvand.accounts.models import Role
from peyvand.core.api import (
    ErrorOut,
    RecordIdPath,
    ValidationOut,
    order_queryset,
    paginate_queryset,
)
from peyvand.partnerships.api.lookups import areas
from peyvand.places import lookups as places
from peyvand.records.api import UPDATE_ANSWERS, if_match, set_etag

from .. import selectors, services
from ..models import Organization
from .schemas import (
    ORGANIZATION_ORDER,
    CorrectionOut,
    OrganizationFilters,
    OrganizationIn,
    OrganizationOut,
    OrganizationPage,
    OrganizationPatch,
)

router = Router(tags=["organizations"])


def _organizations() -> Any:
    return Organization.objects.select_related("headquarters").prefetch_related("areas")


@router.get("/organizations", response={200: OrganizationPage, 422: ValidationOut})
@world_answer
def list_organizations(request: HttpRequest, filters: Query[OrganizationFilters]) -> Any:
    """The international bodies (shipped and added by offices), by English name; filters:
    kind, q (names and acronym), country of the headquarters; `ordering`."""
    qs = order_queryset(_organizations(), filters.ordering, ORGANIZATION_ORDER, "name")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    q = filters.q.strip()
    if q:
        qs = qs.filter(Q(name_en__icontains=q) | Q(name_fa__icontains=q) | Q(acronym__icontains=q))
    if filters.country.strip():
        qs = qs.filter(headquarters__country__code=filters.country.strip().upper())
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.get("/organizations/{pk}", response={200: OrganizationOut, 404: ErrorOut})
def get_organization(request: HttpRequest, pk: RecordIdPath, response: HttpResponse) -> Any:
    return _answer(pk, response)


def _answer(pk: int, response: HttpResponse) -> Organization:
    """The organisation as the API answers it, with its ETag."""
    org: Organization = get_object_or_404(_organizations(), pk=pk)
    set_etag(response, org)
    return org


def _fields(sent: dict[str, Any]) -> dict[str, Any]:
    """The fields a client sent, its city and area codes looked up."""
    data = dict(sent)
    if "headquarters" in data:
        data["headquarters"] = places.city(data["headquarters"], "headquarters")
    if "areas" in data:
        data["areas"] = areas(data["areas"] or [])
    return data


@router.post(
    "/offices/{slug}/organizations",
    response={201: OrganizationOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_organization(
    request: HttpRequest, slug: str, payload: OrganizationIn, response: HttpResponse
) -> Any:
    """Add an organisation the office deals with (officer and up); an English name another
    organisation already has is refused (422 on `name_en`, naming it)."""
    scoped = office_request(request, slug, Role.OFFICER)
    org = services.organization_create(
        office=scoped.office, actor=scoped.membership, **_fields(payload.dict())
    )
    return 201, _answer(org.pk, response)


@router.patch(
    "/offices/{slug}/organizations/{pk}", response={200: OrganizationOut, **UPDATE_ANSWERS}
)
def update_organization(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: OrganizationPatch,
    response: HttpResponse,
) -> Any:
    """A director's correction of an organisation (every office sees it). Send the ETag you
    read in If-Match: 428 without it, 412 when it changed since."""
    scoped = office_request(request, slug, Role.DIRECTOR)
    org = get_object_or_404(Organization, pk=pk)
    services.organization_update(
        organization=org,
        office=scoped.office,
        actor=scoped.membership,
        data=_fields(payload.dict(exclude_unset=True)),
        expected_version=if_match(request),
    )
    return _answer(pk, response)


@router.get(
    "/offices/{slug}/organizations/{pk}/corrections",
    response={200: list[CorrectionOut], 404: ErrorOut},
)
def list_corrections(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Who added and corrected the organisation, newest first (the last 50), with the office
    of each change: the same for every office, as the organisation is."""
    office_request(request, slug)
    return selectors.organization_history(get_object_or_404(Organization, pk=pk))
