"""The shapes of the contacts and events API: what it answers and what it accepts."""

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

from ..models import Contact, ContactKind, Event, EventKind

LIST_MAX = 100

# The examples of the OpenAPI document (each validates against its schema).
CONTACT_EXAMPLE: dict[str, Any] = {
    "id": 14,
    "name_fa": "آنا برگر",
    "name_en": "Anna Berger",
    "kind": "partner_official",
    "title": "Head of international relations",
    "city": "gn:2761369",
    "organization": None,
    "email": "anna.berger@example.org",
    "phone": "+43 1 4000 0000",
    "languages": ["de", "en"],
    "tags": ["transport"],
    "notes": "",
    "partnership_ids": [3],
    "last_interaction": "2026-10-02",
    "version": 2,
    "is_demo": False,
}
EVENT_EXAMPLE: dict[str, Any] = {
    "id": 6,
    "title_fa": "همایش شهری",
    "title_en": "Urban forum",
    "kind": "conference",
    "organizer_organization": 21,
    "organizer_city": None,
    "host_city": "gn:2761369",
    "starts_on": "2027-05-10",
    "ends_on": "2027-05-12",
    "areas": ["transport"],
    "website": "https://example.org/forum",
    "description": "",
    "published": False,
    "version": 1,
    "is_demo": False,
}


class ContactOut(Schema):
    model_config = example(**CONTACT_EXAMPLE)

    id: int
    name_fa: str
    name_en: str
    kind: str
    title: str
    city: str | None = Field(..., description="The city's public id, e.g. gn:2761369.")
    organization: int | None = Field(..., description="The organisation's id.")
    email: str
    phone: str
    languages: list[str] = Field(..., description="ISO 639-1 codes.")
    tags: list[str]
    notes: str
    partnership_ids: list[int]
    last_interaction: dt.date | None = Field(
        ...,
        description="The latest activity the contact took part in, or the end of the latest "
        "mission (completed or reported) they took part in.",
    )
    version: int
    is_demo: bool

    @staticmethod
    def resolve_city(obj: Contact) -> str | None:
        return obj.city.code if obj.city else None

    @staticmethod
    def resolve_organization(obj: Contact) -> int | None:
        return obj.organization_id

    @staticmethod
    def resolve_partnership_ids(obj: Contact) -> list[int]:
        return sorted(p.pk for p in obj.partnerships.all())

    @staticmethod
    def resolve_last_interaction(obj: Contact) -> dt.date | None:
        value: dt.date | None = getattr(obj, "last_interaction", None)
        return value


class ContactPage(PageMeta):
    model_config = page_example(CONTACT_EXAMPLE)

    items: list[ContactOut]


class ContactIn(InSchema):
    model_config = example(
        name_en="Anna Berger",
        kind="partner_official",
        city="gn:2761369",
        email="anna.berger@example.org",
        languages=["de", "en"],
        partnerships=[3],
    )

    name_fa: str = ""
    name_en: str = ""
    kind: str = ContactKind.OTHER
    title: str = ""
    city: str | None = Field(None, max_length=80, description="A city's public id.")
    organization: RecordId | None = None
    email: str = ""
    phone: str = ""
    languages: list[str] = Field([], max_length=LIST_MAX)
    tags: list[str] = Field([], max_length=LIST_MAX)
    notes: str = ""
    partnerships: list[RecordId] = Field(
        [], max_length=LIST_MAX, description="Ids of the office's partnerships."
    )
    confirm_duplicate: bool = Field(
        False,
        description="Create the contact even if the office has one with the same email or "
        "the same name in the same city (otherwise 409 names them).",
    )


