"""The shapes of the partnerships API: what it answers and what it accepts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET, PageMeta, RecordId
from peyvand.core.validation import MAX_ID

from ..models import (
    Activity,
    Commitment,
    InitiatedBy,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
)


class PartnershipOut(Schema):
    id: int
    partner_city: str = Field(..., description="The partner city's public id, e.g. gn:2761369.")
    partner_city_name: str
    country: str | None
    kind: str
    status: str
    end_reason: str
    signed_on: dt.date | None
    valid_until: dt.date | None
    areas: list[str]
    summary_fa: str
    summary_en: str
    responsible: str | None
    published: bool = Field(..., description="Shown on the office's public portal.")
    archived: bool
    version: int
    health_score: int | None
    health_label: str
    paper_only: bool
    components: dict[str, Any]
    health_computed_on: dt.date | None

    @staticmethod
    def resolve_partner_city(obj: Partnership) -> str:
        return obj.partner_city.code

    @staticmethod
    def resolve_partner_city_name(obj: Partnership) -> str:
        return obj.partner_city.name

    @staticmethod
    def resolve_country(obj: Partnership) -> str | None:
        return obj.partner_city.country.code if obj.partner_city.country else None

    @staticmethod
    def resolve_areas(obj: Partnership) -> list[str]:
        return [a.code for a in obj.areas.all()]

    @staticmethod
    def resolve_responsible(obj: Partnership) -> str | None:
        return obj.responsible.get_username() if obj.responsible else None

    @staticmethod
    def resolve_components(obj: Partnership) -> dict[str, Any]:
        return obj.health_components or {}


class PartnershipPage(PageMeta):
    items: list[PartnershipOut]


class PartnershipIn(Schema):
    partner_city: str = Field(..., max_length=80)
    kind: str = PartnershipKind.SISTER
    status: str = PartnershipStatus.PROPOSED
    end_reason: str = ""
    signed_on: dt.date | None = None
    valid_until: dt.date | None = None
    areas: list[str] = []
    summary_fa: str = ""
    summary_en: str = ""
    responsible: str | None = Field(None, description="Username of a member of the office.")


class PartnershipPatch(Schema):
    partner_city: str | None = None
    kind: str | None = None
    status: str | None = None
    end_reason: str | None = None
    signed_on: dt.date | None = None
    valid_until: dt.date | None = None
    areas: list[str] | None = None
    summary_fa: str | None = None
    summary_en: str | None = None
    responsible: str | None = None
    published: bool | None = Field(
        None, description="Publish on the public portal (true) or withdraw it (false)."
    )


class PartnershipFilters(Schema):
    status: str = ""
    kind: str = ""
    label: str = ""
    paper_only: bool = False
    area: str = ""
    country: str = ""
    sort: str = ""
    archived: bool = False
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class CommitmentOut(Schema):
    id: int
    partnership: int = Field(..., alias="partnership_id")
    title: str
    area: str | None
    department: int | None = Field(None, alias="department_id")
    due_on: dt.date
    status: str
    done_on: dt.date | None
    drop_reason: str
    evidence_note: str
    evidence_link: str
    on_time: bool
    version: int

    @staticmethod
    def resolve_area(obj: Commitment) -> str | None:
        return obj.area.code if obj.area else None


class CommitmentIn(Schema):
    title: str = Field(..., max_length=300)
    due_on: dt.date
    area: str | None = None
    department: RecordId | None = None


class CommitmentPatch(Schema):
    status: str | None = None
    done_on: dt.date | None = None
    drop_reason: str = ""
    evidence_note: str | None = None
    evidence_link: str | None = None
    title: str | None = Field(None, max_length=300)
    due_on: dt.date | None = None
    area: str | None = Field(None, description="A cooperation area code; null clears it.")
    department: RecordId | None = Field(None, description="A department id; null clears it.")


class OutcomeIO(Schema):
    kind: str
    value: Decimal | None = None
    unit: str = ""
    note: str = ""


class OutcomeOut(OutcomeIO):
    id: int
    published: bool = Field(..., description="Shown on the public portal with its activity.")
    version: int


class PublishPatch(Schema):
    """What a PATCH of an activity or an outcome changes: whether it is published (the
    other corrections of an activity are made on its page)."""

    published: bool = Field(
        ..., description="Publish on the public portal (true) or withdraw it (false)."
    )


class ActivityOut(Schema):
    id: int
    date: dt.date
    kind: str
    initiated_by: str
    title: str
    description: str
    areas: list[str]
    participants: int | None
    partnerships: list[RecordId] = Field(..., min_length=1, max_length=100)
    published: bool = Field(..., description="Shown on the public portal under its pacts.")
    outcomes: list[OutcomeOut]

    @staticmethod
    def resolve_areas(obj: Activity) -> list[str]:
        return [a.code for a in obj.areas.all()]

    @staticmethod
    def resolve_partnerships(obj: Activity) -> list[int]:
        return [p.pk for p in obj.partnerships.all()]

    @staticmethod
    def resolve_outcomes(obj: Activity) -> list[dict[str, Any]]:
        return [
            {
                "id": o.pk,
                "kind": o.kind,
                "value": o.value,
                "unit": o.unit,
                "note": o.note,
                "published": o.published,
                "version": o.version,
            }
            for o in obj.outcomes.all()
        ]


class ActivityPage(PageMeta):
    items: list[ActivityOut]


class ActivityIn(Schema):
    date: dt.date
    kind: str
    title: str = Field(..., max_length=300)
    initiated_by: str = InitiatedBy.US
    description: str = ""
    areas: list[str] = []
    participants: int | None = Field(None, ge=0, le=MAX_ID)
    partnerships: list[RecordId] = Field(..., min_length=1, max_length=100)
    outcomes: list[OutcomeIO] = []
