"""A pact's commitments in the API: list, create, read, update (with If-Match)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from peyvand.accounts.access import office_request
from peyvand.accounts.models import Role
from peyvand.core.api import ErrorOut, RecordIdPath, ValidationOut
from peyvand.records.api import LOCKED_ANSWERS, if_match, set_etag

from .. import selectors, services
from . import lookups
from .schemas import CommitmentIn, CommitmentOut, CommitmentPatch

router = Router(tags=["partnerships"])


@router.get(
    "/offices/{slug}/partnerships/{pk}/commitments",
    response={200: list[CommitmentOut], 404: ErrorOut},
)
def list_commitments(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    return list(selectors.commitments_of(lookups.pact(office_request(request, slug).office, pk)))


@router.post(
    "/offices/{slug}/partnerships/{pk}/commitments",
    response={201: CommitmentOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_commitment(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: CommitmentIn, response: HttpResponse
) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    c = services.commitment_create(
        partnership=lookups.pact(office, pk),
        actor=scoped.membership,
        title=payload.title,
        due_on=payload.due_on,
        area=lookups.areas([payload.area])[0] if payload.area else None,
        department=lookups.department(office, payload.department),
    )
    set_etag(response, c)
    return 201, c


@router.get("/offices/{slug}/commitments/{pk}", response={200: CommitmentOut, 404: ErrorOut})
def get_commitment(
    request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse
) -> Any:
    c = lookups.commitment(office_request(request, slug).office, pk)
    set_etag(response, c)
    return c


@router.patch(
    "/offices/{slug}/commitments/{pk}",
    response={
        200: CommitmentOut,
        403: ErrorOut,
        404: ErrorOut,
        **LOCKED_ANSWERS,
        422: ValidationOut,
    },
)
def update_commitment(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: CommitmentPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag of the commitment you read in If-Match: a stale one answers 412."""
    scoped = office_request(request, slug, Role.LIAISON)
    office = scoped.office
    c = lookups.commitment(office, pk)
    fields = payload.dict(exclude_unset=True)
    plan: dict[str, Any] = {}
    if "area" in fields:
        plan["set_area"] = True
        plan["area"] = lookups.areas([fields["area"]])[0] if fields["area"] else None
    if "department" in fields:
        plan["set_department"] = True
        plan["department"] = lookups.department(office, fields["department"])
    services.commitment_update(
        commitment=c,
        actor=scoped.membership,
        status=payload.status,
        done_on=payload.done_on,
        drop_reason=payload.drop_reason,
        evidence_note=payload.evidence_note,
        evidence_link=payload.evidence_link,
        title=payload.title,
        due_on=payload.due_on,
        expected_version=if_match(request),
        **plan,
    )
    c = lookups.commitment(office, pk)
    set_etag(response, c)
    return c
