"""The organisations in the API: world data, the same for every office."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from peyvand.accounts.access import world_answer
from peyvand.core.api import (
    ErrorOut,
    RecordIdPath,
    ValidationOut,
    order_queryset,
    paginate_queryset,
)
from peyvand.records.api import set_etag

from ..models import Organization
from .schemas import ORGANIZATION_ORDER, OrganizationFilters, OrganizationOut, OrganizationPage

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
    org = get_object_or_404(_organizations(), pk=pk)
    set_etag(response, org)
    return org
