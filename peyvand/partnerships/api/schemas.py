"""The shapes of the partnerships API: what it answers and what it accepts.

Every schema an operation takes or answers carries an example (`model_config`'s
`json_schema_extra`), shown by the docs and checked against the schema by
`peyvand/api/tests/test_openapi_examples.py`; what a client sends derives from `InSchema`
(a field the operation does not take is refused).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
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
from peyvand.core.validation import MAX_ID

from ..models import (
    Activity,
    Agreement,
    Commitment,
    InitiatedBy,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
)

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


class OutcomeIO(InSchema):
    model_config = example(kind="agreement", value="2.00", unit="MoUs", note="Signed in Vienna")

    kind: str
    value: Decimal | None = None
    unit: str = ""
    note: str = ""


OUTCOME_EXAMPLE: dict[str, Any] = {
    "id": 8,
    "activity": 44,
    "kind": "agreement",
    "value": "2.00",
    "unit": "MoUs",
    "note": "Signed in Vienna",
    "published": False,
    "version": 1,
}


class OutcomeOut(Schema):
    model_config = example(**OUTCOME_EXAMPLE)

    id: int
    activity: int = Field(..., alias="activity_id")
    kind: str
    value: Decimal | None
    unit: str
    note: str
    published: bool = Field(..., description="Shown on the public portal with its activity.")
    version: int


class OutcomeIn(OutcomeIO):
    """An outcome recorded under an activity (whoever may edit the activity)."""

    model_config = example(kind="people", value="12", unit="trainees", note="")


class OutcomePatch(InSchema):
    """A correction of an outcome: the fields sent change (the others stay); `published`
    publishes it on the portal or withdraws it (officer and up)."""

    model_config = example(value="3", note="A third MoU was signed in December")

    kind: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    note: str | None = None
    published: bool | None = Field(
        None, description="Publish on the public portal (true) or withdraw it (false)."
    )


ACTIVITY_EXAMPLE: dict[str, Any] = {
    "id": 44,
    "date": "2026-11-02",
    "kind": "visit_out",
    "initiated_by": "us",
    "title": "Water delegation to Vienna",
    "description": "Three days with Wiener Wasser",
    "areas": ["water"],
    "participants": 6,
    "partnerships": [12],
    "published": False,
    "outcomes": [OUTCOME_EXAMPLE],
    "version": 3,
}


class ActivityOut(Schema):
    model_config = example(**ACTIVITY_EXAMPLE)

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
    version: int

    @staticmethod
    def resolve_areas(obj: Activity) -> list[str]:
        return [a.code for a in obj.areas.all()]

    @staticmethod
    def resolve_partnerships(obj: Activity) -> list[int]:
        return [p.pk for p in obj.partnerships.all()]

    @staticmethod
    def resolve_outcomes(obj: Activity) -> list[Any]:
        return list(obj.outcomes.all())


class ActivityPage(PageMeta):
    model_config = page_example(ACTIVITY_EXAMPLE)

    items: list[ActivityOut]


class ActivityIn(InSchema):
    model_config = example(
        date="2026-11-02",
        kind="visit_out",
        title="Water delegation to Vienna",
        initiated_by="us",
        areas=["water"],
        participants=6,
        partnerships=[12],
        outcomes=[{"kind": "agreement", "value": "1", "unit": "MoU"}],
    )

    date: dt.date
    kind: str
    title: str = Field(..., max_length=300)
    initiated_by: str = InitiatedBy.US
    description: str = ""
    areas: list[str] = []
    participants: int | None = Field(None, ge=0, le=MAX_ID)
    partnerships: list[RecordId] = Field(..., min_length=1, max_length=100)
    outcomes: list[OutcomeIO] = []


class ActivityPatch(InSchema):
    """A correction of an activity: the fields sent change (the others stay); `published`
    publishes it on the portal or withdraws it (officer and up)."""

    model_config = example(title="Water and waste delegation to Vienna", participants=7)

    date: dt.date | None = None
    kind: str | None = None
    title: str | None = Field(None, max_length=300)
    initiated_by: str | None = None
    description: str | None = None
    areas: list[str] | None = Field(None, max_length=100)
    participants: int | None = Field(None, ge=0, le=MAX_ID, description="null clears it.")
    partnerships: list[RecordId] | None = Field(None, min_length=1, max_length=100)
    published: bool | None = Field(
        None, description="Publish on the public portal (true) or withdraw it (false)."
    )


FILE_EXAMPLE: dict[str, Any] = {
    "id": 5,
    "name": "vienna-agreement-2019.pdf",
    "content_type": "application/pdf",
    "size": 182044,
    "uploaded_at": "2026-11-02T09:30:00Z",
}


class AgreementFileOut(Schema):
    """A file of an agreement (its content is served to the office's members by the page
    `/<lang>/o/<office>/files/agreement/<id>/`)."""

    model_config = example(**FILE_EXAMPLE)

    id: int
    name: str = Field(..., alias="original_name")
    content_type: str
    size: int
    uploaded_at: dt.datetime = Field(..., alias="created_at")


AGREEMENT_EXAMPLE: dict[str, Any] = {
    "id": 9,
    "partnership": 12,
    "title": "Sister city agreement",
    "languages": "Persian, German",
    "signatories": "The mayors of both cities",
    "signed_on": "2019-05-14",
    "valid_until": "2029-05-14",
    "files": [FILE_EXAMPLE],
    "version": 1,
}


class AgreementOut(Schema):
    model_config = example(**AGREEMENT_EXAMPLE)

    id: int
    partnership: int = Field(..., alias="partnership_id")
    title: str
    languages: str
    signatories: str
    signed_on: dt.date | None
    valid_until: dt.date | None
    files: list[AgreementFileOut]
    version: int

    @staticmethod
    def resolve_files(obj: Agreement) -> list[Any]:
        return list(obj.files.all())


class AgreementIn(InSchema):
    """An agreement of a pact (its files are added on the pact's page)."""

    model_config = example(
        title="Sister city agreement",
        languages="Persian, German",
        signatories="The mayors of both cities",
        signed_on="2019-05-14",
        valid_until="2029-05-14",
    )

    title: str = Field(..., max_length=300)
    languages: str = ""
    signatories: str = ""
    signed_on: dt.date | None = None
    valid_until: dt.date | None = None


class AgreementPatch(InSchema):
    """A correction of an agreement: the fields sent change, the others stay."""

    model_config = example(valid_until="2031-05-14")

    title: str | None = Field(None, max_length=300)
    languages: str | None = None
    signatories: str | None = None
    signed_on: dt.date | None = None
    valid_until: dt.date | None = None


class OutcomePage(PageMeta):
    model_config = page_example(OUTCOME_EXAMPLE)

    items: list[OutcomeOut]


class CommitmentPage(PageMeta):
    model_config = page_example(COMMITMENT_EXAMPLE)

    items: list[CommitmentOut]


APPROVAL_EXAMPLE: dict[str, Any] = {
    "id": 6,
    "partnership": 12,
    "body": "city_council",
    "body_name": "Tehran City Council",
    "status": "granted",
    "decided_on": "2019-04-30",
    "reference": "1398/4512",
    "has_document": True,
}


class ApprovalOut(Schema):
    """An approval the pact needs (its reference document is uploaded on the pact's page and
    downloaded by members from `/<lang>/o/<office>/files/approval/<id>/`)."""

    model_config = example(**APPROVAL_EXAMPLE)

    id: int
    partnership: int = Field(..., alias="partnership_id")
    body: str = Field(..., description="city_council, ministry or other.")
    body_name: str
    status: str = Field(..., description="pending, granted or refused.")
    decided_on: dt.date | None
    reference: str
    has_document: bool

    @staticmethod
    def resolve_has_document(obj: Any) -> bool:
        return bool(obj.document)


class ApprovalIn(InSchema):
    model_config = example(body="city_council", body_name="Tehran City Council")

    body: str
    body_name: str = ""
    reference: str = ""


class DecisionIn(InSchema):
    """The decision on an approval (pending again, granted or refused, with its date)."""

    model_config = example(status="granted", decided_on="2019-04-30", reference="1398/4512")

    status: str
    decided_on: dt.date | None = None
    reference: str = Field("", description="Kept as it was when empty.")
