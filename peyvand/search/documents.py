"""The registry of what the one search finds: each app registers its kinds of record.

An app to the right of `search` (partnerships, missions, knowledge...) describes each kind of
record it wants found with a `SearchKind` and registers it from its `AppConfig.ready()`,
through a small `search.py` module of its own::

    # peyvand/knowledge/search.py
    from django.urls import reverse

    from peyvand.places.models import City
    from peyvand.search.documents import Dependency, Document, SearchKind

    from .models import Practice


    def practice_document(practice: Practice) -> Document | None:
        return Document(
            office_id=practice.office_id,
            title_fa=practice.title_fa,
            title_en=practice.title_en,
            texts=[practice.summary_fa, practice.summary_en, practice.body_fa,
                   practice.body_en, practice.source_city.name_en if practice.source_city
                   else "", *practice.tags],
            area_ids=[a.pk for a in practice.areas.all()],
            city_id=practice.source_city_id,
            date=practice.created.date(),
        )


    PRACTICES = SearchKind(
        key="practice",
        label=Practice._meta.verbose_name,
        plural=Practice._meta.verbose_name_plural,
        model=Practice,
        document=practice_document,
        rebuild=lambda: Practice.objects.select_related("source_city")
        .prefetch_related("areas").order_by("pk"),
        links=[Practice.areas.through],
        depends=[Dependency(City, lambda city: Practice.objects.filter(
            source_city=city).values_list("pk", flat=True))],
        url=lambda slug, object_id, link: reverse(
            "knowledge:detail", kwargs={"office_slug": slug, "pk": object_id}),
        order=30,
    )

    # peyvand/knowledge/apps.py
    def ready(self) -> None:
        from peyvand.search.documents import register_search

        from .search import PRACTICES

        register_search(PRACTICES)

Registering connects the signals that keep the index in step, in the writer's
transaction: `post_save` and `post_delete` of the model (a deleted row leaves the index),
`m2m_changed` of each `through` model in `links`, and `post_save`/`post_delete` of each
model named in `depends` (a city renamed re-indexes the records that show its name).
`manage.py rebuild_search` rebuilds every kind from `rebuild()`, in chunks.

A kind's `document(instance)` answers None for a record that must not be found (it is then
removed from the index); every other record is indexed, drafts included (the office's own
members look for their drafts too). `office_id` None marks shared data (the organisations),
which every office finds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .index import connect_kind
from .kinds import _AREAS, _KINDS, Dependency, Document, SearchKind, in_both_languages

__all__ = [
    "Dependency",
    "Document",
    "SearchKind",
    "in_both_languages",
    "register_areas",
    "register_search",
]


def register_search(kind: SearchKind) -> None:
    """Register a kind of record and connect the signals that keep its index in step."""
    if kind.key in _KINDS and _KINDS[kind.key] is not kind:
        raise ValueError(f"a search kind {kind.key!r} is registered already")
    _KINDS[kind.key] = kind
    connect_kind(kind)


def register_areas(source: Callable[[], Iterable[tuple[int, str]]]) -> None:
    """The areas the page offers as a filter, as (id, name in the active language): the
    app that owns the taxonomy registers it (search may not import it)."""
    if source not in _AREAS:
        _AREAS.append(source)
