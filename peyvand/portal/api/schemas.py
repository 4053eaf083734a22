"""The shapes of the public API: the open data rows (`opendata`), a page at a time."""

from __future__ import annotations

from ninja import Field, Schema

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET


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
    items: list[PartnershipRow]


class ActivitiesOut(PublicPage):
    items: list[ActivityRow]


class PracticesOut(PublicPage):
    items: list[PracticeRow]


class PitchesOut(PublicPage):
    items: list[PitchRow]
