"""Partner discovery reads: ORM -> arrays, arrays -> ranked, explained results.

Where things live (see docs/decisions/0002-partner-recommender.md):

- the fitted model: the latest `NetworkSnapshot` row (one per world import);
- the network as arrays and its public metrics: the cache framework, under keys that carry
  the snapshot's version (rebuilt from the database when missing);
- an office's view: the public network plus `edges.office_edges(office)`, cached under keys
  that carry `edges.office_version(office)`; another office's pacts never enter it.

Within a process, the arrays of a version are kept in a small LRU memo keyed by the
version: they are immutable for a version, so every process serves the same answer, and a
new import (a new version) simply misses the memo.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.core.cache import cache
from django.db.models import Max, Q

from peyvand.places.models import City, Country

from . import graph, recommender
from .edges import office_edges, office_version
from .graph import FloatArray, IntArray, Network
from .models import CountryNote, NetworkSnapshot, Twinning
from .selectors_world import city_get

CACHE_TIMEOUT = 60 * 60 * 24 * 30
SCORE_TIMEOUT = 60 * 60 * 24
BETWEENNESS_SAMPLES = 256


# --------------------------------------------------------------------- ORM -> arrays


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
    capital = recommender.capital_flags(
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
        name_group=recommender.name_groups([r[5] or "" for r in rows]),
    )
    return WorldArrays(
        pks=pks,
        net=net,
        country_pks=np.array([pk for pk, *_ in country_rows], dtype=np.int64),
        fingerprint=world_fingerprint(),
    )


def city_lookup(text: str) -> City | None:
    """A city by its code (gn:112931) or by a name, the most linked first."""
    text = (text or "").strip()
    if not text:
        return None
    found = city_get(text)
    if found is not None:
        return found
    return (
        City.objects.select_related("country")
        .filter(
            Q(name_en__iexact=text)
            | Q(name_fa=text)
            | Q(name_fa_shown=text)
            | Q(name_fa_confirmed=text)
        )
        .order_by("-degree", "-population", "pk")
        .first()
    )


# ----------------------------------------------------------------- snapshot and memo


def current_snapshot() -> NetworkSnapshot | None:
    return NetworkSnapshot.objects.order_by("-created_at", "-pk").first()


def _arrays_key(version: str) -> str:
    return f"network:arrays:{version}"


@lru_cache(maxsize=2)
def _world_for_version(version: str) -> WorldArrays:
    world = cache.get(_arrays_key(version))
    if world is None:
        world = load_world_arrays()
        cache.set(_arrays_key(version), world, CACHE_TIMEOUT)
    return world


@lru_cache(maxsize=2)
def _public_context(version: str) -> recommender.Context:
    return recommender.build_context(_world_for_version(version).net)


@lru_cache(maxsize=16)
def _office_context(version: str, edges: tuple[tuple[int, int], ...]) -> recommender.Context:
    world = _world_for_version(version)
    return recommender.build_context(world.net.with_edges(list(edges)))


@lru_cache(maxsize=4)
def _model(version: str, digest: str, payload: str) -> recommender.Model:
    """The stored model, parsed once per process and digest (a refit of the same data
    replaces the model under the same version)."""
    import json

    return recommender.Model.from_dict(json.loads(payload))


def ensure_snapshot() -> NetworkSnapshot | None:
    """The current snapshot. When there is none yet (the worker has not fitted one since
    the first import), queue the fit once and never run it inside a request: the caller
    then serves the hand-set prior model (`Scope.provisional`). With an immediate task
    backend (tests) the queued fit has run by the time this returns."""
    snap = current_snapshot()
    if snap is not None:
        return snap
    queue_fit(always=False)
    return current_snapshot()


def queue_fit(*, always: bool) -> None:
    """Queue the fit; unless `always` (a world import), not if one was queued for the same
    world in the last FIT_QUEUED_TIMEOUT (so a burst of requests queues one fit)."""
    from .tasks import network_recompute

    key = f"network:fit-queued:{world_fingerprint()}"
    if always:
        cache.set(key, True, FIT_QUEUED_TIMEOUT)
    elif not cache.add(key, True, FIT_QUEUED_TIMEOUT):
        return
    network_recompute.enqueue()


# A queued fit that never ran (no worker) is queued again after this long.
FIT_QUEUED_TIMEOUT = 15 * 60
PROVISIONAL = "provisional"


@lru_cache(maxsize=2)
def _provisional_model(version: str) -> recommender.Model:
    return recommender.prior_model(_public_context(version))


@dataclass
class Scope:
    """The network one reader sees: the public one, or plus an office's own pacts."""

    version: str
    world: WorldArrays
    ctx: recommender.Context
    model: recommender.Model
    office_key: str  # "public" or "o<pk>-<pacts version>"
    office_links: list[tuple[int, int]] = field(default_factory=list)  # index pairs
    model_key: str = ""  # a digest of the model: cached scores follow a refit
    provisional: bool = False  # no fitted model yet: the hand-set prior scores


