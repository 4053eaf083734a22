"""Practices in the API: list, create, read, edit (with If-Match), the pipeline's moves
(rejecting and reopening included) and the documents' metadata (list, remove), through
the services the pages call."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
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
from peyvand.records.api import DELETE_ANSWERS, LOCKED_ANSWERS, DocumentFilters, if_match, set_etag

from .. import selectors, services
from ..models import PracticeDocument
from . import lookups
from .schemas import (
    PracticeDocumentOut,
    PracticeDocumentPage,
    PracticeFilters,
    PracticeIn,
    PracticeOut,
    PracticePage,
    PracticePatch,
    StageIn,
)

router = Router(tags=["practices"])

WRITE_ANSWERS: dict[int, Any] = {
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ValidationOut,
}
# An update takes the version it was made from (If-Match): 428 without it.
UPDATE_ANSWERS: dict[int, Any] = {**WRITE_ANSWERS, **LOCKED_ANSWERS}
# The sort keys of the lists (public key -> field); `sort` keeps the pages' keys.
PRACTICE_ORDER = {
    "updated": "updated_at",
    "created": "created_at",
    "title": "title_en",
    "stage": "stage",
    "since": "stage_since",
    "adopted": "adopted_on",
}
DOCUMENT_ORDER = {"added": "created_at", "name": "original_name", "kind": "kind", "size": "size"}
# The plain fields of the payloads (the rest are ids and codes looked up).
PLAIN = tuple(
    name for name in services.PRACTICE_FIELDS if name not in ("source_city", "department")
)
# Fields a PATCH may clear by sending null.
NULLABLE = ("source_city", "department_id")


@router.get("/offices/{slug}/practices", response={200: PracticePage, 422: ValidationOut})
@office_answer
def list_practices(
    request: HttpRequest,
    slug: str,
    filters: Query[PracticeFilters],
    ordering: str | None = ordering_query(PRACTICE_ORDER, "-updated"),
) -> dict[str, Any]:
    """The office's practices, filtered by stage, area (its code), source city (its id),
    tag, text or adoption between `start` and `end`; `{count, limit, offset, items}`."""
    office = office_request(request, slug).office
    data = filters.dict()
    qs = lookups.practices(selectors.practice_list(office=office, filters=data))
    if ordering:
        qs = order_queryset(qs, ordering, PRACTICE_ORDER, "-updated")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.post("/offices/{slug}/practices", response={201: PracticeOut, **WRITE_ANSWERS})
def create_practice(
    request: HttpRequest, slug: str, payload: PracticeIn, response: HttpResponse
) -> Any:
    """A new practice, an idea (officer and up); `observation_id` makes it from a trip
    report's observation (once)."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    fields = payload.dict()
    p = services.practice_create(
        office=office,
        actor=scoped.membership,
        observation=lookups.observation(office, fields.pop("observation_id")),
        **{name: fields[name] for name in PLAIN},
        **lookups.relations(office, fields),
    )
    p = lookups.practice(office, p.pk)
    set_etag(response, p)
    return 201, p


@router.get("/offices/{slug}/practices/{pk}", response={200: PracticeOut, 404: ErrorOut})
def get_practice(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    p = lookups.practice(office_request(request, slug).office, pk)
    set_etag(response, p)
    return p


@router.patch("/offices/{slug}/practices/{pk}", response={200: PracticeOut, **UPDATE_ANSWERS})
def update_practice(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: PracticePatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag you read in If-Match (412 when stale). The stage moves only through
    `/stage`."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    p = lookups.practice(office, pk)
    fields = {
        k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k in NULLABLE
    }
    changes = {name: fields[name] for name in PLAIN if name in fields}
    changes.update(lookups.relations(office, fields))
    if "published" in payload.model_fields_set:
        changes["published"] = payload.published
    services.practice_update(
        practice=p, actor=scoped.membership, changes=changes, expected_version=if_match(request)
    )
    p = lookups.practice(office, pk)
    set_etag(response, p)
    return p


@router.post("/offices/{slug}/practices/{pk}/stage", response={200: PracticeOut, **UPDATE_ANSWERS})
def move_practice(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: StageIn,
    response: HttpResponse,
) -> Any:
    """Move the practice on its pipeline: 403 for a role that may not, 409 for a move the
    pipeline refuses (nothing changes), 412 for a stale If-Match, 422 without the reason
    a rejection needs."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    p = lookups.practice(office, pk)
    services.practice_move(
        practice=p,
        actor=scoped.membership,
        stage=payload.stage,
        reason=payload.reason,
        expected_version=if_match(request),
    )
    p = lookups.practice(office, pk)
    set_etag(response, p)
    return p


@router.delete("/offices/{slug}/practices/{pk}", response=DELETE_ANSWERS)
def delete_practice(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Put the practice in the office's bin (officer and up; restorable for 90 days from
    `.../bin`). If-Match is required: 428 without it, 412 when the practice changed since."""
    scoped = office_request(request, slug, Role.OFFICER)
    p = lookups.practice(scoped.office, pk)
    services.practice_delete(
        practice=p, actor=scoped.membership, expected_version=if_match(request)
    )
    return 204, None


@router.get(
    "/offices/{slug}/practices/{pk}/documents",
    response={200: PracticeDocumentPage, 404: ErrorOut, 422: ValidationOut},
)
def list_documents(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    filters: Query[DocumentFilters],
    ordering: str | None = ordering_query(DOCUMENT_ORDER, "added"),
) -> Any:
    """The metadata of the practice's documents (their files are uploaded and downloaded
    on the practice's page)."""
    office = office_request(request, slug).office
    p = lookups.practice(office, pk)
    qs = PracticeDocument.objects.for_office(office).filter(practice=p)
    qs = order_queryset(qs, ordering, DOCUMENT_ORDER, "added")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.post(
    "/offices/{slug}/practices/{pk}/documents", response=upload_answers(PracticeDocumentOut)
)
def add_document(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    file: File[UploadedFile],
    kind: str = document_kind_form(),
) -> Any:
    """Attach a document to the practice (multipart: `kind` and `file`), checked by its
    content as on the practice's page."""
    scoped = office_request(request, slug, Role.OFFICER)
    p = lookups.practice(scoped.office, pk)
    doc = services.document_add(practice=p, actor=scoped.membership, kind=kind, upload=file)
    return 201, doc


@router.delete(
    "/offices/{slug}/practice-documents/{pk}",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def delete_document(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Remove a document of the practice (recorded in its history; the file is deleted)."""
    scoped = office_request(request, slug, Role.OFFICER)
    doc = get_object_or_404(PracticeDocument.objects.for_office(scoped.office), pk=pk)
    services.document_delete(document=doc, actor=scoped.membership)
    return 204, None
