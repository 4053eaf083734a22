"""Network metrics of cities and countries, public or with an office's own pacts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from peyvand.places.models import City, Country

from ... import graph
from ...arrays import WorldArrays, cached, metrics_key, world_for_version
from ...graph import FloatArray, IntArray
from .scope import Scope, scope_for

BETWEENNESS_SAMPLES = 256


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
    # Normally filled by the fit after the import; a cold cache fills it once.
    return cached(
        metrics_key(version), lambda: compute_public_metrics(version, world_for_version(version))
    )


def office_metrics(scope: Scope) -> MetricsTable:
    """Public metrics with what the office's own pacts change recomputed (cached)."""
    if not scope.office_links:
        return public_metrics(scope.version)
    return cached(metrics_key(scope.version, scope.office_key), lambda: _office_table(scope))


def _office_table(scope: Scope) -> MetricsTable:
    public = public_metrics(scope.version)
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
    return MetricsTable(
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
    # the public network's figures, which the atlas shows (differ when the office's own
    # signed pacts add links the public lists lack)
    public_degree: int = 0
    public_rank: int = 0

    @property
    def own_links(self) -> int:
        """Links of the office's own pacts counted here and not in the atlas."""
        return self.degree - self.public_degree

    @property
    def differs_from_atlas(self) -> bool:
        return self.degree != self.public_degree or self.rank != self.public_rank


def city_metrics(*, city: City, office: Any = None) -> CityMetricsRow | None:
    rows = cities_metrics(cities=[city], office=office)
    return rows[0] if rows else None


def cities_metrics(*, cities: Sequence[City], office: Any = None) -> list[CityMetricsRow]:
    scope = scope_for(office)
    table = office_metrics(scope)
    public = public_metrics(scope.version) if scope.office_links else table
    world = scope.world
    idx = world.indices_of([c.pk for c in cities])
    k = scope.ctx.net.n_countries
    wanted_countries: set[int] = set()
    tops: list[list[tuple[int, int]]] = []
    for i in idx:
        t = graph.top_partner_countries(table.nbr_country, int(i), limit=5) if i >= 0 else []
        tops.append(t)
        wanted_countries.update(world.country_pk(ci) or 0 for ci, _ in t if 0 <= ci < k)
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
                    (countries.get(world.country_pk(ci) or 0) if ci >= 0 else None, n)
                    for ci, n in t
                ],
                public_degree=int(public.degree[i]),
                public_rank=int(public.rank[i]),
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
        [world.country_pk(j) or 0 for j in order if j < net.n_countries]
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
                countries.get(world.country_pk(j) or 0) if j < net.n_countries else None,
                int(counts[j]),
            )
            for j in order
        ],
    )
