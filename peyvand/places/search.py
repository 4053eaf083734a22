"""City search: every spelling of a city, normalised, as rows of an indexed key table.

A city's spellings (English, GeoNames, native, every Persian tier, the names the sources
used, its other common spellings and exonyms in `search_aliases`) become search keys
(peyvand.core.text.search_key). Each key is stored whole
(`full=True`) and from every word start inside it (`full=False`), so "janeiro" finds
Rio de Janeiro. A query is a prefix range scan on the indexed key; the ranking is exact
match of a whole spelling, then prefix of a whole spelling, then word start (a word start
that equals the query, "hamburg" inside "mitte hamburg", is still only a word start), then
degree and population.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connection
from django.db.models import Case, F, IntegerField, Min, Q, QuerySet, Value, When

from peyvand.core.text import search_key

from .models import City, CityName

KEY_MAX = 200
_SOURCE_NAME_SPLIT = re.compile(r"[;|]")
_LINES = re.compile(r"[\r\n]+")

SPELLING_FIELDS = (
    "name_en",
    "name_geonames",
    "name_native",
    "name_fa",
    "name_fa_shown",
    "name_fa_confirmed",
    "name_fa_suggestion",
    "name_fa_candidate",
)


def city_spellings(values: Mapping[str, Any]) -> list[str]:
    """Every spelling of a city, in a stable order (names_in_sources split on ';' or '|',
    search_aliases one a line)."""
    spellings = [str(values.get(field) or "") for field in SPELLING_FIELDS]
    spellings += _SOURCE_NAME_SPLIT.split(str(values.get("names_in_sources") or ""))
    spellings += _LINES.split(str(values.get("search_aliases") or ""))
    return [s.strip() for s in spellings if s and s.strip()]


def city_search_text(values: Mapping[str, Any]) -> str:
    """The distinct search keys of a city, one a line (stored in City.search_text)."""
    keys: list[str] = []
    for spelling in city_spellings(values):
        key = search_key(spelling)[:KEY_MAX].strip()
        if key and key not in keys:
            keys.append(key)
    return "\n".join(keys)


def search_rows(search_text: str) -> list[tuple[str, bool]]:
    """(key, full) rows for one city: each whole key, then each word start inside it."""
    full_keys = [k for k in search_text.split("\n") if k]
    rows: dict[str, bool] = {key: True for key in full_keys}
    for key in full_keys:
        for match in re.finditer(r" (?=\S)", key):
            suffix = key[match.end() :]
            rows.setdefault(suffix, False)
    return list(rows.items())


def city_names_build(cities: Iterable[tuple[int, str]]) -> list[CityName]:
    """Unsaved CityName rows for (city pk, search_text) pairs."""
    return [
        CityName(city_id=pk, key=key, full=full)
        for pk, text in cities
        for key, full in search_rows(text)
    ]


def city_names_rebuild(*, city_ids: list[int], batch_size: int = 2000) -> int:
    """Replace the search rows of these cities from their search_text; returns rows written."""
    written = 0
    for start in range(0, len(city_ids), batch_size):
        chunk = city_ids[start : start + batch_size]
        CityName.objects.filter(city_id__in=chunk).delete()
        pairs = City.objects.filter(pk__in=chunk).values_list("pk", "search_text")
        rows = city_names_build(pairs)
        CityName.objects.bulk_create(rows, batch_size=batch_size)
        written += len(rows)
    return written


def city_index_refresh(*, cities: Iterable[City]) -> None:
    """Recompute search_text and the search rows of these cities (after a name change)."""
    ids = []
    for city in cities:
        values = {f.attname: getattr(city, f.attname) for f in City._meta.concrete_fields}
        city.search_text = city_search_text(values)
        city.save(update_fields=["search_text"])
        ids.append(city.pk)
    city_names_rebuild(city_ids=ids)


def _prefix_filter(key: str) -> Q:
    if connection.vendor == "postgresql":
        # LIKE 'q%' uses the varchar_pattern_ops index Django adds for db_index columns.
        return Q(key__startswith=key)
    # SQLite compares text byte-wise (BINARY): a range scan on the index is a prefix match.
    return Q(key__gte=key, key__lt=key + "\U0010ffff")


def _matches(key: str, country: str | None) -> QuerySet[CityName]:
    matches = CityName.objects.filter(_prefix_filter(key))
    if country:
        matches = matches.filter(city__country__code=country.upper())
    return matches


def city_search(
    query: str, *, country: str | None = None, limit: int = 10, offset: int = 0
) -> list[City]:
    """Cities matching the query by any spelling, best first (country preloaded)."""
    ids = city_search_ids(query, country=country, cap=offset + limit)[offset:]
    by_pk = City.objects.select_related("country").in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


def city_search_count(query: str, *, country: str | None = None) -> int:
    key = search_key(query)[:KEY_MAX]
    if not key:
        return 0
    return _matches(key, country).values("city_id").distinct().count()


def city_search_ids(query: str, *, country: str | None = None, cap: int = 10) -> list[int]:
    """Primary keys of matching cities in rank order (at most `cap`)."""
    key = search_key(query)[:KEY_MAX]
    if not key or cap <= 0:
        return []
    ranked = (
        _matches(key, country)
        .values("city_id")
        .annotate(
            best=Min(
                Case(
                    When(key=key, full=True, then=Value(0)),
                    When(full=True, then=Value(1)),
                    default=Value(2),
                    output_field=IntegerField(),
                )
            )
        )
        .order_by(
            "best",
            F("city__degree").desc(),
            F("city__population").desc(nulls_last=True),
            "city__name_en",
            "city_id",
        )
    )
    return [row["city_id"] for row in ranked[:cap]]
