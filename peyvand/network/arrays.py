"""The network as arrays, and their version-keyed cache (see docs/decisions/0002).

- `load_world_arrays()` reads every city and public link from the database into a
  `graph.Network` (no office's pacts);
- a *version* names one fit of one world (`<world fingerprint>-<seed>`, or
  `provisional-<fingerprint>` before the first fit); every cache key below carries it, so
  a new import simply misses the old entries;
- the cache framework holds the arrays and the public metrics under those keys, written by
  the fit (`discover.services`) and read, or rebuilt once when missing, by the selectors.

Within a process, the arrays of a version are kept in a small LRU memo keyed by the
version: they are immutable for a version, so every process serves the same answer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import numpy as np
from django.core.cache import cache
from django.db.models import Max

from peyvand.places.models import City, Country

from . import graph
from .graph import IntArray, Network
from .models import Twinning
from .recommender.cities import capital_flags, name_groups

CACHE_TIMEOUT = 60 * 60 * 24 * 30
SCORE_TIMEOUT = 60 * 60 * 24


@dataclass
class WorldArrays:
    """The network as arrays, with the City pk of every index (sorted ascending)."""

    pks: IntArray
    net: Network
    country_pks: IntArray  # Country pk per country index
    fingerprint: str

    def index_of(self, pk: int) -> int | None:
        i = int(np.searchsorted(self.pks, pk))
        if i < len(self.pks) and int(self.pks[i]) == pk:
            return i
        return None

    def indices_of(self, pks: Sequence[int]) -> IntArray:
        arr = np.asarray(pks, dtype=np.int64)
        pos = np.searchsorted(self.pks, arr)
        pos = np.minimum(pos, len(self.pks) - 1)
        ok = self.pks[pos] == arr
        return np.where(ok, pos, -1).astype(np.int64)

    def indices_of_countries(self, country_pks: Any) -> IntArray:
        """Country indices of the given Country pks (unknown pks are left out)."""
        arr = np.array(sorted(country_pks), dtype=np.int64)
        if len(self.country_pks) == 0 or len(arr) == 0:
            return np.zeros(0, dtype=np.int64)
        pos = np.minimum(np.searchsorted(self.country_pks, arr), len(self.country_pks) - 1)
        return pos[self.country_pks[pos] == arr].astype(np.int64)

    def country_pk(self, ci: int) -> int | None:
        """The Country pk of country index `ci` (None for the "unknown country" index)."""
        if 0 <= ci < len(self.country_pks):
            return int(self.country_pks[ci])
        return None


def world_fingerprint() -> str:
    """Changes whenever cities or links are added, removed or re-imported."""
    links = Twinning.objects.aggregate(n=Max("pk"))["n"] or 0
    cities = City.objects.aggregate(n=Max("pk"))["n"] or 0
    raw = f"{City.objects.count()}:{cities}:{Twinning.objects.count()}:{links}"
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()[:16]


def load_world_arrays() -> WorldArrays:
    """Every city and public link from the database, as a `Network` (no office's pacts)."""
    country_rows = list(
        Country.objects.order_by("pk").values_list("pk", "code", "continent", "capital")
    )
    continents = sorted({c for _, _, c, _ in country_rows if c})
    cont_index = {c: i for i, c in enumerate(continents)}
    country_index = {pk: i for i, (pk, *_rest) in enumerate(country_rows)}
    capital_of = {pk: cap for pk, _, _, cap in country_rows}
    country_continent = np.array(
        [cont_index.get(c, -1) for _, _, c, _ in country_rows], dtype=np.int64
    )
    rows = list(
        City.objects.order_by("pk").values_list(
            "pk", "country_id", "lat", "lon", "population", "name_en", "name_geonames"
        )
    )
    pks = np.array([r[0] for r in rows], dtype=np.int64)
    country = np.array(
        [country_index.get(r[1], -1) if r[1] is not None else -1 for r in rows], dtype=np.int64
    )
    lat = np.array([np.nan if r[2] is None else r[2] for r in rows], dtype=np.float64)
    lon = np.array([np.nan if r[3] is None else r[3] for r in rows], dtype=np.float64)
    pop = np.array([float(r[4] or 0) for r in rows], dtype=np.float64)
    capital = capital_flags(
        [r[1] for r in rows], [(r[5], r[6]) for r in rows], [r[4] for r in rows], capital_of
    )
    continent = np.where(
        country >= 0, country_continent[np.maximum(country, 0)] if len(country_rows) else -1, -1
    ).astype(np.int64)
    links = list(Twinning.objects.values_list("city_a_id", "city_b_id"))
    n = len(pks)
    if links:
        ends = np.array(links, dtype=np.int64)
        a = np.searchsorted(pks, ends[:, 0])
        b = np.searchsorted(pks, ends[:, 1])
    else:
        a = b = np.zeros(0, dtype=np.int64)
    net = Network(
        adj=graph.adjacency(n, a, b),
        country=country,
        continent=continent,
        lat=lat,
        lon=lon,
        population=pop,
        capital=capital,
        country_codes=tuple(code for _, code, _, _ in country_rows),
        continent_codes=tuple(continents),
        name_group=name_groups([r[5] or "" for r in rows]),
    )
    return WorldArrays(
        pks=pks,
        net=net,
        country_pks=np.array([pk for pk, *_ in country_rows], dtype=np.int64),
        fingerprint=world_fingerprint(),
    )


# ------------------------------------------------------------------ version-keyed cache


def arrays_key(version: str) -> str:
    return f"network:arrays:{version}"


def metrics_key(version: str, scope: str = "public") -> str:
    """The metrics of a version: the public ones, or an office's (`scope` = its key)."""
    if scope == "public":
        return f"network:metrics:{version}"
    return f"network:metrics:{version}:{scope}"


def scores_key(version: str, model_key: str, scope: str, index: int) -> str:
    return f"network:scores:{version}:{model_key}:{scope}:{index}"


def fit_queued_key(fingerprint: str) -> str:
    return f"network:fit-queued:{fingerprint}"


def refit_queued_key(version: str) -> str:
    return f"network:refit-queued:{version}"


def store(key: str, value: Any) -> None:
    cache.set(key, value, CACHE_TIMEOUT)


def store_world(version: str, world: WorldArrays) -> None:
    store(arrays_key(version), world)


def cached[T](key: str, compute: Callable[[], T]) -> T:
    """The value cached under `key`, computed and stored once when it is missing."""
    value = cache.get(key)
    if value is None:
        value = compute()
        store(key, value)
    return cast(T, value)


@lru_cache(maxsize=2)
def world_for_version(version: str) -> WorldArrays:
    """The arrays of `version`: from this process's memo, the cache, or the database."""
    return cached(arrays_key(version), load_world_arrays)


def clear_local_memo() -> None:
    """Forget this process's copies of the arrays (tests; a new import does not need it)."""
    world_for_version.cache_clear()
