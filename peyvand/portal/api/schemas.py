"""The shapes of the public API: the open data rows (`opendata`), a page at a time."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET, example

PUBLIC_PARTNERSHIPS_EXAMPLE: dict[str, Any] = {
    "count": 1,
    "limit": 50,
    "offset": 0,
    "licence": "CC BY 4.0",
    "attribution": "Tehran office, Peyvand",
    "items": [
        {
            "id": 12,
            "partner_city": "gn:2761369",
            "partner_city_name_en": "Vienna",
            "partner_city_name_fa": "وین",
            "country": "AT",
            "kind": "sister",
            "status": "active",
            "signed_on": "2019-05-14",
            "valid_until": None,
            "summary_fa": "همکاری در مدیریت آب شهری",
            "summary_en": "Cooperation on urban water management",
            "url": "https://peyvand.example/fa/p/tehran/partnerships/12/",
        }
    ],
}

PUBLIC_ACTIVITIES_EXAMPLE: dict[str, Any] = {
    "count": 1,
    "limit": 50,
    "offset": 0,
    "licence": "CC BY 4.0",
    "attribution": "Tehran office, Peyvand",
    "items": [
        {
            "id": 44,
            "date": "2026-11-02",
            "kind": "visit_out",
            "title": "Water delegation to Vienna",
            "description": "",
            "participants": 6,
            "partnerships": [12],
            "outcomes": [
                {
                    "id": 8,
                    "activity": 44,
                    "kind": "agreement",
                    "value": "2.00",
                    "unit": "MoUs",
                    "note": "",
                }
            ],
        }
    ],
}

PUBLIC_PRACTICES_EXAMPLE: dict[str, Any] = {
    "count": 1,
    "limit": 50,
    "offset": 0,
    "licence": "CC BY 4.0",
    "attribution": "Tehran office, Peyvand",
    "items": [
        {
            "id": 3,
            "title_fa": "آبیاری هوشمند فضای سبز",
            "title_en": "Smart irrigation of parks",
            "summary_fa": "",
            "summary_en": "Soil sensors cut park water use by a third.",
            "source_city": "gn:2761369",
            "source_city_name_en": "Vienna",
            "adopted_on": "2026-06-01",
            "areas": ["water"],
            "url": "https://peyvand.example/fa/p/tehran/practices/3/",
        }
    ],
}

PUBLIC_PITCHES_EXAMPLE: dict[str, Any] = {
    "count": 1,
    "limit": 50,
    "offset": 0,
    "licence": "CC BY 4.0",
    "attribution": "Tehran office, Peyvand",
    "items": [
        {
            "id": 2,
            "title_fa": "نیروگاه خورشیدی سقف مدارس",
            "title_en": "Solar roofs on schools",
            "description_fa": "",
            "description_en": "",
            "area": "energy",
            "location": "District 5",
            "budget": "1200000.00",
            "financing_sought": "800000.00",
            "currency": "EUR",
            "instrument": "grant",
            "stage": "feasibility",
            "status": "open",
            "url": "https://peyvand.example/fa/p/tehran/pitches/2/",
        }
    ],
}


class PublicQuery(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PublicPage(Schema):
    count: int
    limit: int
    offset: int
    licence: str
    attribution: str


class PartnershipRow(Schema):
    id: int
    partner_city: str | None
    partner_city_name_en: str | None
    partner_city_name_fa: str | None
    country: str | None
    kind: str
    status: str
    signed_on: str | None
    valid_until: str | None
    summary_fa: str
    summary_en: str
    url: str


class OutcomeRow(Schema):
    id: int
    activity: int
    kind: str
    value: str | None
    unit: str
    note: str


class ActivityRow(Schema):
    id: int
    date: str | None
    kind: str
    title: str
    description: str
    participants: int | None
    partnerships: list[int]
    outcomes: list[OutcomeRow]


class PracticeRow(Schema):
    id: int
    title_fa: str
    title_en: str
    summary_fa: str
    summary_en: str
    source_city: str | None
    source_city_name_en: str | None
    adopted_on: str | None
    areas: list[str]
    url: str


class PitchRow(Schema):
    id: int
    title_fa: str
    title_en: str
    description_fa: str
    description_en: str
    area: str | None
    location: str
    budget: str | None
    financing_sought: str | None
    currency: str
    instrument: str
    stage: str
    status: str
    url: str


class PartnershipsOut(PublicPage):
    model_config = example(**PUBLIC_PARTNERSHIPS_EXAMPLE)

    items: list[PartnershipRow]


class ActivitiesOut(PublicPage):
    model_config = example(**PUBLIC_ACTIVITIES_EXAMPLE)

    items: list[ActivityRow]


class PracticesOut(PublicPage):
    model_config = example(**PUBLIC_PRACTICES_EXAMPLE)

    items: list[PracticeRow]


class PitchesOut(PublicPage):
    model_config = example(**PUBLIC_PITCHES_EXAMPLE)

    items: list[PitchRow]