def _refit_once(version: str) -> None:
    """A snapshot fitted by an older release lacks features (they weigh 0 meanwhile):
    queue one refit per snapshot version, whichever process notices it first."""
    if cache.add(f"network:refit-queued:{version}", True, CACHE_TIMEOUT):
        from .tasks import network_recompute

        network_recompute.enqueue()


def _fitted_model() -> tuple[str, recommender.Model, str, bool]:
    """(version, model, model digest, provisional) of the current snapshot or the prior."""
    import json

    snap = ensure_snapshot()
    if snap is None:
        version = f"{PROVISIONAL}-{world_fingerprint()}"
        return version, _provisional_model(version), PROVISIONAL, True
    payload = json.dumps(snap.model, sort_keys=True)
    digest = hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()[:12]
    model = _model(snap.version, digest, payload)
    if model.meta.get("missing_features"):
        _refit_once(snap.version)
    return snap.version, model, digest, False


def scope_for(office: Any = None) -> Scope:
    version, model, digest, provisional = _fitted_model()
    world = _world_for_version(version)
    ctx = _public_context(version)
    key = "public"
    idx_pairs: list[tuple[int, int]] = []
    if office is not None:
        key = f"o{office.pk}-{office_version(office)}"
        pk_edges = office_edges(office)
        if pk_edges:
            flat = world.indices_of([p for pair in pk_edges for p in pair]).reshape(-1, 2)
            idx_pairs = [(int(a), int(b)) for a, b in flat if a >= 0 and b >= 0]
        if idx_pairs:
            ctx = _office_context(version, tuple(sorted(idx_pairs)))
        # else nothing of the office's own changes the network: share the public arrays
    return Scope(version, world, ctx, model, key, idx_pairs, digest, provisional)


# -------------------------------------------------------------------- recommendations


@dataclass
class Reason:
    key: str
    weight: float
    params: dict[str, Any]


@dataclass
class Suggestion:
    city: City
    score: float
    reasons: list[Reason]
    flags: list[str]
    rank: int


@dataclass
class Recommendations:
    city: City
    suggestions: list[Suggestion]
    hidden_flagged: int
    flagged_country_ids: set[int]
    scope: str
    provisional: bool = False  # scored by the hand-set prior while the model is fitted


def _scores_key(scope: Scope, index: int) -> str:
    return f"network:scores:{scope.version}:{scope.model_key}:{scope.office_key}:{index}"


def city_scores(scope: Scope, index: int) -> FloatArray:
    """Every city's score as a partner of the city at `index` (cached per scope)."""
    key = _scores_key(scope, index)
    cached = cache.get(key)
    if cached is not None:
        return np.frombuffer(cached, dtype=np.float32).astype(np.float64)
    scores = recommender.score_row(scope.ctx, scope.model, index)
    cache.set(key, scores.astype(np.float32).tobytes(), SCORE_TIMEOUT)
    return scores


def flagged_notes(office: Any) -> dict[int, list[str]]:
    """Country pk -> flags of the office's notes (only notes with a flag)."""
    if office is None:
        return {}
    out = {}
    for note in CountryNote.objects.for_office(office).only(
        "country_id", "relations", "payment_sanctions", "visa", "travel_advice"
    ):
        flags = note.flags()
        if flags:
            out[note.country_id] = flags
    return out


SIGNAL_ORDER = [s.key for s in recommender.SIGNALS]


