"""Activities and their outcomes in the API: what it answers and what it accepts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from peyvand.core.api import InSchema, PageMeta, RecordId, example, page_example
from peyvand.core.validation import MAX_ID

from ...models import Activity, InitiatedBy


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


class OutcomePage(PageMeta):
    model_config = page_example(OUTCOME_EXAMPLE)

    items: list[OutcomeOut]
