"""The shapes of the opportunities API: pitches (with their interested parties), funding
calls, applications and their workflow."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import ConfigDict

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET, InSchema, PageMeta, RecordId
from peyvand.core.validation import TEXT_MAX

from ..models import Application, FundingCall, InterestedParty, Pitch, PitchDocument
from ..models.pitches import DISTRICT_MAX, NOTE_MAX

# A follow-up's note (PartyFollowUp.note).
FOLLOW_UP_MAX = 500

# Bounds of what the schema parses; the records' own limits (a title's 300 characters,
# an amount's 15 digits) are the services' rules, answered with their translated words.
Text = Annotated[str, Field(max_length=TEXT_MAX)]
Code = Annotated[str, Field(max_length=80)]
Amount = Annotated[Decimal, Field(ge=0, le=Decimal(10**18))]
District = Annotated[int, Field(ge=1, le=DISTRICT_MAX)]
LIST_MAX = 50


# The examples of the OpenAPI document (each validates against its schema).
FOLLOW_UP_EXAMPLE = {
    "id": 7,
    "date": "2026-12-10",
    "note": "Send the feasibility study",
    "done": False,
}
PARTY_EXAMPLE = {
    "id": 3,
    "kind": "organization",
    "contact_id": None,
    "organization_id": 12,
    "city": None,
    "note": "Keen on co-financing the first phase.",
    "follow_ups": [FOLLOW_UP_EXAMPLE],
    "version": 1,
}
PITCH_EXAMPLE = {
    "id": 5,
    "title_fa": "قطار سبک منطقهٔ ۲۲",
    "title_en": "Light rail for district 22",
    "description_fa": "",
    "description_en": "A 9 km light rail line linking district 22 to the metro.",
    "area": "transport",
    "location": "District 22",
    "district": 22,
    "budget": "450000000",
    "financing_sought": "300000000",
    "currency": "EUR",
    "instrument": "loan",
    "stage": "feasibility",
    "status": "in_talks",
    "parties": [PARTY_EXAMPLE],
    "documents": ["concept-note.pdf"],
    "published": False,
    "version": 2,
    "is_demo": False,
}
PITCH_IN_EXAMPLE = {
    "title_fa": "قطار سبک منطقهٔ ۲۲",
    "title_en": "Light rail for district 22",
    "area": "transport",
    "district": 22,
    "budget": "450000000",
    "financing_sought": "300000000",
    "currency": "EUR",
    "instrument": "loan",
    "stage": "feasibility",
}
CALL_EXAMPLE = {
    "id": 4,
    "funder_id": 12,
    "title_fa": "فراخوان شهرهای پایدار",
    "title_en": "Sustainable cities call",
    "deadline": "2027-03-31",
    "amount_min": "100000",
    "amount_max": "2000000",
    "currency": "EUR",
    "areas": ["environment", "transport"],
    "link": "https://example.org/calls/sustainable-cities",
    "notes": "",
    "application_ids": [9],
    "version": 1,
    "is_demo": False,
}
CALL_IN_EXAMPLE = {
    "funder_id": 12,
    "title_en": "Sustainable cities call",
    "deadline": "2027-03-31",
    "amount_max": "2000000",
    "currency": "EUR",
    "areas": ["environment"],
}
APPLICATION_EXAMPLE = {
    "id": 9,
    "call_id": 4,
    "pitch_id": 5,
    "status": "preparation",
    "status_reason": "",
    "partner_cities": ["gn:2950159"],
    "partner_organization_ids": [12],
    "amount_requested": "1500000",
    "amount_granted": None,
    "currency": "EUR",
    "notes": "",
    "deadline": "2027-03-31",
    "version": 1,
    "is_demo": False,
}
DOCUMENT_EXAMPLE = {
    "id": 2,
    "kind": "concept_note",
    "name": "concept-note.pdf",
    "content_type": "application/pdf",
    "size": 48213,
    "uploaded_at": "2026-11-20T09:30:00Z",
}


def _example(data: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [data]})


def _page(item: dict[str, Any]) -> ConfigDict:
    return _example({"count": 1, "limit": 50, "offset": 0, "items": [item]})


class PartyFollowUpOut(Schema):
    model_config = _example(FOLLOW_UP_EXAMPLE)

    id: int
    date: dt.date
    note: str
    done: bool


class PartyOut(Schema):
    model_config = _example(PARTY_EXAMPLE)

    id: int
    kind: str = Field(..., description="contact, organization or city.")
    contact_id: int | None
    organization_id: int | None
    city: str | None = Field(..., description="The partner city's public id (gn:...).")
    note: str
    follow_ups: list[PartyFollowUpOut]
    version: int

    @staticmethod
    def resolve_city(obj: InterestedParty) -> str | None:
        return obj.city.code if obj.city is not None else None

    @staticmethod
    def resolve_follow_ups(obj: InterestedParty) -> list[Any]:
        return list(obj.follow_ups.all())


class PitchOut(Schema):
    model_config = _example(PITCH_EXAMPLE)

    id: int
    title_fa: str
    title_en: str
    description_fa: str
    description_en: str
    area: str | None = Field(..., description="The cooperation area's code.")
    location: str
    district: int | None
    budget: Decimal | None
    financing_sought: Decimal | None
    currency: str
    instrument: str
    stage: str
    status: str
    parties: list[PartyOut]
    documents: list[str] = Field(..., description="The names of its documents.")
    published: bool = Field(..., description="Shown to investors on the public portal.")
    version: int
    is_demo: bool

    @staticmethod
    def resolve_area(obj: Pitch) -> str | None:
        return obj.area.code if obj.area is not None else None

    @staticmethod
    def resolve_parties(obj: Pitch) -> list[Any]:
        return list(obj.parties.all())

    @staticmethod
    def resolve_documents(obj: Pitch) -> list[str]:
        return [d.original_name for d in obj.documents.all()]


class PitchPage(PageMeta):
    model_config = _page(PITCH_EXAMPLE)

    items: list[PitchOut]


class PitchIn(InSchema):
    model_config = _example(PITCH_IN_EXAMPLE)

    title_fa: Text = ""
    title_en: Text = ""
    description_fa: Text = ""
    description_en: Text = ""
    area: Code | None = Field(None, description="A cooperation area's code.")
    location: Text = ""
    district: District | None = None
    budget: Amount | None = None
    financing_sought: Amount | None = None
    currency: Code = ""
    instrument: Code = "other"
    stage: Code = "concept"
    status: Code = "draft"


class PitchPatch(InSchema):
    model_config = _example({"status": "in_talks", "published": True})

    title_fa: Text | None = None
    title_en: Text | None = None
    description_fa: Text | None = None
    description_en: Text | None = None
    area: Code | None = None
    location: Text | None = None
    district: District | None = None
    budget: Amount | None = None
    financing_sought: Amount | None = None
    currency: Code | None = None
    instrument: Code | None = None
    stage: Code | None = None
    status: Code | None = None
    published: bool | None = Field(
        None, description="Publish on the public portal (true) or withdraw it (false)."
    )


class PitchFilters(Schema):
    status: Code = ""
    instrument: Code = ""
    area: Code = ""
    q: str = Field("", max_length=200)
    sort: Code = ""
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class CallOut(Schema):
    model_config = _example(CALL_EXAMPLE)

    id: int
    funder_id: int
    title_fa: str
    title_en: str
    deadline: dt.date
    amount_min: Decimal | None
    amount_max: Decimal | None
    currency: str
    areas: list[str] = Field(..., description="The eligible areas' codes.")
    link: str
    notes: str
    application_ids: list[int]
    version: int
    is_demo: bool

    @staticmethod
    def resolve_areas(obj: FundingCall) -> list[str]:
        return [a.code for a in obj.areas.all()]

    @staticmethod
    def resolve_application_ids(obj: FundingCall) -> list[int]:
        return sorted(a.pk for a in obj.applications.all())


class CallPage(PageMeta):
    model_config = _page(CALL_EXAMPLE)

    items: list[CallOut]


class CallIn(InSchema):
    model_config = _example(CALL_IN_EXAMPLE)

    funder_id: RecordId | None = Field(None, description="The funding organisation's id.")
    title_fa: Text = ""
    title_en: Text = ""
    deadline: dt.date | None = None
    amount_min: Amount | None = None
    amount_max: Amount | None = None
    currency: Code = ""
    areas: list[Code] = Field([], max_length=LIST_MAX)
    link: Text = ""
    notes: Text = ""


class CallPatch(InSchema):
    model_config = _example({"deadline": "2027-04-15", "notes": "Extended by two weeks."})

    funder_id: RecordId | None = None
    title_fa: Text | None = None
    title_en: Text | None = None
    deadline: dt.date | None = None
    amount_min: Amount | None = None
    amount_max: Amount | None = None
    currency: Code | None = None
    areas: list[Code] | None = Field(None, max_length=LIST_MAX)
    link: Text | None = None
    notes: Text | None = None


class CallFilters(Schema):
    area: Code = ""
    funder: RecordId | None = None
    open: bool = Field(False, description="Only the calls whose deadline has not passed.")
    q: str = Field("", max_length=200)
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ApplicationOut(Schema):
    model_config = _example(APPLICATION_EXAMPLE)

    id: int
    call_id: int
    pitch_id: int | None
    status: str
    status_reason: str
    partner_cities: list[str] = Field(..., description="The public ids of the cities.")
    partner_organization_ids: list[int]
    amount_requested: Decimal | None
    amount_granted: Decimal | None
    currency: str
    notes: str
    deadline: dt.date = Field(..., description="The call's deadline.")
    version: int
    is_demo: bool

    @staticmethod
    def resolve_partner_cities(obj: Application) -> list[str]:
        return sorted(c.code for c in obj.partner_cities.all())

    @staticmethod
    def resolve_partner_organization_ids(obj: Application) -> list[int]:
        return sorted(o.pk for o in obj.partner_organizations.all())

    @staticmethod
    def resolve_deadline(obj: Application) -> dt.date:
        return obj.call.deadline


class ApplicationPage(PageMeta):
    model_config = _page(APPLICATION_EXAMPLE)

    items: list[ApplicationOut]


class ApplicationIn(InSchema):
    model_config = _example(
        {
            "call_id": 4,
            "pitch_id": 5,
            "partner_cities": ["gn:2950159"],
            "amount_requested": "1500000",
            "currency": "EUR",
        }
    )

    call_id: RecordId | None = Field(None, description="The office's funding call.")
    pitch_id: RecordId | None = Field(None, description="The office's pitch it is for.")
    partner_cities: list[Code] = Field([], max_length=LIST_MAX)
    partner_organization_ids: list[RecordId] = Field([], max_length=LIST_MAX)
    amount_requested: Amount | None = None
    amount_granted: Amount | None = Field(None, description="Refused until it is accepted.")
    currency: Code = ""
    notes: Text = ""


class ApplicationPatch(InSchema):
    model_config = _example({"amount_requested": "1200000", "notes": "Budget revised."})

    call_id: RecordId | None = None
    pitch_id: RecordId | None = None
    partner_cities: list[Code] | None = Field(None, max_length=LIST_MAX)
    partner_organization_ids: list[RecordId] | None = Field(None, max_length=LIST_MAX)
    amount_requested: Amount | None = None
    amount_granted: Amount | None = None
    currency: Code | None = None
    notes: Text | None = None


class ApplicationFilters(Schema):
    status: Code = ""
    call: RecordId | None = None
    pitch: RecordId | None = None
    granted: bool = Field(False, description="Only those granted (accepted or after).")
    start: dt.date | None = Field(None, description="The call's deadline on or after this day.")
    end: dt.date | None = Field(None, description="The call's deadline on or before this day.")
    sort: Code = ""
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class StatusIn(InSchema):
    model_config = _example({"status": "rejected", "reason": "Outside the call's eligible areas."})

    status: Code = Field(
        ..., description="submitted, accepted, rejected, implementation or completed."
    )
    reason: Text = Field("", description="Why (required for a rejection).")


class PartyPage(PageMeta):
    model_config = _page(PARTY_EXAMPLE)

    items: list[PartyOut]


class PartyIn(InSchema):
    """Exactly one of a contact, an organisation or a partner city."""

    model_config = _example(
        {"organization_id": 12, "note": "Keen on co-financing the first phase."}
    )

    contact_id: RecordId | None = Field(None, description="A contact of the office.")
    organization_id: RecordId | None = Field(None, description="An organisation's id.")
    city: Code | None = Field(
        None, description="The public id of the partner city of one of the office's pacts."
    )
    note: Annotated[str, Field(max_length=NOTE_MAX)] = ""


class PartyPatch(InSchema):
    """Who it is (one of the three; sending one clears the other two) or the note."""

    model_config = _example({"note": "Asked for the feasibility study."})

    contact_id: RecordId | None = None
    organization_id: RecordId | None = None
    city: Code | None = None
    note: Annotated[str, Field(max_length=NOTE_MAX)] | None = None


class PartyFilters(Schema):
    kind: Code = Field("", description="contact, organization or city.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PartyFollowUpPage(PageMeta):
    model_config = _page(FOLLOW_UP_EXAMPLE)

    items: list[PartyFollowUpOut]


class PartyFollowUpIn(InSchema):
    model_config = _example({"date": "2026-12-10", "note": "Send the feasibility study"})

    date: dt.date | None = None
    note: Annotated[str, Field(max_length=FOLLOW_UP_MAX)] = ""


class PartyFollowUpFilters(Schema):
    done: bool | None = Field(None, description="Only the done (true) or open (false) ones.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PitchDocumentOut(Schema):
    """A document's metadata (its file is downloaded from the pitch's page)."""

    model_config = _example(DOCUMENT_EXAMPLE)

    id: int
    kind: str = Field(..., description="concept_note, feasibility, presentation or other.")
    name: str
    content_type: str
    size: int = Field(..., description="In bytes.")
    uploaded_at: dt.datetime

    @staticmethod
    def resolve_name(obj: PitchDocument) -> str:
        return obj.original_name

    @staticmethod
    def resolve_uploaded_at(obj: PitchDocument) -> dt.datetime:
        return obj.created_at


class PitchDocumentPage(PageMeta):
    model_config = _page(DOCUMENT_EXAMPLE)

    items: list[PitchDocumentOut]


class PitchDocumentFilters(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
