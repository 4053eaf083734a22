"""The shapes of the missions API: a mission, its workflow action, its trip report."""

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
    page_example,
)
from peyvand.records.api import DocumentOut

from ..models import Direction, Mission, Objective
from ..models.missions import PUBLIC_SUMMARY_MAX

# The examples of the OpenAPI document (each validates against its schema).
OBJECTIVE_EXAMPLE: dict[str, Any] = {
    "id": 31,
    "text": "Agree a bus rapid transit study",
    "outcome": "met",
    "outcome_note": "",
}
REPORT_EXAMPLE: dict[str, Any] = {
    "summary": "Two days of meetings with the transport department.",
    "lessons": "Send the agenda two weeks ahead.",
    "people_exchanged": 4,
    "filed_on": "2026-11-20",
    "practices_observed": [{"title": "Night buses", "description": "On demand after midnight."}],
    "follow_ups": [
        {
            "commitment_id": 40,
            "partnership_id": 3,
            "title": "Share the study",
            "due_date": "2027-01-31",
        }
    ],
}
MISSION_EXAMPLE: dict[str, Any] = {
    "id": 12,
    "status": "reported",
    "status_reason": "",
    "direction": "outgoing",
    "title_fa": "سفر به وین",
    "title_en": "Visit to Vienna",
    "purpose": "Public transport cooperation",
    "start_date": "2026-11-10",
    "end_date": "2026-11-12",
    "event_id": None,
    "partnership_ids": [3],
    "cities": ["gn:2761369"],
    "objectives": [OBJECTIVE_EXAMPLE],
    "participants": [{"user": "sara", "contact_id": None, "department_id": 2, "role": "lead"}],
    "budget_planned": "12000",
    "budget_actual": "11500",
    "budget_currency": "EUR",
    "activity_ids": [77],
    "report": REPORT_EXAMPLE,
    "public_summary_fa": "",
    "public_summary_en": "",
    "published": False,
    "version": 6,
}
MISSION_IN_EXAMPLE: dict[str, Any] = {
    "direction": "outgoing",
    "title_en": "Visit to Vienna",
    "purpose": "Public transport cooperation",
    "start_date": "2026-11-10",
    "end_date": "2026-11-12",
    "partnership_ids": [3],
    "cities": ["gn:2761369"],
    "objectives": ["Agree a bus rapid transit study"],
    "participants": [{"user": "sara", "role": "lead"}],
    "budget_planned": "12000",
    "budget_currency": "EUR",
}
DOCUMENT_EXAMPLE: dict[str, Any] = {
    "id": 8,
    "kind": "agenda",
    "name": "agenda.pdf",
    "content_type": "application/pdf",
    "size": 30211,
    "uploaded_at": "2026-10-30T08:15:00Z",
}


class ObjectiveOut(Schema):
    model_config = example(**OBJECTIVE_EXAMPLE)

    id: int
    text: str
    outcome: str
    outcome_note: str


class ParticipantOut(Schema):
    model_config = example(**MISSION_EXAMPLE["participants"][0])

    user: str | None
    contact_id: int | None
    department_id: int | None
    role: str


class ReportFollowUpOut(Schema):
    model_config = example(**REPORT_EXAMPLE["follow_ups"][0])

    commitment_id: int
    partnership_id: int
    title: str
    due_date: dt.date


class TripReportOut(Schema):
    model_config = example(**REPORT_EXAMPLE)

    summary: str
    lessons: str
    people_exchanged: int | None
    filed_on: dt.date
    practices_observed: list[dict[str, str]]
    follow_ups: list[ReportFollowUpOut]


class MissionOut(Schema):
    model_config = example(**MISSION_EXAMPLE)

    id: int
    status: str
    status_reason: str
    direction: str
    title_fa: str
    title_en: str
    purpose: str
    start_date: dt.date
    end_date: dt.date
    event_id: int | None
    partnership_ids: list[int]
    cities: list[str] = Field(..., description="The public ids of the cities (gn:...).")
    objectives: list[ObjectiveOut]
    participants: list[ParticipantOut]
    budget_planned: Decimal | None
    budget_actual: Decimal | None
    budget_currency: str
    activity_ids: list[int] = Field(..., description="The activities it keeps on its pacts.")
    report: TripReportOut | None
    public_summary_fa: str
    public_summary_en: str
    published: bool = Field(..., description="Its public summary shown on the public portal.")
    version: int

    @staticmethod
    def resolve_partnership_ids(obj: Mission) -> list[int]:
        return sorted(p.pk for p in obj.partnerships.all())

    @staticmethod
    def resolve_cities(obj: Mission) -> list[str]:
        return [c.code for c in obj.cities.all()]

    @staticmethod
    def resolve_objectives(obj: Mission) -> list[Objective]:
        return list(obj.objectives.all())

    @staticmethod
    def resolve_participants(obj: Mission) -> list[dict[str, object]]:
        return [
            {
                "user": p.user.get_username() if p.user else None,
                "contact_id": p.contact_id,
                "department_id": p.department_id,
                "role": p.role,
            }
            for p in obj.participants.all()
        ]

    @staticmethod
    def resolve_activity_ids(obj: Mission) -> list[int]:
        return sorted(link.activity_id for link in obj.activity_links.all())

    @staticmethod
    def resolve_report(obj: Mission) -> dict[str, object] | None:
        report = getattr(obj, "report", None) if hasattr(obj, "report") else None
        if report is None:
            return None
        return {
            "summary": report.summary,
            "lessons": report.lessons,
            "people_exchanged": report.people_exchanged,
            "filed_on": report.filed_on,
            "practices_observed": [
                {"title": p.title, "description": p.description} for p in report.practices.all()
            ],
            "follow_ups": [
                {
                    "commitment_id": f.commitment_id,
                    "partnership_id": f.commitment.partnership_id,
                    "title": f.commitment.title,
                    "due_date": f.commitment.due_on,
                }
                for f in report.follow_ups.select_related("commitment")
            ],
        }


