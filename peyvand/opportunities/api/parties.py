"""The parties interested in a pitch in the API: list, add, read (ETag), edit and remove
(If-Match); their follow-ups: list, add, mark done. Officer and up write, as on the pages,
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

from .. import services
from ..models import InterestedParty, PartyFollowUp
from . import lookups
from .common import DELETE_ANSWERS, UPDATE_ANSWERS, WRITE_ANSWERS
from .schemas import (
    PartyFilters,
    PartyFollowUpFilters,
    PartyFollowUpIn,
    PartyFollowUpOut,
    PartyFollowUpPage,
    PartyIn,
    PartyOut,
    PartyPage,
    PartyPatch,
)

router = Router(tags=["opportunities"])

# The sort keys of the lists (public key -> field).
PARTY_ORDER = {"added": "created_at", "updated": "updated_at"}
FOLLOW_UP_ORDER = {"date": "date", "done": "done", "added": "created_at"}
# Who a party is: the one of the three a client names (the other two are cleared).
WHO = ("contact", "organization", "city")


def _who(office: Office, fields: dict[str, Any]) -> dict[str, Any]:
    """The records a client named (refused as field errors), by the services' names."""
    out: dict[str, Any] = {}
    if "contact_id" in fields:
        out["contact"] = lookups.contact(office, fields.pop("contact_id"))
    if "organization_id" in fields:
        out["organization"] = lookups.organization(fields.pop("organization_id"), "organization_id")
    if "city" in fields:
        out["city"] = places.city(fields.pop("city"), "city")
    return out


@router.get(
    "/offices/{slug}/pitches/{pk}/parties",
    response={200: PartyPage, 404: ErrorOut, 422: ValidationOut},
)
@office_answer
def list_parties(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    filters: Query[PartyFilters],
    ordering: str | None = ordering_query(PARTY_ORDER, "added"),
) -> dict[str, Any]:
    """The parties interested in the pitch, with their follow-ups; `kind` keeps contacts,
    organisations or partner cities."""
    office = office_request(request, slug).office
    pitch = lookups.pitch(office, pk)
    qs = lookups.parties(InterestedParty.objects.for_office(office).filter(pitch=pitch))
    if filters.kind in WHO:
        qs = qs.filter(**{f"{filters.kind}__isnull": False})
    qs = order_queryset(qs, ordering, PARTY_ORDER, "added")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.post("/offices/{slug}/pitches/{pk}/parties", response={201: PartyOut, **WRITE_ANSWERS})
def create_party(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: PartyIn, response: HttpResponse
) -> Any:
    """Someone interested in the pitch: exactly one of `contact_id` (a contact of the
    office), `organization_id` or `city` (the partner city of one of the office's pacts)."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    pitch = lookups.pitch(office, pk)
    fields = payload.dict()
    party = services.party_add(
        pitch=pitch, actor=scoped.membership, note=fields.pop("note"), **_who(office, fields)
    )
    party = lookups.party(office, party.pk)
    set_etag(response, party)
    return 201, party


@router.get("/offices/{slug}/parties/{pk}", response={200: PartyOut, 404: ErrorOut})
def get_party(request: HttpRequest, slug: str, pk: RecordIdPath, response: HttpResponse) -> Any:
    party = lookups.party(office_request(request, slug).office, pk)
    set_etag(response, party)
    return party


@router.patch("/offices/{slug}/parties/{pk}", response={200: PartyOut, **UPDATE_ANSWERS})
def update_party(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: PartyPatch, response: HttpResponse
) -> Any:
    """Send the ETag you read in If-Match (412 when stale). Naming one of `contact_id`,
    `organization_id`, `city` makes the party that one (the other two are cleared)."""
    scoped = office_request(request, slug, Role.OFFICER)
    office = scoped.office
    party = lookups.party(office, pk)
    fields = payload.dict(exclude_unset=True)
    changes = _who(office, fields)
    if any(value is not None for value in changes.values()):
        changes = {name: changes.get(name) for name in WHO}
    if fields.get("note") is not None:
        changes["note"] = fields["note"]
    services.party_update(
        party=party, actor=scoped.membership, changes=changes, expected_version=if_match(request)
    )
    party = lookups.party(office, pk)
    set_etag(response, party)
    return party


@router.delete("/offices/{slug}/parties/{pk}", response={204: None, **DELETE_ANSWERS})
def delete_party(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Remove the party and its follow-ups from the pitch (recorded in the pitch's
    history); send the ETag you read in If-Match (412 when stale)."""
    scoped = office_request(request, slug, Role.OFFICER)
    party = lookups.party(scoped.office, pk)
    services.party_delete(party=party, actor=scoped.membership, expected_version=if_match(request))
    return 204, None


@router.get(
    "/offices/{slug}/parties/{pk}/follow-ups",
    response={200: PartyFollowUpPage, 404: ErrorOut, 422: ValidationOut},
)
@office_answer
def list_follow_ups(
    request: HttpRequest,
    slug: str,
    pk: RecordIdPath,
    filters: Query[PartyFollowUpFilters],
    ordering: str | None = ordering_query(FOLLOW_UP_ORDER, "date"),
) -> dict[str, Any]:
    """The party's follow-ups; `done` keeps the done (true) or the open (false) ones."""
    office = office_request(request, slug).office
    party = lookups.party(office, pk)
    qs = PartyFollowUp.objects.for_office(office).filter(party=party)
    if filters.done is not None:
        qs = qs.filter(done=filters.done)
    qs = order_queryset(qs, ordering, FOLLOW_UP_ORDER, "date")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.post(
    "/offices/{slug}/parties/{pk}/follow-ups", response={201: PartyFollowUpOut, **WRITE_ANSWERS}
)
def create_follow_up(
    request: HttpRequest, slug: str, pk: RecordIdPath, payload: PartyFollowUpIn
) -> Any:
    """A dated step with the party (recorded in the pitch's history)."""
    scoped = office_request(request, slug, Role.OFFICER)
    party = lookups.party(scoped.office, pk)
    row = services.follow_up_add(
        party=party, actor=scoped.membership, date=payload.date, note=payload.note
    )
    return 201, row


@router.post(
    "/offices/{slug}/follow-ups/{pk}/done",
    response={200: PartyFollowUpOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def follow_up_done(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Mark the follow-up done (once; again changes nothing)."""
    scoped = office_request(request, slug, Role.OFFICER)
    row = lookups.follow_up(scoped.office, pk)
    return services.follow_up_done(follow_up=row, actor=scoped.membership)
