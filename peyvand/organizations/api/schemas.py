"""The shapes of the organisations API: what it answers and what it accepts.

Every schema an operation takes or answers carries an example (checked against it by
`peyvand/api/tests/test_openapi_examples.py`); what a client sends derives from `InSchema`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone
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


ORGANIZATION_EXAMPLE: dict[str, Any] = {
    "id": 3,
    "name_en": "United Cities and Local Governments",
    "name_fa": "سازمان جهانی شهرها و دولت‌های محلی",
    "acronym": "UCLG",
    "kind": "city_network",
    "website": "https://www.uclg.org",
    "headquarters": "gn:3128760",
    "headquarters_name": "Barcelona",
    "areas": ["governance"],
    "shipped": True,
    "version": 1,
}


class OrganizationOut(Schema):
    model_config = example(**ORGANIZATION_EXAMPLE)

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
    model_config = page_example(ORGANIZATION_EXAMPLE)

    items: list[OrganizationOut]


# The sort keys of the lists (public key -> field).
ORGANIZATION_ORDER = {"name": "name_en", "acronym": "acronym", "kind": "kind"}
MEMBERSHIP_ORDER = {
    "organization": "organization__name_en",
    "since": "since",
    "fee_due_on": "fee_due_on",
    "status": "status",
}


class OrganizationFilters(Schema):
    kind: str = Field("", max_length=30)
    q: str = Field("", max_length=100, description="Part of a name or of the acronym.")
    country: str = Field("", max_length=3, description="The headquarters' country (ISO code).")
    ordering: str | None = ordering_field(ORGANIZATION_ORDER, "name")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class OrganizationIn(InSchema):
    """An organisation an office adds (world data: every office sees it)."""

    model_config = example(
        name_en="Asian Mayors Forum",
        acronym="AMF",
        kind="city_network",
        website="https://amf.example.org",
        headquarters="gn:1835848",
        areas=["governance"],
    )

    name_en: str = Field(..., max_length=200)
    name_fa: str = Field("", max_length=200)
    acronym: str = Field("", max_length=30)
    kind: str = Field("other", max_length=30)
    website: str = Field("", max_length=300)
    headquarters: str | None = Field(None, max_length=80, description="A city's public id.")
    areas: list[str] = Field(default_factory=list, max_length=30)


class OrganizationPatch(InSchema):
    """A director's correction: the fields sent change, the others stay (every office sees
    it; its history names the office and the person)."""

    model_config = example(website="https://www.uclg.org", acronym="UCLG")

    name_en: str | None = Field(None, max_length=200)
    name_fa: str | None = Field(None, max_length=200)
    acronym: str | None = Field(None, max_length=30)
    kind: str | None = Field(None, max_length=30)
    website: str | None = Field(None, max_length=300)
    headquarters: str | None = Field(None, max_length=80, description="null clears it.")
    areas: list[str] | None = Field(None, max_length=30)


class CorrectionOut(Schema):
    """One entry of an organisation's history: which office and person changed what."""

    model_config = example(
        at="2026-12-04T10:12:00Z",
        office="tehran",
        person="director",
        action="updated",
        changes={"website": ["http://uclg.org", "https://www.uclg.org"]},
    )

    at: dt.datetime = Field(..., alias="created_at")
    office: str | None
    person: str | None
    action: str = Field(..., description="created or updated.")
    changes: dict[str, Any] = Field(..., description="field -> [before, after].")

    @staticmethod
    def resolve_office(obj: Any) -> str | None:
        return obj.office.slug if obj.office_id else None

    @staticmethod
    def resolve_person(obj: Any) -> str | None:
        return obj.actor.get_username() if obj.actor_id else None


ROLE_EXAMPLE: dict[str, Any] = {
    "id": 4,
    "membership": 7,
    "kind": "board",
    "title": "Board member for West Asia",
    "term_start": "2025-01-01",
    "term_end": "2027-12-31",
    "version": 1,
}
OBLIGATION_EXAMPLE: dict[str, Any] = {
    "id": 11,
    "membership": 7,
    "kind": "report",
    "title": "Annual activity report",
    "due_on": "2027-01-31",
    "done_on": None,
    "version": 2,
}


class RoleOut(Schema):
    """A seat or role the city holds in the organisation, for a term."""

    model_config = example(**ROLE_EXAMPLE)

    id: int
    membership: int = Field(..., alias="membership_id")
    kind: str
    title: str
    term_start: dt.date | None
    term_end: dt.date | None
    version: int


