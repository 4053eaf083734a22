"""What a membership obliges the office to do, in the API: add, read, correct, mark done,
delete (If-Match on all but the first). Officer and up write, as on the membership's page;
they are listed with their membership."""

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
from .schemas import DoneIn, ObligationIn, ObligationOut, ObligationPatch

router = Router(tags=["organizations"])


@router.post(
    "/offices/{slug}/memberships/{pk}/obligations",
    response={201: ObligationOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_obligation(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: ObligationIn,
    response: HttpResponse,
) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    obligation = services.obligation_create(
        membership=lookups.membership(scoped.office, pk),
        actor=scoped.membership,
        **payload.dict(),
    )
    set_etag(response, obligation)
    return 201, obligation


@router.get("/offices/{slug}/obligations/{pk}", response={200: ObligationOut, 404: ErrorOut})
def get_obligation(
    request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse
) -> Any:
    obligation = lookups.obligation(office_request(request, slug).office, pk)
    set_etag(response, obligation)
    return obligation


@router.patch("/offices/{slug}/obligations/{pk}", response={200: ObligationOut, **UPDATE_ANSWERS})
def update_obligation(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: ObligationPatch,
    response: HttpResponse,
) -> Any:
    """Correct the obligation: the fields sent change. Send the ETag you read in If-Match
    (412 when stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    obligation = services.obligation_update(
        obligation=lookups.obligation(scoped.office, pk),
        actor=scoped.membership,
        data=payload.dict(exclude_unset=True),
        expected_version=if_match(request),
    )
    set_etag(response, obligation)
    return obligation


@router.post(
    "/offices/{slug}/obligations/{pk}/done", response={200: ObligationOut, **UPDATE_ANSWERS}
)
def mark_obligation_done(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: DoneIn, response: HttpResponse
) -> Any:
    """Mark the obligation done (today unless `done_on` says): it raises no alert after."""
    scoped = office_request(request, slug, Role.OFFICER)
    obligation = services.obligation_mark_done(
        obligation=lookups.obligation(scoped.office, pk),
        actor=scoped.membership,
        done_on=payload.done_on,
        expected_version=if_match(request),
    )
    set_etag(response, obligation)
    return obligation


@router.delete(
    "/offices/{slug}/obligations/{pk}",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 412: StaleOut, 428: ErrorOut},
)
def delete_obligation(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Delete the obligation (the membership's history keeps it); If-Match as for an
    update."""
    scoped = office_request(request, slug, Role.OFFICER)
    services.obligation_delete(
        obligation=lookups.obligation(scoped.office, pk),
        actor=scoped.membership,
        expected_version=if_match(request),
    )
    return 204, None
