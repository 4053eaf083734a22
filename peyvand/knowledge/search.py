"""What the one search finds of this app: practices (peyvand.search)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from peyvand.partnerships.search import city_names
from peyvand.places.models import City
from peyvand.search.documents import Dependency, Document, SearchKind, in_both_languages

from .models import Practice, Stage


def practice_document(practice: Practice) -> Document:
    return Document(
        office_id=practice.office_id,
        title_fa=practice.title_fa,
        title_en=practice.title_en,
        texts=[
            practice.summary_fa,
            practice.summary_en,
            practice.body_fa,
            practice.body_en,
            practice.evidence,
            practice.notes,
            *in_both_languages(Stage(practice.stage).label),
            *(str(tag) for tag in practice.tags or []),
            *city_names(practice.source_city),
        ],
        area_ids=[area.pk for area in practice.areas.all()],
        city_id=practice.source_city_id,
        date=practice.created_at.date(),
    )


def practices_to_index() -> QuerySet[Practice]:
    return (
        Practice.objects.select_related("source_city__country")
        .prefetch_related("areas")
        .order_by("pk")
    )


PRACTICES = SearchKind(
    key="practice",
    label=Practice._meta.verbose_name,
    plural=Practice._meta.verbose_name_plural,
    model=Practice,
    document=practice_document,
    rebuild=practices_to_index,
    url=lambda slug, pk, link: reverse("knowledge:detail", kwargs={"office_slug": slug, "pk": pk}),
    links=[Practice.areas.through],
    depends=[
        Dependency(
            City,
            lambda city: Practice.objects.filter(source_city=city).values_list("pk", flat=True),
        )
    ],
    order=30,
)
