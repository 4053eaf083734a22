"""The office's memberships in the API: list, read, create, update (with If-Match)."""

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
    paginate_queryset,
)
from peyvand.records.api import UPDATE_ANSWERS, if_match, set_etag

from .. import selectors, services
from . import lookups
from .schemas import (
    MEMBERSHIP_ORDER,
    MembershipFilters,
    MembershipIn,
    MembershipOut,
    MembershipPage,
    MembershipPatch,
)

router = Router(tags=["organizations"])


@router.get("/offices/{slug}/memberships", response={200: MembershipPage, 422: ValidationOut})
@office_answer
def list_memberships(
    request: HttpRequest, slug: str, filters: Query[MembershipFilters]
) -> dict[str, Any]:
    """The office's memberships; the filters of its membership list page."""
    office = office_request(request, slug).office
    data = filters.dict(exclude={"limit", "offset", "ordering"})
    listed = selectors.membership_list(office=office, filters=data, today=timezone.localdate())
    listed = order_queryset(listed, filters.ordering, MEMBERSHIP_ORDER, "organization")
    return paginate_queryset(lookups.with_parts(listed), limit=filters.limit, offset=filters.offset)


@router.get("/offices/{slug}/memberships/{pk}", response={200: MembershipOut, 404: ErrorOut})
def get_membership(
    request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse
) -> Any:
    m = lookups.membership(office_request(request, slug).office, pk)
    set_etag(response, m)
    return m


@router.post(
    "/offices/{slug}/memberships",
    response={201: MembershipOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_membership(
    request: HttpRequest, slug: str, payload: MembershipIn, response: HttpResponse
) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    data = payload.dict()
    data["organization"] = lookups.organization(payload.organization)
    data["focal_person"] = lookups.person(payload.focal_person)
    m = services.membership_create(office=scoped.office, actor=scoped.membership, **data)
    m = lookups.membership(scoped.office, m.pk)
    set_etag(response, m)
    return 201, m


@router.patch(
    "/offices/{slug}/memberships/{pk}",
    response={200: MembershipOut, **UPDATE_ANSWERS},
)
def update_membership(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: MembershipPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag of the membership you read in If-Match: a stale one answers 412."""
    scoped = office_request(request, slug, Role.OFFICER)
    m = lookups.membership(scoped.office, pk)
    data = payload.dict(exclude_unset=True)
    if "focal_person" in data:
        data["focal_person"] = lookups.person(data["focal_person"])
    services.membership_update(
        membership=m, actor=scoped.membership, data=data, expected_version=if_match(request)
    )
    m = lookups.membership(scoped.office, pk)
    set_etag(response, m)
    return m