def recommend(
    *,
    city: City,
    office: Any = None,
    k: int = 20,
    country: Country | None = None,
    continent: str = "",
    exclude_flagged: bool = False,
    reasons: int = 3,
) -> Recommendations:
    """The k best partner candidates for `city`, with their reasons and the office's flags."""
    scope = scope_for(office)
    world = scope.world
    index = world.index_of(city.pk)
    if index is None:
        return Recommendations(city, [], 0, set(), scope.office_key, scope.provisional)
    net = scope.ctx.net
    scores = city_scores(scope, index).copy()
    mask = np.ones(net.n, dtype=bool)
    mask[index] = False
    mask[net.adj.indices[net.adj.indptr[index] : net.adj.indptr[index + 1]]] = False
    if country is not None:
        ci = int(np.searchsorted(world.country_pks, country.pk))
        mask &= net.country == ci
    if continent:
        codes = list(net.continent_codes)
        cont = codes.index(continent) if continent in codes else -2
        mask &= net.continent == cont
    flags = flagged_notes(office)
    flagged_ci = world.indices_of_countries(flags) if flags else np.zeros(0, dtype=np.int64)
    flagged_mask = np.isin(net.country, flagged_ci) if len(flagged_ci) else np.zeros(net.n, bool)
    hidden = 0
    if exclude_flagged and flagged_mask.any():
        before = mask.copy()
        mask &= ~flagged_mask
        # how many of the top k were hidden by the exclusion
        top_before = _top(scores, before, k)
        hidden = int(flagged_mask[top_before].sum())
    top = _top(scores, mask, k)
    suggestions = _explain(scope, index, top, scores, reasons)
    by_pk = {
        c.pk: c
        for c in City.objects.select_related("country").filter(
            pk__in=[int(world.pks[i]) for i in top]
        )
    }
    out = []
    for rank, (i, (score, rs)) in enumerate(zip(top, suggestions, strict=True), start=1):
        c = by_pk.get(int(world.pks[i]))
        if c is None:
            continue
        out.append(
            Suggestion(
                city=c,
                score=score,
                reasons=rs,
                flags=flags.get(c.country_id or -1, []),
                rank=rank,
            )
        )
    _resolve_names(out, world)
    return Recommendations(city, out, hidden, set(flags), scope.office_key, scope.provisional)


def _top(scores: FloatArray, mask: np.ndarray, k: int) -> IntArray:
    cand = np.flatnonzero(mask)
    if len(cand) == 0:
        return np.zeros(0, dtype=np.int64)
    s = scores[cand]
    if len(cand) > k:
        part = np.argpartition(-s, k)[:k]
        cand, s = cand[part], s[part]
    order = np.lexsort((cand, -s))
    return cand[order].astype(np.int64)


def _explain(
    scope: Scope, a: int, top: IntArray, scores: FloatArray, limit: int
) -> list[tuple[float, list[Reason]]]:
    """Per candidate: its score and its strongest positive signals, with their numbers."""
    if len(top) == 0:
        return []
    ctx, model = scope.ctx, scope.model
    net = ctx.net
    qa = np.full(len(top), a, dtype=np.int64)
    x = recommender.features(ctx, qa, top, recommender.pair_structure(ctx, qa, top))
    contrib = model.contributions(x)
    names = list(model.names)
    col = {n: j for j, n in enumerate(names)}
    out = []
    ca = int(ctx.country[a])
    k = net.n_countries
    for r, b in enumerate(top):
        b = int(b)
        per_signal = []
        for s in recommender.SIGNALS:
            w = float(sum(contrib[r, col[f]] for f in s.features))
            per_signal.append((w, s.key))
        per_signal.sort(reverse=True)
        reasons: list[Reason] = []
        cb = int(ctx.country[b])
        for w, key in per_signal:
            if w <= 0.05 or len(reasons) >= limit:
                break
            params = _reason_params(scope, key, a, b, ca, cb, k, x[r], col)
            if params is None:
                continue
            reasons.append(Reason(key, w, params))
        out.append((float(scores[b]), reasons))
    return out


