"""A pact's agreements in the API: list, add, read, correct (with If-Match), and remove one
of their files; their files are listed with each agreement (uploaded on the pact's page,
downloaded by members from `/<lang>/o/<office>/files/agreement/<id>/`). Officer and up
write, as on the pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Router
from ninja.files import UploadedFile

from peyvand.accounts.access import office_request
from peyvand.accounts.models import Role
from peyvand.core.api import ErrorOut, RecordIdPath, ValidationOut, upload_answers
from peyvand.records.api import UPDATE_ANSWERS, if_match, set_etag

from .. import services
from . import lookups
from .schemas import AgreementFileOut, AgreementIn, AgreementOut, AgreementPatch

router = Router(tags=["partnerships"])


@router.get(
    "/offices/{slug}/partnerships/{pk}/agreements",
    response={200: list[AgreementOut], 404: ErrorOut},
)
def list_agreements(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """The pact's agreements (a handful: not paginated), by signing date."""
    office = office_request(request, slug).office
    pact = lookups.pact(office, pk)
    return list(lookups.agreements(office).filter(partnership=pact).order_by("signed_on", "pk"))


@router.post(
    "/offices/{slug}/partnerships/{pk}/agreements",
    response={201: AgreementOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_agreement(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: AgreementIn, response: HttpResponse
) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    agreement = services.agreement_create(
        partnership=lookups.pact(scoped.office, pk), actor=scoped.membership, **payload.dict()
    )
    agreement = lookups.agreement(scoped.office, agreement.pk)
    set_etag(response, agreement)
    return 201, agreement


@router.get("/offices/{slug}/agreements/{pk}", response={200: AgreementOut, 404: ErrorOut})
def get_agreement(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    agreement = lookups.agreement(office_request(request, slug).office, pk)
    set_etag(response, agreement)
    return agreement


@router.patch("/offices/{slug}/agreements/{pk}", response={200: AgreementOut, **UPDATE_ANSWERS})
def update_agreement(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: AgreementPatch,
    response: HttpResponse,
) -> Any:
    """Correct the agreement: the fields sent change, the others stay (null clears a
    date). Send the ETag you read in If-Match (412 when stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    agreement = lookups.agreement(scoped.office, pk)
    fields = {name: getattr(agreement, name) for name in services.AGREEMENT_FIELDS}
    for name, value in payload.dict(exclude_unset=True).items():
        fields[name] = "" if value is None and name in ("languages", "signatories") else value
    if fields["title"] is None:
        fields["title"] = agreement.title
    services.agreement_update(
        agreement=agreement,
        actor=scoped.membership,
        expected_version=if_match(request),
        **fields,
    )
    agreement = lookups.agreement(scoped.office, pk)
    set_etag(response, agreement)
    return agreement


@router.post("/offices/{slug}/agreements/{pk}/files", response=upload_answers(AgreementFileOut))
def add_agreement_file(
    request: HttpRequest, slug: str, pk: RecordIdPath, file: File[UploadedFile]
) -> Any:
    """Attach a file (the signed text, a scan) to the agreement (multipart: `file`),
    checked by its content as on the agreement's page."""
    scoped = office_request(request, slug, Role.OFFICER)
    agreement = lookups.agreement(scoped.office, pk)
    return 201, services.agreement_file_add(
        agreement=agreement, actor=scoped.membership, upload=file
    )


@router.delete(
    "/offices/{slug}/agreement-files/{pk}",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
)
def delete_agreement_file(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Remove a file from its agreement (the stored copy is deleted; the pact's history
    keeps its name)."""
    scoped = office_request(request, slug, Role.OFFICER)
    services.agreement_file_remove(
        file=lookups.agreement_file(scoped.office, pk), actor=scoped.membership
    )
    return 204, None
