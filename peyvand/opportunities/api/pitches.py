"""Pitches in the API: list, create, read (ETag), edit and delete (If-Match), their
documents' metadata (list, remove), through the services the pages call."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Query, Router
from ninja.files import UploadedFile

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.models import Role
from peyvand.core.api import (
    ErrorOut,
    RecordIdPath,
    ValidationOut,
    document_kind_form,
    order_queryset,
    ordering_query,
    paginate_queryset,
    upload_answers,
)
from peyvand.records.api import DocumentFilters, if_match, set_etag

from .. import selectors, services
from ..models import PitchDocument
from . import lookups
from .common import DELETE_ANSWERS, DOCUMENT_DELETE_ANSWERS, UPDATE_ANSWERS, WRITE_ANSWERS
from .schemas import (
    PitchDocumentOut,
    PitchDocumentPage,
    PitchFilters,
    PitchIn,
    PitchOut,
    PitchPage,
    PitchPatch,
)

DOCUMENT_ORDER = {"added": "created_at", "name": "original_name", "kind": "kind", "size": "size"}

router = Router(tags=["opportunities"])

TEXTS = ("title_fa", "title_en", "description_fa", "description_en", "location", "currency")
# A choice sent as null keeps its value (a pitch always has one).
CHOICES = ("instrument", "stage", "status")
# The sort keys of the list (public key -> field); `sort` keeps the pages' keys.
PITCH_ORDER = {
    "updated": "updated_at",
    "created": "created_at",
    "title": "title_en",
    "financing": "financing_sought",
    "budget": "budget",
    "status": "status",
    "stage": "stage",
}


@router.get("/offices/{slug}/pitches", response={200: PitchPage, 422: ValidationOut})
@office_answer
def list_pitches(
    request: HttpRequest,
    slug: str,
    filters: Query[PitchFilters],
    ordering: str | None = ordering_query(PITCH_ORDER, "-updated"),
) -> dict[str, Any]:
    office = office_request(request, slug).office
    data = filters.dict()
    qs = lookups.pitches(selectors.pitch_list(office=office, filters=data))
    if ordering:
        qs = order_queryset(qs, ordering, PITCH_ORDER, "-updated")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


def _values(fields: dict[str, Any]) -> dict[str, Any]:
    lookups.text_or_empty(fields, *TEXTS)
    for name in CHOICES:
        if name in fields and fields[name] is None:
            del fields[name]
    if "area" in fields:
        fields["area"] = lookups.area(fields["area"])
    return fields


@router.post("/offices/{slug}/pitches", response={201: PitchOut, **WRITE_ANSWERS})
def create_pitch(request: HttpRequest, slug: str, payload: PitchIn, response: HttpResponse) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    p = services.pitch_create(
        office=scoped.office, actor=scoped.membership, **_values(payload.dict())
    )
    p = lookups.pitch(scoped.office, p.pk)
    set_etag(response, p)
    return 201, p


@router.get("/offices/{slug}/pitches/{pk}", response={200: PitchOut, 404: ErrorOut})
def get_pitch(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    p = lookups.pitch(office_request(request, slug).office, pk)
    set_etag(response, p)
    return p


@router.patch("/offices/{slug}/pitches/{pk}", response={200: PitchOut, **UPDATE_ANSWERS})
def update_pitch(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: PitchPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag you read in If-Match (412 when stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    p = lookups.pitch(office, pk)
    version = if_match(request)  # required even when nothing changes
    changes = _values(payload.dict(exclude_unset=True))
    if changes:
        services.pitch_update(
            pitch=p, actor=scoped.membership, changes=changes, expected_version=version
        )
    p = lookups.pitch(office, pk)
    set_etag(response, p)
    return p


@router.delete("/offices/{slug}/pitches/{pk}", response={204: None, **DELETE_ANSWERS})
def delete_pitch(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Delete the pitch with its interested parties, their follow-ups and its documents;
    409 while an application is made for it; send the ETag you read in If-Match (412 when
    stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    p = lookups.pitch(scoped.office, pk)
    services.pitch_delete(pitch=p, actor=scoped.membership, expected_version=if_match(request))
    return 204, None


@router.get(
    "/offices/{slug}/pitches/{pk}/documents",
    response={200: PitchDocumentPage, 404: ErrorOut, 422: ValidationOut},
)
def list_documents(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    filters: Query[DocumentFilters],
    ordering: str | None = ordering_query(DOCUMENT_ORDER, "added"),
) -> Any:
    """The metadata of the pitch's documents (their files are uploaded and downloaded on
    the pitch's page)."""
    office = office_request(request, slug).office
    p = lookups.pitch(office, pk)
    qs = PitchDocument.objects.for_office(office).filter(pitch=p)
    qs = order_queryset(qs, ordering, DOCUMENT_ORDER, "added")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.post("/offices/{slug}/pitches/{pk}/documents", response=upload_answers(PitchDocumentOut))
def add_document(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    file: File[UploadedFile],
    kind: str = document_kind_form(),
) -> Any:
    """Attach a document to the pitch (multipart: `kind` and `file`), checked by its
    content as on the pitch's page."""
    scoped = office_request(request, slug, Role.OFFICER)
    pitch = lookups.pitch(scoped.office, pk)
    doc = services.document_add(pitch=pitch, actor=scoped.membership, kind=kind, upload=file)
    return 201, doc


@router.delete(
    "/offices/{slug}/pitch-documents/{pk}",
    response={204: None, **DOCUMENT_DELETE_ANSWERS},
)
def delete_document(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Remove a document of the pitch (recorded in its history; the file is deleted)."""
    scoped = office_request(request, slug, Role.OFFICER)
    doc = lookups.pitch_document(scoped.office, pk)
    services.document_delete(document=doc, actor=scoped.membership)
    return 204, None
