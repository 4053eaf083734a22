"""The shapes of the practices API."""

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
    page_example,
)
from peyvand.records.api import DocumentOut

from ..models import BODY_MAX, NOTE_MAX, REASON_MAX, SUMMARY_MAX, Practice

TITLE_MAX = 300
LINKS_MAX = 100
CITY_CODE_MAX = 80

# The examples of the OpenAPI document (each validates against its schema).
SPAN_EXAMPLE: dict[str, Any] = {
    "stage": "idea",
    "entered_on": "2026-03-01",
    "left_on": "2026-05-10",
}
PRACTICE_EXAMPLE: dict[str, Any] = {
    "id": 21,
    "stage": "piloting",
    "stage_since": "2026-05-10",
    "stage_reason": "",
    "adopted_on": None,
    "title_fa": "اتوبوس شبانه بر اساس تقاضا",
    "title_en": "On-demand night buses",
    "summary_fa": "",
    "summary_en": "Buses booked by app after midnight.",
    "body_fa": "",
    "body_en": "",
    "source_city": "gn:2761369",
    "areas": ["transport"],
    "sdgs": [11],
    "source_link": "https://example.org/night-buses",
    "evidence": "Ridership up 18% in a year.",
    "cost_band": "medium",
    "transferability": "easy",
    "tags": ["mobility"],
    "department_id": 2,
    "notes": "",
    "partnership_ids": [3],
    "mission_ids": [12],
    "contact_ids": [14],
    "observation_id": None,
    "adoption_activity_id": None,
    "spans": [SPAN_EXAMPLE, {"stage": "piloting", "entered_on": "2026-05-10", "left_on": None}],
    "published": False,
    "version": 4,
}
DOCUMENT_EXAMPLE: dict[str, Any] = {
    "id": 5,
    "kind": "study",
    "name": "evaluation.pdf",
    "content_type": "application/pdf",
    "size": 120044,
    "uploaded_at": "2026-06-01T10:00:00Z",
}


class StaySpanOut(Schema):
    model_config = example(**SPAN_EXAMPLE)

    stage: str
    entered_on: dt.date
    left_on: dt.date | None


class PracticeOut(Schema):
    model_config = example(**PRACTICE_EXAMPLE)

    id: int
    stage: str
    stage_since: dt.date
    stage_reason: str
    adopted_on: dt.date | None
    title_fa: str
    title_en: str
    summary_fa: str
    summary_en: str
    body_fa: str
    body_en: str
    source_city: str | None = Field(..., description="The public id of the city (gn:...).")
    areas: list[str] = Field(..., description="Codes of the cooperation areas.")
    sdgs: list[int] = Field(..., description="Sustainable Development Goals, 1 to 17.")
    source_link: str
    evidence: str
    cost_band: str
    transferability: str
    tags: list[str]
    department_id: int | None
    notes: str
    partnership_ids: list[int]
    mission_ids: list[int]
    contact_ids: list[int]
    observation_id: int | None
    adoption_activity_id: int | None
    spans: list[StaySpanOut]
    published: bool = Field(..., description="Shown on the public portal once adopted.")
    version: int

    @staticmethod
    def resolve_source_city(obj: Practice) -> str | None:
        return obj.source_city.code if obj.source_city else None

    @staticmethod
    def resolve_areas(obj: Practice) -> list[str]:
        return [a.code for a in obj.areas.all()]

    @staticmethod
    def resolve_sdgs(obj: Practice) -> list[int]:
        return obj.sdg_goals

    @staticmethod
    def resolve_partnership_ids(obj: Practice) -> list[int]:
        return sorted(p.pk for p in obj.partnerships.all())

    @staticmethod
    def resolve_mission_ids(obj: Practice) -> list[int]:
        return sorted(m.pk for m in obj.missions.all())

    @staticmethod
    def resolve_contact_ids(obj: Practice) -> list[int]:
        return sorted(c.pk for c in obj.contacts.all())

    @staticmethod
    def resolve_spans(obj: Practice) -> list[object]:
        return list(obj.spans.all())


class PracticePage(PageMeta):
    model_config = page_example(PRACTICE_EXAMPLE)

    items: list[PracticeOut]


