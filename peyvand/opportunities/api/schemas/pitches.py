"""Pitches, their interested parties with follow-ups, and their documents in the API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

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

from ...models import InterestedParty, Pitch
from ...models.pitches import NOTE_MAX
from .common import (
    DOCUMENT_EXAMPLE,
    FOLLOW_UP_EXAMPLE,
    FOLLOW_UP_MAX,
    PARTY_EXAMPLE,
    PITCH_EXAMPLE,
    PITCH_IN_EXAMPLE,
    Amount,
    Code,
    District,
    Text,
)


class PartyFollowUpOut(Schema):
    model_config = example(**FOLLOW_UP_EXAMPLE)

    id: int
    date: dt.date
    note: str
    done: bool


class PartyOut(Schema):
    model_config = example(**PARTY_EXAMPLE)

    id: int
    kind: str = Field(..., description="contact, organization or city.")
    contact_id: int | None
    organization_id: int | None
    city: str | None = Field(..., description="The partner city's public id (gn:...).")
    note: str
    follow_ups: list[PartyFollowUpOut]
    version: int

    @staticmethod
    def resolve_city(obj: InterestedParty) -> str | None:
        return obj.city.code if obj.city is not None else None

    @staticmethod
    def resolve_follow_ups(obj: InterestedParty) -> list[Any]:
        return list(obj.follow_ups.all())


class PitchOut(Schema):
    model_config = example(**PITCH_EXAMPLE)

    id: int
    title_fa: str
    title_en: str
    description_fa: str
    description_en: str
    area: str | None = Field(..., description="The cooperation area's code.")
    location: str
    district: int | None
    budget: Decimal | None
    financing_sought: Decimal | None
    currency: str
    instrument: str
    stage: str
    status: str
    parties: list[PartyOut]
    documents: list[str] = Field(..., description="The names of its documents.")
    published: bool = Field(..., description="Shown to investors on the public portal.")
    version: int
    is_demo: bool

    @staticmethod
    def resolve_area(obj: Pitch) -> str | None:
        return obj.area.code if obj.area is not None else None

    @staticmethod
    def resolve_parties(obj: Pitch) -> list[Any]:
        return list(obj.parties.all())

    @staticmethod
    def resolve_documents(obj: Pitch) -> list[str]:
        return [d.original_name for d in obj.documents.all()]


class PitchPage(PageMeta):
    model_config = page_example(PITCH_EXAMPLE)

    items: list[PitchOut]


class PitchIn(InSchema):
    model_config = example(**PITCH_IN_EXAMPLE)

    title_fa: Text = ""
    title_en: Text = ""
    description_fa: Text = ""
    description_en: Text = ""
    area: Code | None = Field(None, description="A cooperation area's code.")
    location: Text = ""
    district: District | None = None
    budget: Amount | None = None
    financing_sought: Amount | None = None
    currency: Code = ""
    instrument: Code = "other"
    stage: Code = "concept"
    status: Code = "draft"


class PitchPatch(InSchema):
    model_config = example(status="in_talks", published=True)

    title_fa: Text | None = None
    title_en: Text | None = None
    description_fa: Text | None = None
    description_en: Text | None = None
    area: Code | None = None
    location: Text | None = None
    district: District | None = None
    budget: Amount | None = None
    financing_sought: Amount | None = None
    currency: Code | None = None
    instrument: Code | None = None
    stage: Code | None = None
    status: Code | None = None
    published: bool | None = Field(
        None, description="Publish on the public portal (true) or withdraw it (false)."
    )


class PitchFilters(Schema):
    status: Code = ""
    instrument: Code = ""
    area: Code = ""
    q: str = Field("", max_length=200)
    sort: Code = ""
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PartyPage(PageMeta):
    model_config = page_example(PARTY_EXAMPLE)

    items: list[PartyOut]


class PartyIn(InSchema):
    """Exactly one of a contact, an organisation or a partner city."""

    model_config = example(organization_id=12, note="Keen on co-financing the first phase.")

    contact_id: RecordId | None = Field(None, description="A contact of the office.")
    organization_id: RecordId | None = Field(None, description="An organisation's id.")
    city: Code | None = Field(
        None, description="The public id of the partner city of one of the office's pacts."
    )
    note: Annotated[str, Field(max_length=NOTE_MAX)] = ""


class PartyPatch(InSchema):
    """Who it is (one of the three; sending one clears the other two) or the note."""

    model_config = example(note="Asked for the feasibility study.")

    contact_id: RecordId | None = None
    organization_id: RecordId | None = None
    city: Code | None = None
    note: Annotated[str, Field(max_length=NOTE_MAX)] | None = None


class PartyFilters(Schema):
    kind: Code = Field("", description="contact, organization or city.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PartyFollowUpPage(PageMeta):
    model_config = page_example(FOLLOW_UP_EXAMPLE)

    items: list[PartyFollowUpOut]


class PartyFollowUpIn(InSchema):
    model_config = example(date="2026-12-10", note="Send the feasibility study")

    date: dt.date | None = None
    note: Annotated[str, Field(max_length=FOLLOW_UP_MAX)] = ""


class PartyFollowUpFilters(Schema):
    done: bool | None = Field(None, description="Only the done (true) or open (false) ones.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PitchDocumentOut(DocumentOut):
    """A document's metadata (its file is downloaded from the pitch's page)."""

    model_config = example(**DOCUMENT_EXAMPLE)

    kind: str = Field(..., description="concept_note, feasibility, presentation or other.")


class PitchDocumentPage(PageMeta):
    model_config = page_example(DOCUMENT_EXAMPLE)

    items: list[PitchDocumentOut]