def _reason_params(
    scope: Scope,
    key: str,
    a: int,
    b: int,
    ca: int,
    cb: int,
    k: int,
    x: FloatArray,
    col: dict[str, int],
) -> dict[str, Any] | None:
    ctx = scope.ctx
    net = ctx.net
    world = scope.world
    if key == "common_partners":
        common = np.intersect1d(
            net.adj.indices[net.adj.indptr[a] : net.adj.indptr[a + 1]],
            net.adj.indices[net.adj.indptr[b] : net.adj.indptr[b + 1]],
        )
        if len(common) == 0:
            return None
        common = common[np.argsort(-ctx.deg[common], kind="stable")]
        return {"count": len(common), "city_pks": [int(world.pks[i]) for i in common[:3]]}
    if key == "paths":
        return (
            {"paths": round(float(np.expm1(x[col["log_paths3"]])))}
            if x[col["log_paths3"]] > 0
            else None
        )
    if key == "activity":
        return {"count": int(ctx.deg[b])} if ctx.deg[b] > 0 else None
    if key == "population":
        return {"population": int(net.population[b])} if net.population[b] > 0 else None
    if key == "distance":
        if x[col["km_unknown"]] > 0:
            return None
        return {"km": round(float(np.expm1(x[col["log_km"]] + 7.0)))}
    if key == "same_country":
        return {"country_pk": _country_pk(world, ca)} if x[col["same_country"]] > 0 else None
    if key == "same_continent":
        if x[col["same_continent"]] <= 0:
            return None
        return {"continent": net.continent_codes[int(net.continent[b])]}
    if key == "capitals":
        if not net.capital[b]:
            return None
        return {"both": bool(net.capital[a])}
    if key == "country_pair":
        if ca >= k or cb >= k:
            return None
        return {
            "country_a_pk": _country_pk(world, ca),
            "country_b_pk": _country_pk(world, cb),
            "links": int(ctx.pair_counts[ca, cb]) // (2 if ca == cb else 1),
        }
    if key == "country_activity":
        return None if cb >= k else {"country_pk": _country_pk(world, cb)}
    if key == "habit":
        own_a = int(ctx.nbr_country[a, cb]) if cb < k else 0
        own_b = int(ctx.nbr_country[b, ca]) if ca < k else 0
        if own_a == 0 and own_b == 0:
            return None
        if own_a >= own_b:
            return {"side": "a", "count": own_a, "country_pk": _country_pk(world, cb)}
        return {"side": "b", "count": own_b, "country_pk": _country_pk(world, ca)}
    if key == "region_habit":
        return None if cb >= k else {"country_pk": _country_pk(world, cb)}
    if key == "region":
        return {}
    if key == "namesake":
        return {} if x[col["namesake"]] > 0 else None
    return {}


def _country_pk(world: WorldArrays, ci: int) -> int | None:
    if 0 <= ci < len(world.country_pks):
        return int(world.country_pks[ci])
    return None


def _resolve_names(suggestions: list[Suggestion], world: WorldArrays) -> None:
    """Attach City / Country objects to reason params (two queries for the whole list)."""
    city_pks: set[int] = set()
    country_pks: set[int] = set()
    for s in suggestions:
        for r in s.reasons:
            city_pks.update(r.params.get("city_pks", []))
            for k in ("country_pk", "country_a_pk", "country_b_pk"):
                if r.params.get(k):
                    country_pks.add(r.params[k])
    cities = City.objects.in_bulk(list(city_pks)) if city_pks else {}
    countries = Country.objects.in_bulk(list(country_pks)) if country_pks else {}
    for s in suggestions:
        for r in s.reasons:
            if "city_pks" in r.params:
                r.params["cities"] = [cities[p] for p in r.params["city_pks"] if p in cities]
            for k in ("country_pk", "country_a_pk", "country_b_pk"):
                if k in r.params:
                    r.params[k.removesuffix("_pk")] = countries.get(r.params[k])


# ------------------------------------------------------------------------- metrics


@dataclass
class MetricsTable:
    """Per-city metrics (arrays by index) and the partner-country counts."""

    version: str
    scope: str
    degree: FloatArray
    rank: IntArray
    international_share: FloatArray
    component: IntArray
    component_size: IntArray
    clustering: FloatArray
    reach_two: FloatArray
    betweenness: FloatArray
    nbr_country: sp.csr_matrix


def _public_metrics_key(version: str) -> str:
    return f"network:metrics:{version}"


def compute_public_metrics(version: str, world: WorldArrays) -> MetricsTable:
    m = graph.city_metrics(world.net, betweenness_samples=BETWEENNESS_SAMPLES)
    k = world.net.n_countries
    return MetricsTable(
        version=version,
        scope="public",
        degree=m.degree,
        rank=m.rank,
        international_share=m.international_share,
        component=m.component,
        component_size=m.component_size,
        clustering=m.clustering,
        reach_two=m.reach_two,
        betweenness=m.betweenness,
        nbr_country=graph.neighbour_country_counts(world.net.adj, world.net.country, k),
    )


