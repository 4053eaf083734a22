"""Applications in the API: list, create, read (ETag), edit (If-Match) and the workflow's
`POST .../status` (403 for a role that may not, 409 for a move the workflow refuses),
through the services the pages call."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.models import Office, Role
from peyvand.core.api import (
    ErrorOut,
    RecordIdPath,
    ValidationOut,
    order_queryset,
    ordering_query,
    paginate_queryset,
)
from peyvand.places import lookups as places
from peyvand.records.api import if_match, set_etag

from .. import selectors, services
from . import lookups
from .common import UPDATE_ANSWERS, WRITE_ANSWERS
from .schemas import (
    ApplicationFilters,
    ApplicationIn,
    ApplicationOut,
    ApplicationPage,
    ApplicationPatch,
    StatusIn,
)

router = Router(tags=["opportunities"])

# The sort keys of the list (public key -> field); `sort` keeps the pages' keys.
APPLICATION_ORDER = {
    "updated": "updated_at",
    "created": "created_at",
    "deadline": "call__deadline",
    "status": "status",
    "requested": "amount_requested",
}


@router.get("/offices/{slug}/applications", response={200: ApplicationPage, 422: ValidationOut})
@office_answer
def list_applications(
    request: HttpRequest,
    slug: str,
    filters: Query[ApplicationFilters],
    ordering: str | None = ordering_query(APPLICATION_ORDER, "-updated"),
) -> dict[str, Any]:
    """The office's applications: by `status`, `call`, `pitch`, `granted` (accepted or
    after), the call's deadline between `start` and `end`."""
    office = office_request(request, slug).office
    qs = lookups.applications(selectors.application_list(office=office, filters=filters.dict()))
    if ordering:
        qs = order_queryset(qs, ordering, APPLICATION_ORDER, "-updated")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


def _values(office: Office, fields: dict[str, Any]) -> dict[str, Any]:
    lookups.text_or_empty(fields, "currency", "notes")
    if "call_id" in fields:
        fields["call"] = lookups.office_call(office, fields.pop("call_id"))
    if "pitch_id" in fields:
        fields["pitch"] = lookups.office_pitch(office, fields.pop("pitch_id"))
    cities = fields.pop("partner_cities", None)
    if cities is not None:
        fields["partner_cities"] = places.cities(cities, "partner_cities")
    organizations = fields.pop("partner_organization_ids", None)
    if organizations is not None:
        fields["partner_organizations"] = lookups.organizations(
            organizations, "partner_organization_ids"
        )
    return fields


@router.post("/offices/{slug}/applications", response={201: ApplicationOut, **WRITE_ANSWERS})
def create_application(
    request: HttpRequest, slug: str, payload: ApplicationIn, response: HttpResponse
) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    values = _values(office, payload.dict())
    a = services.application_create(office=office, actor=scoped.membership, **values)
    a = lookups.application(office, a.pk)
    set_etag(response, a)
    return 201, a


@router.get("/offices/{slug}/applications/{pk}", response={200: ApplicationOut, 404: ErrorOut})
def get_application(
    request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse
) -> Any:
    a = lookups.application(office_request(request, slug).office, pk)
    set_etag(response, a)
    return a


@router.patch("/offices/{slug}/applications/{pk}", response={200: ApplicationOut, **UPDATE_ANSWERS})
def update_application(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: ApplicationPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag you read in If-Match (412 when stale). The status moves only by
    `POST .../status`."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    a = lookups.application(office, pk)
    version = if_match(request)  # required even when nothing changes
    changes = _values(office, payload.dict(exclude_unset=True))
    if changes:
        services.application_update(
            application=a,
            actor=scoped.membership,
            changes=changes,
            expected_version=version,
        )
    a = lookups.application(office, pk)
    set_etag(response, a)
    return a


@router.post(
    "/offices/{slug}/applications/{pk}/status", response={200: ApplicationOut, **UPDATE_ANSWERS}
)
def move_application(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: StatusIn,
    response: HttpResponse,
) -> Any:
    """Move to `status` by the workflow's one action leading there: 403 for a role that
    may not, 409 when the workflow does not allow it now (nothing changes), 422 for a
    rejection without a reason. If-Match is checked when sent."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    a = lookups.application(office, pk)
    services.application_move_to(
        application=a,
        actor=scoped.membership,
        status=payload.status,
        reason=payload.reason,
        expected_version=if_match(request),
    )
    a = lookups.application(office, pk)
    set_etag(response, a)
    return a
