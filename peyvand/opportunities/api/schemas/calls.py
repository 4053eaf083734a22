"""Funding calls and the applications to them in the API (with their workflow)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from peyvand.core.api import (
    MAX_LIMIT,
    MAX_OFFSET,
    InSchema,
    PageMeta,
    RecordId,
    example,
    page_example,
)

from ...models import Application, FundingCall
from .common import (
    APPLICATION_EXAMPLE,
    CALL_EXAMPLE,
    CALL_IN_EXAMPLE,
    LIST_MAX,
    Amount,
    Code,
    Text,
)


class CallOut(Schema):
    model_config = example(**CALL_EXAMPLE)

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
    model_config = page_example(CALL_EXAMPLE)

    items: list[CallOut]


class CallIn(InSchema):
    model_config = example(**CALL_IN_EXAMPLE)

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
    model_config = example(deadline="2027-04-15", notes="Extended by two weeks.")

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
    model_config = example(**APPLICATION_EXAMPLE)

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
    model_config = page_example(APPLICATION_EXAMPLE)

    items: list[ApplicationOut]


class ApplicationIn(InSchema):
    model_config = example(
        call_id=4,
        pitch_id=5,
        partner_cities=["gn:2950159"],
        amount_requested="1500000",
        currency="EUR",
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
    model_config = example(amount_requested="1200000", notes="Budget revised.")

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
    model_config = example(status="rejected", reason="Outside the call's eligible areas.")

    status: Code = Field(
        ..., description="submitted, accepted, rejected, implementation or completed."
    )
    reason: Text = Field("", description="Why (required for a rejection).")