def public_metrics(version: str) -> MetricsTable:
    table = cache.get(_public_metrics_key(version))
    if table is None:
        # Normally filled by the task after the import; a cold cache fills it once.
        table = compute_public_metrics(version, _world_for_version(version))
        cache.set(_public_metrics_key(version), table, CACHE_TIMEOUT)
    return table


def office_metrics(scope: Scope) -> MetricsTable:
    """Public metrics with what the office's own pacts change recomputed (cached)."""
    public = public_metrics(scope.version)
    if not scope.office_links:
        return public
    key = f"network:metrics:{scope.version}:{scope.office_key}"
    table = cache.get(key)
    if table is not None:
        return table
    net = scope.ctx.net
    adj = net.adj
    ends = np.unique(np.array(scope.office_links, dtype=np.int64).ravel())
    # Clustering and reach change only for the ends and their partners.
    touched = np.unique(np.concatenate([ends, adj[ends].indices]))
    rows = adj[touched]
    two = (rows @ adj).tocsr()
    deg = scope.ctx.deg
    tri = np.asarray(two.multiply(rows).sum(axis=1)).ravel() / 2.0
    possible = deg[touched] * (deg[touched] - 1) / 2.0
    clustering = public.clustering.copy()
    clustering[touched] = np.where(possible > 0, tri / np.where(possible > 0, possible, 1), 0.0)
    both = (two + rows).tocsr()
    both.data[:] = 1.0
    reach = public.reach_two.copy()
    self_hit = np.asarray(both[np.arange(len(touched)), touched]).ravel() > 0
    reach[touched] = np.diff(both.indptr) - self_hit
    comp, size = graph.components(adj)
    table = MetricsTable(
        version=scope.version,
        scope=scope.office_key,
        degree=deg,
        rank=graph.degree_rank(deg),
        international_share=graph.international_share(adj, net.country),
        component=comp,
        component_size=size,
        clustering=clustering,
        reach_two=reach,
        betweenness=public.betweenness,  # sampled on the public network (see the decision)
        nbr_country=scope.ctx.nbr_country,  # the office's network: already counted
    )
    cache.set(key, table, CACHE_TIMEOUT)
    return table


@dataclass
class CityMetricsRow:
    city: City
    degree: int
    rank: int
    international_share: float | None
    component: int
    component_size: int
    clustering: float
    reach_two: int
    betweenness: float
    top_countries: list[tuple[Country | None, int]]


def city_metrics(*, city: City, office: Any = None) -> CityMetricsRow | None:
    rows = cities_metrics(cities=[city], office=office)
    return rows[0] if rows else None


def cities_metrics(*, cities: Sequence[City], office: Any = None) -> list[CityMetricsRow]:
    scope = scope_for(office)
    table = office_metrics(scope)
    world = scope.world
    idx = world.indices_of([c.pk for c in cities])
    k = scope.ctx.net.n_countries
    wanted_countries: set[int] = set()
    tops: list[list[tuple[int, int]]] = []
    for i in idx:
        t = graph.top_partner_countries(table.nbr_country, int(i), limit=5) if i >= 0 else []
        tops.append(t)
        wanted_countries.update(_country_pk(world, ci) or 0 for ci, _ in t if 0 <= ci < k)
    countries = Country.objects.in_bulk(list(wanted_countries))
    out = []
    for c, i, t in zip(cities, idx, tops, strict=True):
        if i < 0:
            continue
        share = float(table.international_share[i])
        out.append(
            CityMetricsRow(
                city=c,
                degree=int(table.degree[i]),
                rank=int(table.rank[i]),
                international_share=None if np.isnan(share) else share,
                component=int(table.component[i]),
                component_size=int(table.component_size[i]),
                clustering=float(table.clustering[i]),
                reach_two=int(table.reach_two[i]),
                betweenness=float(table.betweenness[i]),
                top_countries=[
                    (countries.get(_country_pk(world, ci) or 0) if ci >= 0 else None, n)
                    for ci, n in t
                ],
            )
        )
    return out


@dataclass
class CountryMetricsRow:
    country: Country
    cities: int
    links: int
    international_share: float | None
    mean_degree: float
    max_degree: int
    betweenness: float
    top_countries: list[tuple[Country | None, int]]


