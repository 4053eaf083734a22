"""Partner suggestions for a city: ranked, explained, with the office's country flags."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.cache import cache

from peyvand.places.models import City, Continent, Country

from ...arrays import SCORE_TIMEOUT, WorldArrays, scores_key
from ...edges import office_cities
from ...goals import goal_evidence
from ...graph import FloatArray, IntArray
from ...models import CountryNote
from ...recommender.context import pair_structure
from ...recommender.features import features
from ...recommender.model import score_row
from ...recommender.signals import SIGNALS, goal_areas
from ...recommender.signals.base import Candidate
from .scope import Scope, scope_for


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
    in_registry: int = 0  # cities left out because they are in the office's registry


def city_scores(scope: Scope, index: int) -> FloatArray:
    """Every city's score as a partner of the city at `index` (cached per scope)."""
    key = scores_key(scope.version, scope.model_key, scope.office_key, index)
    cached = cache.get(key)
    if cached is not None:
        return np.frombuffer(cached, dtype=np.float32).astype(np.float64)
    scores = score_row(scope.ctx, scope.model, index)
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


def recommend(
    *,
    city: City,
    office: Any = None,
    k: int = 20,
    country: Country | None = None,
    continent: str = "",
    exclude_flagged: bool = False,
    reasons: int = 3,
    areas: list[str] | None = None,
) -> Recommendations:
    """The k best partner candidates for `city`, with their reasons and the office's flags.
    With goal `areas` (cooperation area codes), the cities the office's own records tie to
    those areas gain the goal-areas signal's weight (`signals.goal_areas`)."""
    scope = scope_for(office)
    world = scope.world
    index = world.index_of(city.pk)
    if index is None:
        return Recommendations(city, [], 0, set(), scope.office_key, scope.provisional)
    net = scope.ctx.net
    scores = city_scores(scope, index).copy()
    goals = _goal_boost(scores, world, office, areas or [])
    mask = np.ones(net.n, dtype=bool)
    mask[index] = False
    mask[net.adj.indices[net.adj.indptr[index] : net.adj.indptr[index + 1]]] = False
    in_registry = _leave_out_registry(mask, world, office)
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
    suggestions = _explain(scope, index, top, scores, reasons, goals)
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
    return Recommendations(
        city, out, hidden, set(flags), scope.office_key, scope.provisional, in_registry
    )


def _goal_boost(
    scores: FloatArray, world: WorldArrays, office: Any, areas: list[str]
) -> dict[int, Reason]:
    """Adds the goal-areas weight to the scores of the cities with evidence; returns each
    such city's reason by index."""
    evidence = goal_evidence(office, areas)
    if not evidence:
        return {}
    pks = sorted(evidence)
    out = {}
    for pk, i in zip(pks, world.indices_of(pks), strict=True):
        weight = goal_areas.boost(evidence[pk])
        if i < 0 or weight <= 0:
            continue
        scores[i] += weight
        out[int(i)] = Reason(goal_areas.SIGNAL.key, weight, {**evidence[pk], "areas": areas})
    return out


def _leave_out_registry(mask: np.ndarray, world: WorldArrays, office: Any) -> int:
    """Unmask every partner city of the office's registry (any status); returns how many
    were candidates until then. Read on every call, not cached: a city proposed a moment
    ago is gone from the next page."""
    pks = sorted(office_cities(office))
    if not pks:
        return 0
    idx = world.indices_of(pks)
    idx = idx[idx >= 0]
    left_out = int(mask[idx].sum())
    mask[idx] = False
    return left_out


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
    scope: Scope,
    a: int,
    top: IntArray,
    scores: FloatArray,
    limit: int,
    goals: dict[int, Reason] | None = None,
) -> list[tuple[float, list[Reason]]]:
    """Per candidate: its score and its strongest positive signals, with their numbers (the
    goal-areas reason, where a candidate has one, among them by its weight)."""
    if len(top) == 0:
        return []
    ctx, model = scope.ctx, scope.model
    qa = np.full(len(top), a, dtype=np.int64)
    x = features(ctx, qa, top, pair_structure(ctx, qa, top))
    contrib = model.contributions(x)
    col = {n: j for j, n in enumerate(model.names)}
    out = []
    for r, b in enumerate(top):
        b = int(b)
        per_signal = []
        for s in SIGNALS:
            w = float(sum(contrib[r, col[f]] for f in s.features))
            per_signal.append((w, s))
        goal = (goals or {}).get(b)
        if goal is not None:
            per_signal.append((goal.weight, goal_areas.SIGNAL))
        per_signal.sort(key=lambda ws: (ws[0], ws[1].key), reverse=True)
        candidate = Candidate(ctx, a, b, x[r], col, scope.world.pks, scope.world.country_pk)
        reasons: list[Reason] = []
        for w, signal in per_signal:
            if w <= 0.05 or len(reasons) >= limit:
                break
            if goal is not None and signal is goal_areas.SIGNAL:
                reasons.append(goal)
                continue
            params = signal.reason(candidate)
            if params is None:
                continue
            reasons.append(Reason(signal.key, w, params))
        out.append((float(scores[b]), reasons))
    return out


def _resolve_names(suggestions: list[Suggestion], world: WorldArrays) -> None:
    """Attach City / Country objects (two queries for the whole list) and continent names
    to reason params."""
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
            if r.params.get("continent") in Continent.values:
                r.params["continent_name"] = Continent(r.params["continent"]).label