class PracticeIn(InSchema):
    model_config = example(
        title_en="On-demand night buses",
        summary_en="Buses booked by app after midnight.",
        source_city="gn:2761369",
        areas=["transport"],
        sdgs=[11],
        partnership_ids=[3],
        mission_ids=[12],
        contact_ids=[14],
    )

    title_fa: str = Field("", max_length=TITLE_MAX)
    title_en: str = Field("", max_length=TITLE_MAX)
    summary_fa: str = Field("", max_length=SUMMARY_MAX)
    summary_en: str = Field("", max_length=SUMMARY_MAX)
    body_fa: str = Field("", max_length=BODY_MAX)
    body_en: str = Field("", max_length=BODY_MAX)
    source_city: str | None = Field(None, max_length=CITY_CODE_MAX)
    areas: list[str] = Field([], max_length=50)
    sdgs: list[int] = Field([], max_length=17)
    source_link: str = Field("", max_length=500)
    evidence: str = Field("", max_length=NOTE_MAX)
    cost_band: str = Field("", max_length=20)
    transferability: str = Field("", max_length=20)
    tags: list[str] = Field([], max_length=20)
    department_id: RecordId | None = None
    notes: str = Field("", max_length=NOTE_MAX)
    partnership_ids: list[RecordId] = Field([], max_length=LINKS_MAX)
    mission_ids: list[RecordId] = Field([], max_length=LINKS_MAX)
    contact_ids: list[RecordId] = Field([], max_length=LINKS_MAX)
    observation_id: RecordId | None = None


class PracticePatch(InSchema):
    model_config = example(evidence="Ridership up 18% in a year.", contact_ids=[14, 15])

    title_fa: str | None = Field(None, max_length=TITLE_MAX)
    title_en: str | None = Field(None, max_length=TITLE_MAX)
    summary_fa: str | None = Field(None, max_length=SUMMARY_MAX)
    summary_en: str | None = Field(None, max_length=SUMMARY_MAX)
    body_fa: str | None = Field(None, max_length=BODY_MAX)
    body_en: str | None = Field(None, max_length=BODY_MAX)
    source_city: str | None = Field(None, max_length=CITY_CODE_MAX)
    areas: list[str] | None = Field(None, max_length=50)
    sdgs: list[int] | None = Field(None, max_length=17)
    source_link: str | None = Field(None, max_length=500)
    evidence: str | None = Field(None, max_length=NOTE_MAX)
    cost_band: str | None = Field(None, max_length=20)
    transferability: str | None = Field(None, max_length=20)
    tags: list[str] | None = Field(None, max_length=20)
    department_id: RecordId | None = None
    notes: str | None = Field(None, max_length=NOTE_MAX)
    partnership_ids: list[RecordId] | None = Field(None, max_length=LINKS_MAX)
    mission_ids: list[RecordId] | None = Field(None, max_length=LINKS_MAX)
    contact_ids: list[RecordId] | None = Field(None, max_length=LINKS_MAX)
    published: bool | None = Field(
        None, description="Publish on the public portal (shown once adopted) or withdraw it."
    )


class PracticeFilters(Schema):
    stage: str = Field("", max_length=20)
    area: str = Field("", max_length=40)
    city: str = Field("", max_length=CITY_CODE_MAX)
    tag: str = Field("", max_length=40)
    start: dt.date | None = Field(None, description="Adopted on or after this day.")
    end: dt.date | None = Field(None, description="Adopted on or before this day.")
    q: str = Field("", max_length=200)
    sort: str = Field("", max_length=20)
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class StageIn(InSchema):
    model_config = example(stage="rejected", reason="Too costly for the district.")

    stage: str = Field(
        ..., max_length=20, description="idea, studied, proposed, piloting, adopted or rejected."
    )
    reason: str = Field("", max_length=REASON_MAX)


class PracticeDocumentOut(DocumentOut):
    """A document's metadata (its file is uploaded and downloaded on the practice's page)."""

    model_config = example(**DOCUMENT_EXAMPLE)


class PracticeDocumentPage(PageMeta):
    model_config = page_example(DOCUMENT_EXAMPLE)

    items: list[PracticeDocumentOut]
