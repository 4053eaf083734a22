"""Missions in the API: list, create, read, edit (with If-Match), the workflow's actions,
the trip report and the documents' metadata (list, remove), through the services the
pages call."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Query, Router
from ninja.files import UploadedFile

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.models import Office, Role
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
from peyvand.core.validation import NotAllowedNow
from peyvand.places import lookups as places
from peyvand.records.api import DELETE_ANSWERS, LOCKED_ANSWERS, DocumentFilters, if_match, set_etag

from .. import selectors, services
from ..models import MissionDocument
from . import lookups
from .schemas import (
    MissionDocumentOut,
    MissionDocumentPage,
    MissionFilters,
    MissionIn,
    MissionOut,
    MissionPage,
    MissionPatch,
    TransitionIn,
    TripReportIn,
)

router = Router(tags=["missions"])

WRITE_ANSWERS: dict[int, Any] = {
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ValidationOut,
}
# An update takes the version it was made from (If-Match): 428 without it.
UPDATE_ANSWERS: dict[int, Any] = {**WRITE_ANSWERS, **LOCKED_ANSWERS}
# The sort keys of the lists (public key -> field); `sort` keeps the pages' keys.
MISSION_ORDER = {
    "start": "start_date",
    "end": "end_date",
    "title": "title_en",
    "status": "status",
    "created": "created_at",
    "updated": "updated_at",
}
DOCUMENT_ORDER = {"added": "created_at", "name": "original_name", "kind": "kind", "size": "size"}


@router.get("/offices/{slug}/missions", response={200: MissionPage, 422: ValidationOut})
@office_answer
def list_missions(
    request: HttpRequest,
    slug: str,
    filters: Query[MissionFilters],
    ordering: str | None = ordering_query(MISSION_ORDER, "-start"),
) -> dict[str, Any]:
    office = office_request(request, slug).office
    data = {k: ("" if v is None else str(v)) for k, v in filters.dict().items()}
    qs = lookups.missions(selectors.mission_list(office=office, filters=data))
    if ordering:
        qs = order_queryset(qs, ordering, MISSION_ORDER, "-start")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


def _relations(office: Office, fields: dict[str, Any], payload: Any) -> dict[str, Any]:
    """The ids a client sent, as records of the office (refused as field errors)."""
    out: dict[str, Any] = {}
    if "event_id" in fields:
        out["event"] = lookups.event(office, fields["event_id"])
    if "partnership_ids" in fields and fields["partnership_ids"] is not None:
        out["partnerships"] = lookups.pacts(office, fields["partnership_ids"])
    if "cities" in fields and fields["cities"] is not None:
        out["cities"] = places.cities(fields["cities"], "cities")
    if "participants" in fields and payload.participants is not None:
        out["participants"] = lookups.participants(office, payload.participants)
    if "objectives" in fields and fields["objectives"] is not None:
        out["objectives"] = fields["objectives"]
    return out


@router.post("/offices/{slug}/missions", response={201: MissionOut, **WRITE_ANSWERS})
def create_mission(
    request: HttpRequest, slug: str, payload: MissionIn, response: HttpResponse
) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    fields = payload.dict()
    m = services.mission_create(
        office=office,
        actor=scoped.membership,
        **{name: fields[name] for name in services.MISSION_FIELDS},
        **_relations(office, fields, payload),
    )
    m = lookups.mission(office, m.pk)
    set_etag(response, m)
    return 201, m


@router.get("/offices/{slug}/missions/{pk}", response={200: MissionOut, 404: ErrorOut})
def get_mission(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    m = lookups.mission(office_request(request, slug).office, pk)
    set_etag(response, m)
    return m


@router.patch("/offices/{slug}/missions/{pk}", response={200: MissionOut, **UPDATE_ANSWERS})
def update_mission(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: MissionPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag you read in If-Match (412 when stale). `status` takes the one action
    that leads there, as `/transitions` does (409 when not allowed now)."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    m = lookups.mission(office, pk)
    fields = payload.dict(exclude_unset=True)
    version = if_match(request)
    status = fields.pop("status", None)
    reason = fields.pop("reason", "")
    changes = {
        name: fields[name]
        for name in services.MISSION_FIELDS
        if name in fields and (fields[name] is not None or name.startswith("budget_"))
    }
    changes.update(_relations(office, fields, payload))
    if "published" in fields:
        changes["published"] = fields["published"]
    if changes:
        m = services.mission_update(
            mission=m, actor=scoped.membership, changes=changes, expected_version=version
        )
        version = None if version is None else m.version
    if status is not None and status != m.status:
        action = services.ACTION_TO.get(status)
        if action is None:
            raise NotAllowedNow(_("A mission moves to reported by filing its trip report."))
        services.mission_transition(
            mission=m,
            actor=scoped.membership,
            action=action.name,
            reason=reason,
            expected_version=version,
        )
    m = lookups.mission(office, pk)
    set_etag(response, m)
    return m


@router.post(
    "/offices/{slug}/missions/{pk}/transitions", response={200: MissionOut, **UPDATE_ANSWERS}
)
def transition_mission(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: TransitionIn,
    response: HttpResponse,
) -> Any:
    """Take a workflow action: 403 for a role that may not, 409 when the state does not
    allow it now (nothing changes)."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    m = lookups.mission(office, pk)
    services.mission_transition(
        mission=m,
        actor=scoped.membership,
        action=payload.action,
        reason=payload.reason,
        expected_version=if_match(request),
    )
    m = lookups.mission(office, pk)
    set_etag(response, m)
    return m