class ContactPatch(InSchema):
    model_config = example(title="Deputy mayor", tags=["transport", "climate"])

    name_fa: str | None = None
    name_en: str | None = None
    kind: str | None = None
    title: str | None = None
    city: str | None = Field(None, max_length=80, description="A city's public id; null clears it.")
    organization: RecordId | None = Field(None, description="An organisation's id; null clears it.")
    email: str | None = None
    phone: str | None = None
    languages: list[str] | None = Field(None, max_length=LIST_MAX)
    tags: list[str] | None = Field(None, max_length=LIST_MAX)
    notes: str | None = None
    partnerships: list[RecordId] | None = Field(None, max_length=LIST_MAX)


class ContactFilters(Schema):
    kind: str = ""
    city: str = Field("", description="A city's public id.")
    country: str = Field("", description="A country's code.")
    organization: RecordId | None = None
    tag: str = ""
    partnership: RecordId | None = None
    q: str = Field("", description="Part of a name or an email.")
    sort: str = Field("", description="name, -name, last or -last (last interaction).")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class DuplicateOut(Schema):
    model_config = example(
        code="not_allowed_now", detail="The office may already have this contact.", duplicates=[14]
    )

    code: str
    detail: str
    duplicates: list[int] = Field(..., description="Ids of the possible duplicates.")


class EventOut(Schema):
    model_config = example(**EVENT_EXAMPLE)

    id: int
    title_fa: str
    title_en: str
    kind: str
    organizer_organization: int | None
    organizer_city: str | None
    host_city: str | None
    starts_on: dt.date
    ends_on: dt.date
    areas: list[str]
    website: str
    description: str
    published: bool = Field(..., description="Among the upcoming events of the public portal.")
    version: int
    is_demo: bool

    @staticmethod
    def resolve_organizer_organization(obj: Event) -> int | None:
        return obj.organizer_organization_id

    @staticmethod
    def resolve_organizer_city(obj: Event) -> str | None:
        return obj.organizer_city.code if obj.organizer_city else None

    @staticmethod
    def resolve_host_city(obj: Event) -> str | None:
        return obj.host_city.code if obj.host_city else None

    @staticmethod
    def resolve_areas(obj: Event) -> list[str]:
        return [a.code for a in obj.areas.all()]


class EventPage(PageMeta):
    model_config = page_example(EVENT_EXAMPLE)

    items: list[EventOut]


class EventIn(InSchema):
    model_config = example(
        title_en="Urban forum",
        kind="conference",
        host_city="gn:2761369",
        starts_on="2027-05-10",
        ends_on="2027-05-12",
        areas=["transport"],
    )

    title_fa: str = ""
    title_en: str = ""
    kind: str = EventKind.CONFERENCE
    organizer_organization: RecordId | None = None
    organizer_city: str | None = Field(None, max_length=80)
    host_city: str | None = Field(None, max_length=80)
    starts_on: dt.date
    ends_on: dt.date
    areas: list[str] = Field([], max_length=LIST_MAX)
    website: str = ""
    description: str = ""


class EventPatch(InSchema):
    model_config = example(website="https://example.org/forum", published=True)

    title_fa: str | None = None
    title_en: str | None = None
    kind: str | None = None
    organizer_organization: RecordId | None = None
    organizer_city: str | None = Field(None, max_length=80)
    host_city: str | None = Field(None, max_length=80)
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    areas: list[str] | None = Field(None, max_length=LIST_MAX)
    website: str | None = None
    description: str | None = None
    published: bool | None = Field(
        None, description="Publish on the public portal (true) or withdraw it (false)."
    )


class EventFilters(Schema):
    kind: str = ""
    year: int | None = Field(None, ge=1900, le=2100)
    when: str = Field("", description="upcoming or past.")
    q: str = Field("", description="Part of a title.")
    sort: str = Field("", description="date or -date.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class MergeIn(InSchema):
    """The contact merged into this one (then deleted), with the version you read of it;
    this contact's version goes in If-Match."""

    model_config = example(merge_id=15, merge_version=1)

    merge_id: RecordId = Field(..., description="The contact recorded twice (deleted).")
    merge_version: int = Field(..., ge=1, le=2**31 - 1, description="Its version you read.")