class ObligationOut(Schema):
    """What the membership obliges the office to do, by a date."""

    model_config = example(**OBLIGATION_EXAMPLE)

    id: int
    membership: int = Field(..., alias="membership_id")
    kind: str
    title: str
    due_on: dt.date
    done_on: dt.date | None
    version: int


MEMBERSHIP_EXAMPLE: dict[str, Any] = {
    "id": 7,
    "organization": 3,
    "organization_name": "United Cities and Local Governments",
    "organization_acronym": "UCLG",
    "status": "member",
    "since": "2012-06-01",
    "annual_fee": "4500.00",
    "fee_currency": "EUR",
    "fee_due_on": "2027-03-31",
    "fee_paid_on": None,
    "fee_state": "due",
    "focal_person": 21,
    "focal_person_username": "s.ahmadi",
    "notes": "",
    "is_demo": False,
    "roles": [ROLE_EXAMPLE],
    "obligations": [OBLIGATION_EXAMPLE],
    "version": 3,
}


class MembershipOut(Schema):
    model_config = example(**MEMBERSHIP_EXAMPLE)

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
    def resolve_roles(obj: Membership) -> list[Any]:
        return list(obj.roles.all())

    @staticmethod
    def resolve_obligations(obj: Membership) -> list[Any]:
        return list(obj.obligations.all())


class MembershipPage(PageMeta):
    model_config = page_example(MEMBERSHIP_EXAMPLE)

    items: list[MembershipOut]


class MembershipFilters(Schema):
    status: str = Field("", max_length=20)
    fee: str = Field("", max_length=20, description="none, due, paid or overdue.")
    q: str = Field("", max_length=100, description="Part of the organisation's name or acronym.")
    start: dt.date | None = Field(None, description="The fee due on or after this day.")
    end: dt.date | None = Field(None, description="The fee due on or before this day.")
    ordering: str | None = ordering_field(MEMBERSHIP_ORDER, "organization")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class MembershipIn(InSchema):
    model_config = example(
        organization=3,
        status="member",
        since="2012-06-01",
        annual_fee="4500.00",
        fee_currency="EUR",
        fee_due_on="2027-03-31",
        focal_person=21,
    )

    organization: RecordId
    status: str = Field("member", max_length=20)
    since: dt.date | None = None
    annual_fee: Fee = FEE_FIELD
    fee_currency: str = Field("", max_length=3)
    fee_due_on: dt.date | None = None
    fee_paid_on: dt.date | None = None
    focal_person: RecordId | None = Field(None, description="A member's user id.")
    notes: str = Field("", max_length=4000)


class MembershipPatch(InSchema):
    model_config = example(fee_paid_on="2027-03-10", notes="Paid by bank transfer")

    status: str | None = Field(None, max_length=20)
    since: dt.date | None = None
    annual_fee: Fee = FEE_FIELD
    fee_currency: str | None = Field(None, max_length=3)
    fee_due_on: dt.date | None = None
    fee_paid_on: dt.date | None = None
    focal_person: RecordId | None = Field(None, description="A member's user id; null clears.")
    notes: str | None = Field(None, max_length=4000)


class RoleIn(InSchema):
    """A seat or role the city holds (officer and up, as on the membership's page)."""

    model_config = example(
        kind="board",
        title="Board member for West Asia",
        term_start="2025-01-01",
        term_end="2027-12-31",
    )

    kind: str = Field(..., description="board, executive_committee, vice_presidency, ...")
    title: str = ""
    term_start: dt.date | None = None
    term_end: dt.date | None = None


class RolePatch(InSchema):
    """A correction of a seat: the fields sent change, the others stay."""

    model_config = example(term_end="2028-12-31")

    kind: str | None = None
    title: str | None = None
    term_start: dt.date | None = None
    term_end: dt.date | None = None


class ObligationIn(InSchema):
    """What the membership obliges the office to do (officer and up)."""

    model_config = example(kind="report", title="Annual activity report", due_on="2027-01-31")

    kind: str = Field(..., description="report, hosting, vote, survey or other.")
    title: str
    due_on: dt.date
    done_on: dt.date | None = None


class ObligationPatch(InSchema):
    """A correction of an obligation: the fields sent change, the others stay."""

    model_config = example(due_on="2027-02-28")

    kind: str | None = None
    title: str | None = None
    due_on: dt.date | None = None
    done_on: dt.date | None = None


class DoneIn(InSchema):
    """Mark an obligation done: on `done_on`, today when none is given."""

    model_config = example(done_on="2027-01-20")

    done_on: dt.date | None = None
