"""What a kind of record gives the index (`SearchKind`, `Document`), and the registry's
store (filled through `documents.register_search`)."""

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
    # Singular and plural, e.g. Model._meta.verbose_name and verbose_name_plural (the page
    # puts a capital on the filter's name in English).
    label: str | Promise | None
    plural: str | Promise | None
    model: type[models.Model]
    document: Callable[[Any], Document | None]
    rebuild: Callable[[], models.QuerySet[Any]]  # every record, for `rebuild_search`
    url: Callable[[str, int, dict[str, Any]], str]  # (office slug, object id, link) -> path
    # The `through` models of the kind's many-to-many fields that its document reads (a
    # pact's areas): adding, removing or clearing a link indexes the record again.
    links: Sequence[type[models.Model]] = ()
    depends: Sequence[Dependency] = ()
    order: int = 100  # the place of its filter on the page


# The registry, filled from the apps' AppConfig.ready() (documents.register_search).
_KINDS: dict[str, SearchKind] = {}
_AREAS: list[Callable[[], Iterable[tuple[int, str]]]] = []


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
