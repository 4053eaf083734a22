"""The shapes of the opportunities API: pitches (with their interested parties), funding
calls, applications and their workflow."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET, PageMeta, RecordId
from peyvand.core.validation import TEXT_MAX

from ..models import Application, FundingCall, InterestedParty, Pitch
from ..models.pitches import DISTRICT_MAX

# Bounds of what the schema parses; the records' own limits (a title's 300 characters,
# an amount's 15 digits) are the services' rules, answered with their translated words.
Text = Annotated[str, Field(max_length=TEXT_MAX)]
Code = Annotated[str, Field(max_length=80)]
Amount = Annotated[Decimal, Field(ge=0, le=Decimal(10**18))]
District = Annotated[int, Field(ge=1, le=DISTRICT_MAX)]
LIST_MAX = 50


class FollowUpOut(Schema):
    id: int
    date: dt.date
    note: str
    done: bool


class PartyOut(Schema):
    id: int
    kind: str = Field(..., description="contact, organization or city.")
    contact_id: int | None
    organization_id: int | None
    city: str | None = Field(..., description="The partner city's public id (gn:...).")
    note: str
    follow_ups: list[FollowUpOut]
    version: int

    @staticmethod
    def resolve_city(obj: InterestedParty) -> str | None:
        return obj.city.code if obj.city is not None else None

    @staticmethod
    def resolve_follow_ups(obj: InterestedParty) -> list[Any]:
        return list(obj.follow_ups.all())


class PitchOut(Schema):
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
    items: list[PitchOut]


class PitchIn(Schema):
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


class PitchPatch(Schema):
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
    items: list[CallOut]


class CallIn(Schema):
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


class CallPatch(Schema):
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
    items: list[ApplicationOut]


class ApplicationIn(Schema):
    call_id: RecordId | None = Field(None, description="The office's funding call.")
    pitch_id: RecordId | None = Field(None, description="The office's pitch it is for.")
    partner_cities: list[Code] = Field([], max_length=LIST_MAX)
    partner_organization_ids: list[RecordId] = Field([], max_length=LIST_MAX)
    amount_requested: Amount | None = None
    amount_granted: Amount | None = Field(None, description="Refused until it is accepted.")
    currency: Code = ""
    notes: Text = ""


class ApplicationPatch(Schema):
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
    sort: Code = ""
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class StatusIn(Schema):
    status: Code = Field(
        ..., description="submitted, accepted, rejected, implementation or completed."
    )
    reason: Text = Field("", description="Why (required for a rejection).")
