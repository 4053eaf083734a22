"""The pacts and their commitments in the API: what it answers and what it accepts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from peyvand.core.api import (
    MAX_LIMIT,
    MAX_OFFSET,
    InSchema,
    PageMeta,
    RecordId,
    example,
    ordering_field,
    page_example,
)

from ...models import Commitment, Partnership, PartnershipKind, PartnershipStatus

PARTNERSHIP_EXAMPLE: dict[str, Any] = {
    "id": 12,
    "partner_city": "gn:2761369",
    "partner_city_name": "Vienna",
    "country": "AT",
    "kind": "sister",
    "status": "active",
    "end_reason": "",
    "signed_on": "2019-05-14",
    "valid_until": None,
    "areas": ["water", "culture"],
    "summary_fa": "همکاری در مدیریت آب شهری",
    "summary_en": "Cooperation on urban water management",
    "responsible": "s.ahmadi",
    "published": True,
    "archived": False,
    "version": 4,
    "health_score": 72,
    "health_label": "healthy",
    "paper_only": False,
    "components": {"recency": 80, "frequency": 60},
    "health_computed_on": "2026-11-30",
}


class PartnershipOut(Schema):
    model_config = example(**PARTNERSHIP_EXAMPLE)

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
    model_config = page_example(PARTNERSHIP_EXAMPLE)

    items: list[PartnershipOut]


class PartnershipIn(InSchema):
    model_config = example(
        partner_city="gn:2761369",
        kind="sister",
        status="negotiating",
        areas=["water"],
        summary_en="Cooperation on urban water management",
        responsible="s.ahmadi",
    )

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


class PartnershipPatch(InSchema):
    model_config = example(status="active", signed_on="2026-10-01", published=True)

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


# The sort keys of the pact list (public key -> field); `ordering` wins over the page's
# own `sort` when both are given.
PARTNERSHIP_ORDER = {
    "city": "partner_city__name_en",
    "signed_on": "signed_on",
    "valid_until": "valid_until",
    "status": "status",
    "kind": "kind",
    "health_score": "health_score",
}


class PartnershipFilters(Schema):
    status: str = ""
    kind: str = ""
    label: str = ""
    paper_only: bool = False
    area: str = ""
    country: str = ""
    sort: str = ""
    archived: bool = False
    ordering: str | None = ordering_field(PARTNERSHIP_ORDER, "city")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


COMMITMENT_EXAMPLE: dict[str, Any] = {
    "id": 31,
    "partnership": 12,
    "title": "Joint workshop on leak detection",
    "area": "water",
    "department": 3,
    "due_on": "2027-03-01",
    "status": "in_progress",
    "done_on": None,
    "drop_reason": "",
    "evidence_note": "",
    "evidence_link": "",
    "on_time": True,
    "version": 2,
}


class CommitmentOut(Schema):
    model_config = example(**COMMITMENT_EXAMPLE)

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


class CommitmentIn(InSchema):
    model_config = example(
        title="Joint workshop on leak detection", due_on="2027-03-01", area="water", department=3
    )

    title: str = Field(..., max_length=300)
    due_on: dt.date
    area: str | None = None
    department: RecordId | None = None


class CommitmentPatch(InSchema):
    model_config = example(
        status="done",
        done_on="2027-02-20",
        evidence_note="Workshop held in Vienna",
        evidence_link="https://example.org/report",
    )

    status: str | None = None
    done_on: dt.date | None = None
    drop_reason: str = ""
    evidence_note: str | None = None
    evidence_link: str | None = None
    title: str | None = Field(None, max_length=300)
    due_on: dt.date | None = None
    area: str | None = Field(None, description="A cooperation area code; null clears it.")
    department: RecordId | None = Field(None, description="A department id; null clears it.")


class CommitmentPage(PageMeta):
    model_config = page_example(COMMITMENT_EXAMPLE)

    items: list[CommitmentOut]
