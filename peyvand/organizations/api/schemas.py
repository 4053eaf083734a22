"""The shapes of the organisations API: what it answers and what it accepts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Schema

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET, PageMeta, RecordId

from ..models import Membership, Organization
from ..selectors import fee_state

Fee = Decimal | None
FEE_FIELD = Field(
    None,
    ge=0,
    max_digits=14,
    decimal_places=2,
    allow_inf_nan=False,
    description="The annual fee (at most 12 digits before the point, 2 after).",
)


class OrganizationOut(Schema):
    id: int
    name_en: str
    name_fa: str
    acronym: str
    kind: str
    website: str
    headquarters: str | None = Field(
        ..., description="The headquarters city's public id, e.g. gn:3128760."
    )
    headquarters_name: str | None
    areas: list[str]
    shipped: bool = Field(..., description="Shipped with Peyvand (not added by an office).")
    version: int

    @staticmethod
    def resolve_headquarters(obj: Organization) -> str | None:
        return obj.headquarters.code if obj.headquarters else None

    @staticmethod
    def resolve_headquarters_name(obj: Organization) -> str | None:
        return obj.headquarters.name if obj.headquarters else None

    @staticmethod
    def resolve_areas(obj: Organization) -> list[str]:
        return [a.code for a in obj.areas.all()]

    @staticmethod
    def resolve_shipped(obj: Organization) -> bool:
        return obj.added_by_office_id is None


class OrganizationPage(PageMeta):
    items: list[OrganizationOut]


class OrganizationFilters(Schema):
    kind: str = Field("", max_length=30)
    q: str = Field("", max_length=100, description="Part of a name or of the acronym.")
    country: str = Field("", max_length=3, description="The headquarters' country (ISO code).")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class RoleOut(Schema):
    id: int
    kind: str
    title: str
    term_start: dt.date | None
    term_end: dt.date | None
    version: int


class ObligationOut(Schema):
    id: int
    kind: str
    title: str
    due_on: dt.date
    done_on: dt.date | None
    version: int


class MembershipOut(Schema):
    id: int
    organization: int = Field(..., alias="organization_id")
    organization_name: str
    organization_acronym: str
    status: str
    since: dt.date | None
    annual_fee: Decimal | None
    fee_currency: str
    fee_due_on: dt.date | None
    fee_paid_on: dt.date | None
    fee_state: str = Field(..., description="none, due, paid or overdue (derived, today).")
    focal_person: int | None = Field(None, alias="focal_person_id")
    focal_person_username: str | None
    notes: str
    is_demo: bool
    roles: list[RoleOut]
    obligations: list[ObligationOut]
    version: int

    @staticmethod
    def resolve_organization_name(obj: Membership) -> str:
        return obj.organization.name

    @staticmethod
    def resolve_organization_acronym(obj: Membership) -> str:
        return obj.organization.acronym

    @staticmethod
    def resolve_fee_state(obj: Membership) -> str:
        return fee_state(obj, timezone.localdate())

    @staticmethod
    def resolve_focal_person_username(obj: Membership) -> str | None:
        return obj.focal_person.get_username() if obj.focal_person else None

    @staticmethod
    def resolve_roles(obj: Membership) -> list[RoleOut]:
        return [RoleOut.from_orm(r) for r in obj.roles.all()]

    @staticmethod
    def resolve_obligations(obj: Membership) -> list[ObligationOut]:
        return [ObligationOut.from_orm(o) for o in obj.obligations.all()]


class MembershipPage(PageMeta):
    items: list[MembershipOut]


class MembershipFilters(Schema):
    status: str = Field("", max_length=20)
    fee: str = Field("", max_length=20, description="none, due, paid or overdue.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class MembershipIn(Schema):
    organization: RecordId
    status: str = Field("member", max_length=20)
    since: dt.date | None = None
    annual_fee: Fee = FEE_FIELD
    fee_currency: str = Field("", max_length=3)
    fee_due_on: dt.date | None = None
    fee_paid_on: dt.date | None = None
    focal_person: RecordId | None = Field(None, description="A member's user id.")
    notes: str = Field("", max_length=4000)


class MembershipPatch(Schema):
    status: str | None = Field(None, max_length=20)
    since: dt.date | None = None
    annual_fee: Fee = FEE_FIELD
    fee_currency: str | None = Field(None, max_length=3)
    fee_due_on: dt.date | None = None
    fee_paid_on: dt.date | None = None
    focal_person: RecordId | None = Field(None, description="A member's user id; null clears.")
    notes: str | None = Field(None, max_length=4000)