def country_metrics(*, country: Country, office: Any = None) -> CountryMetricsRow | None:
    """The per-city metrics aggregated over the country's linked cities."""
    scope = scope_for(office)
    table = office_metrics(scope)
    world = scope.world
    net = scope.ctx.net
    ci = world.indices_of_countries([country.pk])
    if len(ci) == 0:
        return None
    c = int(ci[0])
    members = np.flatnonzero((net.country == c) & (table.degree > 0))
    if len(members) == 0:
        return CountryMetricsRow(country, 0, 0, None, 0.0, 0, 0.0, [])
    counts = np.asarray(table.nbr_country[members].sum(axis=0)).ravel()
    total = float(counts.sum())
    own = float(counts[c])
    unknown_col = counts[-1]
    known = total - unknown_col
    order = [int(j) for j in np.argsort(-counts, kind="stable")[:5] if counts[j] > 0]
    countries = Country.objects.in_bulk(
        [_country_pk(world, j) or 0 for j in order if j < net.n_countries]
    )
    return CountryMetricsRow(
        country=country,
        cities=len(members),
        links=round(float(total - own / 2)),  # a domestic link is counted at both ends
        international_share=None if known == 0 else 1.0 - own / known,
        mean_degree=float(table.degree[members].mean()),
        max_degree=int(table.degree[members].max()),
        betweenness=float(table.betweenness[members].sum()),
        top_countries=[
            (
                countries.get(_country_pk(world, j) or 0) if j < net.n_countries else None,
                int(counts[j]),
            )
            for j in order
        ],
    )


def default_peers(city: City, limit: int = 10) -> list[City]:
    """The most populous cities of the city's continent (the city itself excluded)."""
    qs = City.objects.select_related("country").exclude(pk=city.pk)
    if city.country_id and city.country and city.country.continent:
        qs = qs.filter(country__continent=city.country.continent)
    return list(qs.filter(population__isnull=False).order_by("-population", "pk")[:limit])


# ----------------------------------------------------------------- the city's network


def ego_network(*, city: City, office: Any = None, limit: int = 150) -> dict[str, Any]:
    """The city, its partners and their partners (up to `limit` nodes) for the graph page."""
    scope = scope_for(office)
    world = scope.world
    net = scope.ctx.net
    a = world.index_of(city.pk)
    if a is None:
        return {"nodes": [], "edges": []}
    adj = net.adj
    first = adj.indices[adj.indptr[a] : adj.indptr[a + 1]]
    second = np.setdiff1d(np.unique(adj[first].indices) if len(first) else [], np.r_[first, a])
    deg = scope.ctx.deg
    second = second[np.argsort(-deg[second], kind="stable")][: max(0, limit - 1 - len(first))]
    nodes = np.r_[a, first, second].astype(np.int64)
    sub = adj[nodes][:, nodes].tocoo()
    pks = [int(world.pks[i]) for i in nodes]
    cities = City.objects.select_related("country").in_bulk(pks)
    level = {int(a): 0, **{int(i): 1 for i in first}, **{int(i): 2 for i in second}}
    out_nodes = []
    for i, pk in zip(nodes, pks, strict=True):
        c = cities.get(pk)
        if c is None:
            continue
        out_nodes.append(
            {
                "id": c.code,
                "label": c.name,
                "country": c.country.code if c.country else "",
                "countryName": c.country.name if c.country else "",
                "level": level[int(i)],
                "degree": int(deg[i]),
            }
        )
    codes = {i: cities[pk].code for i, pk in enumerate(pks) if pk in cities}
    own = {(min(x, y), max(x, y)) for x, y in scope.office_links}
    edges = []
    for r, c in zip(sub.row, sub.col, strict=True):
        if r < c and r in codes and c in codes:
            x, y = int(nodes[r]), int(nodes[c])
            edges.append(
                {"source": codes[r], "target": codes[c], "own": (min(x, y), max(x, y)) in own}
            )
    return {"nodes": out_nodes, "edges": edges}


def clear_local_memo() -> None:
    """Forget this process's copies of the arrays (tests; a new import does not need it)."""
    _world_for_version.cache_clear()
    _public_context.cache_clear()
    _office_context.cache_clear()
    _model.cache_clear()
    _provisional_model.cache_clear()