class MissionPage(PageMeta):
    model_config = page_example(MISSION_EXAMPLE)

    items: list[MissionOut]


class ParticipantIn(InSchema):
    model_config = example(user="sara", role="lead")

    user: str | None = Field(None, max_length=150, description="Username of a member.")
    contact_id: RecordId | None = None
    department_id: RecordId | None = None
    role: str = ""


class MissionIn(InSchema):
    model_config = example(**MISSION_IN_EXAMPLE)

    direction: str = Direction.OUTGOING
    title_fa: str = ""
    title_en: str = ""
    purpose: str = ""
    start_date: dt.date
    end_date: dt.date
    event_id: RecordId | None = None
    partnership_ids: list[RecordId] = Field([], max_length=200)
    cities: list[str] = Field([], max_length=50)
    objectives: list[str] = Field([], max_length=50)
    participants: list[ParticipantIn] = Field([], max_length=100)
    budget_planned: Decimal | None = None
    budget_actual: Decimal | None = None
    budget_currency: str = ""
    public_summary_fa: str = Field("", max_length=PUBLIC_SUMMARY_MAX)
    public_summary_en: str = Field("", max_length=PUBLIC_SUMMARY_MAX)


class MissionPatch(InSchema):
    model_config = example(status="submitted", budget_planned="13000")

    status: str | None = Field(
        None, description="Moves the mission by the one action that leads there (as /transitions)."
    )
    reason: str = ""
    direction: str | None = None
    title_fa: str | None = None
    title_en: str | None = None
    purpose: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    event_id: RecordId | None = None
    partnership_ids: list[RecordId] | None = Field(None, max_length=200)
    cities: list[str] | None = Field(None, max_length=50)
    objectives: list[str] | None = Field(None, max_length=50)
    participants: list[ParticipantIn] | None = Field(None, max_length=100)
    budget_planned: Decimal | None = None
    budget_actual: Decimal | None = None
    budget_currency: str | None = None
    public_summary_fa: str | None = Field(None, max_length=PUBLIC_SUMMARY_MAX)
    public_summary_en: str | None = Field(None, max_length=PUBLIC_SUMMARY_MAX)
    published: bool | None = Field(
        None, description="Publish its public summary on the portal (true) or withdraw it."
    )


class MissionFilters(Schema):
    status: str = ""
    direction: str = ""
    event: RecordId | None = None
    partnership: RecordId | None = None
    year: int | None = Field(None, ge=1900, le=2100)
    start: dt.date | None = Field(None, description="Starting on or after this day.")
    end: dt.date | None = Field(None, description="Starting on or before this day.")
    q: str = Field("", max_length=200)
    sort: str = ""
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class TransitionIn(InSchema):
    model_config = example(action="reject", reason="The budget is not approved.")

    action: str = Field(..., description="submit, approve, reject, complete or cancel.")
    reason: str = ""


class ObjectiveOutcomeIn(InSchema):
    model_config = example(id=31, outcome="met")

    id: RecordId
    outcome: str
    note: str = ""


class ObservedPracticeIn(InSchema):
    model_config = example(**REPORT_EXAMPLE["practices_observed"][0])

    title: str
    description: str = ""


class ReportFollowUpIn(InSchema):
    model_config = example(partnership_id=3, title="Share the study", due_date="2027-01-31")

    partnership_id: RecordId
    title: str
    due_date: dt.date
    department_id: RecordId | None = None


class TripReportIn(InSchema):
    model_config = example(
        summary="Two days of meetings with the transport department.",
        objectives=[{"id": 31, "outcome": "met"}],
        people_exchanged=4,
        budget_actual="11500",
        practices_observed=[{"title": "Night buses"}],
        follow_ups=[{"partnership_id": 3, "title": "Share the study", "due_date": "2027-01-31"}],
    )

    summary: str
    objectives: list[ObjectiveOutcomeIn] = Field([], max_length=50)
    lessons: str = ""
    people_exchanged: int | None = Field(None, ge=0, le=100_000)
    budget_actual: Decimal | None = None
    practices_observed: list[ObservedPracticeIn] = Field([], max_length=50)
    follow_ups: list[ReportFollowUpIn] = Field([], max_length=50)


class MissionDocumentOut(DocumentOut):
    """A document's metadata (its file is uploaded and downloaded on the mission's page)."""

    model_config = example(**DOCUMENT_EXAMPLE)

    kind: str = Field(..., description="agenda, invitation, visa_letter or other.")


class MissionDocumentPage(PageMeta):
    model_config = page_example(DOCUMENT_EXAMPLE)

    items: list[MissionDocumentOut]