@router.put("/offices/{slug}/missions/{pk}/report", response={200: MissionOut, **UPDATE_ANSWERS})
def file_report(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: TripReportIn,
    response: HttpResponse,
) -> Any:
    """File (or correct) the trip report of a completed mission: it moves to reported."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    m = lookups.mission(office, pk)
    version = if_match(request)
    follow_ups = [
        services.FollowUpIn(
            partnership=lookups.pact(office, f.partnership_id, f"follow_ups.{n}.partnership_id"),
            title=f.title,
            due_on=f.due_date,
            department=lookups.department(office, f.department_id, f"follow_ups.{n}.department_id"),
        )
        for n, f in enumerate(payload.follow_ups)
    ]
    services.report_file(
        mission=m,
        actor=scoped.membership,
        report=services.ReportIn(
            summary=payload.summary,
            outcomes={o.id: (o.outcome, o.note) for o in payload.objectives},
            lessons=payload.lessons,
            people_exchanged=payload.people_exchanged,
            budget_actual=payload.budget_actual,
            practices=[(p.title, p.description) for p in payload.practices_observed],
            follow_ups=follow_ups,
        ),
        expected_version=version,
    )
    m = lookups.mission(office, pk)
    set_etag(response, m)
    return m


@router.delete("/offices/{slug}/missions/{pk}", response=DELETE_ANSWERS)
def delete_mission(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Put the mission in the office's bin (officer and up; restorable for 90 days from
    `.../bin`). If-Match is required: 428 without it, 412 when the mission changed since. The
    activities it created stay on their partnerships."""
    scoped = office_request(request, slug, Role.OFFICER)
    m = lookups.mission(scoped.office, pk)
    services.mission_delete(mission=m, actor=scoped.membership, expected_version=if_match(request))
    return 204, None


@router.get(
    "/offices/{slug}/missions/{pk}/documents",
    response={200: MissionDocumentPage, 404: ErrorOut, 422: ValidationOut},
)
def list_documents(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    filters: Query[DocumentFilters],
    ordering: str | None = ordering_query(DOCUMENT_ORDER, "added"),
) -> Any:
    """The metadata of the mission's documents (their files are uploaded and downloaded
    on the mission's page)."""
    office = office_request(request, slug).office
    m = lookups.mission(office, pk)
    qs = MissionDocument.objects.for_office(office).filter(mission=m)
    qs = order_queryset(qs, ordering, DOCUMENT_ORDER, "added")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.post("/offices/{slug}/missions/{pk}/documents", response=upload_answers(MissionDocumentOut))
def add_document(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    file: File[UploadedFile],
    kind: str = document_kind_form(),
) -> Any:
    """Attach a document to the mission (multipart: `kind` agenda, invitation, visa_letter
    or other, and `file`), checked by its content as on the mission's page."""
    scoped = office_request(request, slug, Role.OFFICER)
    m = lookups.mission(scoped.office, pk)
    return 201, services.document_add(mission=m, actor=scoped.membership, kind=kind, upload=file)


@router.delete(
    "/offices/{slug}/mission-documents/{pk}",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def delete_document(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Remove a document of the mission (recorded in its history; the file is deleted)."""
    scoped = office_request(request, slug, Role.OFFICER)
    doc = get_object_or_404(MissionDocument.objects.for_office(scoped.office), pk=pk)
    services.document_delete(document=doc, actor=scoped.membership)
    return 204, None
