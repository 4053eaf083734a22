"""What the one search finds of this app: pitches and funding calls (peyvand.search)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from peyvand.organizations.models import Organization
from peyvand.search.documents import Dependency, Document, SearchKind, in_both_languages

from .models import FundingCall, Instrument, Pitch, PitchStatus


def pitch_document(pitch: Pitch) -> Document:
    return Document(
        office_id=pitch.office_id,
        title_fa=pitch.title_fa,
        title_en=pitch.title_en,
        texts=[
            pitch.description_fa,
            pitch.description_en,
            pitch.location,
            *in_both_languages(Instrument(pitch.instrument).label, PitchStatus(pitch.status).label),
            *((pitch.area.name_fa, pitch.area.name_en) if pitch.area is not None else ()),
        ],
        area_ids=[pitch.area_id] if pitch.area_id else [],
        date=pitch.created_at.date(),
    )


def pitches_to_index() -> QuerySet[Pitch]:
    return Pitch.objects.select_related("area").order_by("pk")


def call_document(call: FundingCall) -> Document:
    funder = call.funder
    return Document(
        office_id=call.office_id,
        title_fa=call.title_fa,
        title_en=call.title_en,
        texts=[
            call.notes,
            *([funder.name_fa, funder.name_en, funder.acronym] if funder is not None else []),
        ],
        area_ids=[area.pk for area in call.areas.all()],
        date=call.deadline,
    )


def calls_to_index() -> QuerySet[FundingCall]:
    return FundingCall.objects.select_related("funder").prefetch_related("areas").order_by("pk")


PITCHES = SearchKind(
    key="pitch",
    label=Pitch._meta.verbose_name,
    plural=Pitch._meta.verbose_name_plural,
    model=Pitch,
    document=pitch_document,
    rebuild=pitches_to_index,
    url=lambda slug, pk, link: reverse(
        "opportunities:pitch_detail", kwargs={"office_slug": slug, "pk": pk}
    ),
    order=45,
)

CALLS = SearchKind(
    key="call",
    label=FundingCall._meta.verbose_name,
    plural=FundingCall._meta.verbose_name_plural,
    model=FundingCall,
    document=call_document,
    rebuild=calls_to_index,
    url=lambda slug, pk, link: reverse(
        "opportunities:call_detail", kwargs={"office_slug": slug, "pk": pk}
    ),
    links=[FundingCall.areas.through],
    depends=[
        Dependency(
            Organization,
            lambda org: FundingCall.objects.filter(funder=org).values_list("pk", flat=True),
        )
    ],
    order=50,
)
