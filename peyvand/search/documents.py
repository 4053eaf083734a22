"""The registry of what the one search finds: each app registers its kinds of record.

An app to the right of `search` (partnerships, missions, knowledge...) describes each kind of
record it wants found with a `SearchKind` and registers it from its `AppConfig.ready()`,
through a small `search.py` module of its own::

    # peyvand/knowledge/search.py
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _, ngettext_lazy

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
        label=_("practice"),
        plural=ngettext_lazy("%(count)d practice", "%(count)d practices", "count"),
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

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.functional import Promise


@dataclass(frozen=True)
class Document:
    """What the index keeps of one record: who sees it, its title in both languages, every
    indexed text (titles, summaries, bodies, names in both languages, tags), its areas,
    city and date (the filters), and what its link needs beyond its id."""

    office_id: int | None
    title_fa: str = ""
    title_en: str = ""
    texts: Sequence[str] = ()
    area_ids: Sequence[int] = ()
    city_id: int | None = None
    date: dt.date | None = None
    link: dict[str, int | str] = field(default_factory=dict)


@dataclass(frozen=True)
class Dependency:
    """Another model whose saves and deletes change the documents of a kind (a city renamed
    changes its pacts and contacts): `targets(instance)` gives the primary keys of the
    kind's records to index again."""

    sender: type[models.Model]
    targets: Callable[[Any], Iterable[int]]


@dataclass(frozen=True)
class SearchKind:
    """A kind of record the search finds (see the module's docstring for an example)."""

    key: str  # the stored type and the `type=` of the page and the API, e.g. "partnership"
    label: str | Promise  # singular, e.g. _("partnership")
    plural: str | Promise  # e.g. _("partnerships"): the filter's name
    model: type[models.Model]
    document: Callable[[Any], Document | None]
    rebuild: Callable[[], models.QuerySet[Any]]  # every record, for `rebuild_search`
    url: Callable[[str, int, dict[str, Any]], str]  # (office slug, object id, link) -> path
    # The `through` models of the kind's many-to-many fields that its document reads (a
    # pact's areas): adding, removing or clearing a link indexes the record again.
    links: Sequence[type[models.Model]] = ()
    depends: Sequence[Dependency] = ()
    order: int = 100  # the place of its filter on the page


_KINDS: dict[str, SearchKind] = {}
_AREAS: list[Callable[[], Iterable[tuple[int, str]]]] = []


def register_search(kind: SearchKind) -> None:
    """Register a kind of record and connect the signals that keep its index in step."""
    from .index import connect_kind

    if kind.key in _KINDS and _KINDS[kind.key] is not kind:
        raise ValueError(f"a search kind {kind.key!r} is registered already")
    _KINDS[kind.key] = kind
    connect_kind(kind)


def register_areas(source: Callable[[], Iterable[tuple[int, str]]]) -> None:
    """The areas the page offers as a filter, as (id, name in the active language): the
    app that owns the taxonomy registers it (search may not import it)."""
    if source not in _AREAS:
        _AREAS.append(source)


def kinds() -> list[SearchKind]:
    """Every registered kind, in the order of the page's filters."""
    return sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.key))


def kind_of(key: str) -> SearchKind | None:
    return _KINDS.get(key)


def kind_for_model(model: type[models.Model]) -> SearchKind | None:
    return next((kind for kind in _KINDS.values() if kind.model is model), None)


def areas() -> list[tuple[int, str]]:
    return [pair for source in _AREAS for pair in source()]


def in_both_languages(*labels: str | Promise) -> list[str]:
    """Translated labels (a kind, a status) in Persian and in English, for a document's
    texts: a reader finds a sister-city pact by typing «خواهرخواندگی» or "sister"."""
    texts: list[str] = []
    for language in ("fa", "en"):
        with translation.override(language):
            texts += [str(label) for label in labels]
    return texts
