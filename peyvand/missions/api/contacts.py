"""The office's contacts in the API: list, create (409 for a possible duplicate), read,
update and merge a duplicate into it (with If-Match)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.params import functions as param_functions

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
from peyvand.organizations.models import Organization
from peyvand.partnerships.models import Partnership
from peyvand.places import lookups as places
from peyvand.records.api import DELETE_ANSWERS, UPDATE_ANSWERS, if_match, set_etag

from .. import selectors, services
from ..models import Contact
from .schemas_people import (
    ContactFilters,
    ContactIn,
    ContactOut,
    ContactPage,
    ContactPatch,
    DuplicateOut,
    MergeIn,
)

router = Router(tags=["missions"])

# The sort keys of the list (public key -> field); without `ordering`, by name in the
# reader's language (or `sort`: name, -name, last, -last).
CONTACT_ORDER = {
    "name": "name_en",
    "name_fa": "name_fa",
    "created": "created_at",
    "updated": "updated_at",
    "last": "last_interaction",
}


def organization(pk: int | None, field: str) -> Organization | None:
    if pk is None:
        return None
    found = Organization.objects.filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: [_("There is no organisation with this id.")]})
    return found


def pacts(office: Office, ids: Iterable[int]) -> list[Partnership]:
    """The office's partnerships of these ids; another office's (or none) answers 404."""
    wanted = set(ids)
    found = list(Partnership.objects.for_office(office).filter(pk__in=wanted))
    if len(found) != len(wanted):
        raise Http404
    return found


def _contact(office: Office, pk: int) -> Contact:
    return selectors.contact_for_detail(office=office, pk=pk)


@router.get("/offices/{slug}/contacts", response={200: ContactPage, 422: ValidationOut})
@office_answer
def list_contacts(
    request: HttpRequest,
    slug: str,
    filters: Query[ContactFilters],
    ordering: str | None = ordering_query(CONTACT_ORDER, "name"),
) -> Any:
    office = office_request(request, slug).office
    data = {k: ("" if v is None else v) for k, v in filters.dict().items()}
    qs = selectors.contact_list(office=office, filters=data).prefetch_related("partnerships")
    if ordering:
        qs = order_queryset(qs, ordering, CONTACT_ORDER, "name")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.get("/offices/{slug}/contacts/{pk}", response={200: ContactOut, 404: ErrorOut})
def get_contact(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    contact = _contact(office_request(request, slug).office, pk)
    set_etag(response, contact)
    return contact


@router.post(
    "/offices/{slug}/contacts",
    response={
        201: ContactOut,
        403: ErrorOut,
        404: ErrorOut,
        409: DuplicateOut,
        422: ValidationOut,
    },
)
def create_contact(
    request: HttpRequest, slug: str, payload: ContactIn, response: HttpResponse
) -> Any:
    """A possible duplicate (the same email, or the same name in the same city) answers
    409 with their ids; send `"confirm_duplicate": true` to create the contact anyway."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    data = payload.dict()
    try:
        contact = services.contact_create(
            office=office,
            actor=scoped.membership,
            city=places.city(data.pop("city"), "city"),
            organization=organization(data.pop("organization"), "organization"),
            partnerships=pacts(office, data.pop("partnerships")),
            **data,
        )
    except services.PossibleDuplicate as exc:
        # The one refusal whose answer carries more than its message: whom it may be.
        return 409, {"code": "not_allowed_now", "detail": exc.message, "duplicates": exc.ids}
    contact = _contact(office, contact.pk)
    set_etag(response, contact)
    return 201, contact


@router.patch("/offices/{slug}/contacts/{pk}", response={200: ContactOut, **UPDATE_ANSWERS})
def update_contact(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    payload: ContactPatch,
    response: HttpResponse,
) -> Any:
    """Send the ETag of the contact you read in If-Match: a stale one answers 412."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    contact = _contact(office, pk)
    data: dict[str, Any] = payload.dict(exclude_unset=True)
    if "city" in data:
        data["city"] = places.city(data["city"], "city")
    if "organization" in data:
        data["organization"] = organization(data["organization"], "organization")
    if "partnerships" in data:
        data["partnerships"] = pacts(office, data["partnerships"] or [])
    services.contact_update(
        contact=contact, actor=scoped.membership, expected_version=if_match(request), data=data
    )
    contact = _contact(office, pk)
    set_etag(response, contact)
    return contact


@router.delete("/offices/{slug}/contacts/{pk}", response=DELETE_ANSWERS)
def delete_contact(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Put the contact in the office's bin (officer and up; restorable for 90 days from
    `.../bin`). If-Match is required: 428 without it, 412 when the contact changed since. A
    contact on a mission or a pitch is refused (422)."""
    scoped = office_request(request, slug, Role.OFFICER)
    contact = _contact(scoped.office, pk)
    services.contact_delete(
        contact=contact, actor=scoped.membership, expected_version=if_match(request)
    )
    return 204, None


@router.get(
    "/offices/{slug}/contacts/{pk}/duplicates",
    response={200: ContactPage, 404: ErrorOut, 422: ValidationOut},
)
def list_duplicates(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    q: str = param_functions.Query("", max_length=200, description="Part of a name or an email."),
    ordering: str | None = ordering_query(CONTACT_ORDER, "name"),
) -> Any:
    """The contacts that could be merged into this one, as the merge page lists them: its
    possible duplicates (the same email, or the same name in the same city) first, then
    those matching `q` (at most 20); `ordering` sorts them otherwise."""
    office = office_request(request, slug).office
    keep = _contact(office, pk)
    found = selectors.merge_candidates(office=office, keep=keep, q=q)
    if ordering:
        qs = selectors.contact_list(office=office).filter(pk__in=[c.pk for c in found])
        found = list(order_queryset(qs, ordering, CONTACT_ORDER, "name"))
    ids = [c.pk for c in found]
    rows = {
        c.pk: c
        for c in selectors.contact_list(office=office)
        .filter(pk__in=ids)
        .prefetch_related("partnerships")
    }
    items = [rows[i] for i in ids if i in rows]
    return {"count": len(items), "limit": len(items), "offset": 0, "items": items}


@router.post("/offices/{slug}/contacts/{pk}/merge", response={200: ContactOut, **UPDATE_ANSWERS})
def merge_contact(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: MergeIn, response: HttpResponse
) -> Any:
    """Merge `merge_id` (the same person recorded twice) into this contact, as the
    duplicates page does: its links, tags and languages move here, the fields empty here
    are taken from it, and it is deleted. This contact's ETag goes in If-Match, the other's
    version in `merge_version` (412 when either changed)."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    keep = _contact(office, pk)
    version = if_match(request)
    other = Contact.objects.for_office(office).filter(pk=payload.merge_id).first()
    if other is None:
        raise ValidationError({"merge_id": [_("Choose a contact of this office.")]})
    services.contact_merge(
        keep=keep,
        merge=other,
        actor=scoped.membership,
        expected_version=version,
        merged_version=payload.merge_version,
    )
    contact = _contact(office, pk)
    set_etag(response, contact)
    return contact
