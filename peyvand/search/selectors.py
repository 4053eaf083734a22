"""Reading the index: the one search the page and the API both call.

Only the office's own records and the shared data are found: the office is a condition of
the engine's query itself (a tag inside the full-text query and a WHERE on the document's
office), never a filter applied to what came back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from peyvand.accounts.models import Office
from peyvand.core.text import is_arabic_script
from peyvand.places.models import City
from peyvand.places.search import city_search

from .engines import Filters, engine
from .kinds import SearchKind, kind_of, kinds
from .models import SearchDocument
from .query import ParsedQuery, Scope, parse
from .snippets import highlight, snippet

# With fewer full-text hits than this, titles spelled alike are added (PostgreSQL).
FEW = 3
SIMILAR_MAX = 5
CITIES_MAX = 5


@dataclass(frozen=True)
class Hit:
    type: str
    type_label: str
    id: int
    title: str
    title_html: SafeString
    snippet: SafeString
    url: str
    date: dt.date | None
    similar: bool = False  # found by its spelling (pg_trgm), not by its words
    # The language each text is written in (data: shown marked so, whatever the page's).
    title_lang: str = "fa"
    snippet_lang: str = "fa"


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    count: int


@dataclass
class SearchResult:
    query: ParsedQuery
    count: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)


def _title(doc: SearchDocument) -> str:
    if (get_language() or "fa").startswith("en"):
        return doc.title_en or doc.title_fa
    return doc.title_fa or doc.title_en


def _language(text: str) -> str:
    return "fa" if is_arabic_script(text) else "en"


def _hits(
    office: Office, ids: Sequence[int], parsed: ParsedQuery, *, similar: bool = False
) -> list[Hit]:
    docs = SearchDocument.objects.in_bulk(list(ids))
    hits = []
    for pk in ids:
        doc = docs.get(pk)
        kind = kind_of(doc.kind) if doc is not None else None
        if doc is None or kind is None:
            continue
        title = _title(doc) or str(kind.label or kind.key)
        cut = snippet(doc.body, parsed.words)
        hits.append(
            Hit(
                type=kind.key,
                type_label=str(kind.label or kind.key),
                id=doc.object_id,
                title=title,
                title_html=highlight(title, parsed.words),
                snippet=cut,
                url=kind.url(office.slug, doc.object_id, doc.link),
                date=doc.date,
                similar=similar,
                title_lang=_language(title),
                snippet_lang=_language(cut),
            )
        )
    return hits


def search(
    office: Office,
    q: str,
    *,
    types: Sequence[str] = (),
    area: int | None = None,
    city: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    """The office's records and the shared ones matching `q`, best first: the count, one
    page of hits, and the count of each type (the type filter apart, so the page can offer
    the others). Unknown types are ignored."""
    parsed = parse(q)
    result = SearchResult(parsed)
    if parsed.expr is None:
        return result
    registered = kinds()
    wanted = tuple(key for key in types if kind_of(key) is not None)
    scope = Scope(
        office_id=office.pk,
        kinds=wanted,
        area_id=area,
        city_id=city,
        date_from=date_from,
        date_to=date_to,
    )
    eng = engine()
    counts = eng.kind_counts(Filters(parsed.expr, scope, with_kinds=False))
    result.facets = [
        Facet(kind.key, str(kind.plural or kind.key), counts[kind.key])
        for kind in registered
        if counts.get(kind.key)
    ]
    result.count = sum(n for key, n in counts.items() if not wanted or key in wanted)
    if result.count and offset < result.count:
        ids = eng.ranked_ids(Filters(parsed.expr, scope), limit=limit, offset=offset)
        result.hits = _hits(office, ids, parsed)
    if result.count < FEW and offset == 0:
        found = {(h.type, h.id) for h in result.hits}
        similar = eng.similar_ids(scope, list(parsed.words), limit=SIMILAR_MAX)
        extra = [
            h for h in _hits(office, similar, parsed, similar=True) if (h.type, h.id) not in found
        ]
        result.hits += extra[: max(0, limit - len(result.hits))]
        result.count += len(extra)
    return result


def matching_cities(q: str) -> list[City]:
    """The atlas' cities matching the query (the atlas' own search), for their own block."""
    return city_search(q[:100], limit=CITIES_MAX) if q.strip() else []


def search_kinds() -> list[SearchKind]:
    return kinds()


def office_cities(office: Office, limit: int = 60) -> list[City]:
    """The cities the office's records name most (the page's city filter)."""
    rows = (
        SearchDocument.objects.filter(visible_to=office, city_id__isnull=False)
        .values("city_id")
        .annotate(n=Count("id"))
        .order_by("-n", "city_id")[:limit]
    )
    ids = [row["city_id"] for row in rows]
    found = City.objects.in_bulk(ids)
    return sorted((found[pk] for pk in ids if pk in found), key=lambda c: c.name)
