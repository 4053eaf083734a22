"""The seats and roles a membership holds, in the API: add, read, correct, delete (If-Match
on the last two). Officer and up write, as on the membership's page; they are listed with
their membership."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from peyvand.accounts.access import office_request
from peyvand.accounts.models import Role
from peyvand.core.api import ErrorOut, RecordIdPath, ValidationOut
from peyvand.records.api import UPDATE_ANSWERS, StaleOut, if_match, set_etag

from .. import services
from . import lookups
from .schemas import RoleIn, RoleOut, RolePatch

router = Router(tags=["organizations"])


@router.post(
    "/offices/{slug}/memberships/{pk}/roles",
    response={201: RoleOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_role(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: RoleIn, response: HttpResponse
) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    role = services.role_create(
        membership=lookups.membership(scoped.office, pk),
        actor=scoped.membership,
        **payload.dict(),
    )
    set_etag(response, role)
    return 201, role


@router.get("/offices/{slug}/roles/{pk}", response={200: RoleOut, 404: ErrorOut})
def get_role(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    role = lookups.role(office_request(request, slug).office, pk)
    set_etag(response, role)
    return role


@router.patch("/offices/{slug}/roles/{pk}", response={200: RoleOut, **UPDATE_ANSWERS})
def update_role(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: RolePatch, response: HttpResponse
) -> Any:
    """Correct the seat: the fields sent change (null clears a date). Send the ETag you
    read in If-Match (412 when stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    role = services.role_update(
        role=lookups.role(scoped.office, pk),
        actor=scoped.membership,
        data=payload.dict(exclude_unset=True),
        expected_version=if_match(request),
    )
    set_etag(response, role)
    return role


@router.delete(
    "/offices/{slug}/roles/{pk}",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 412: StaleOut, 428: ErrorOut},
)
def delete_role(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Delete the seat (the membership's history keeps it); If-Match as for an update."""
    scoped = office_request(request, slug, Role.OFFICER)
    services.role_delete(
        role=lookups.role(scoped.office, pk),
        actor=scoped.membership,
        expected_version=if_match(request),
    )
    return 204, None
