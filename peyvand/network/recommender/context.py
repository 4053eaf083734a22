"""What pair features need about one network, computed once (`Context`), and the
structural counts of pairs (`Structure`: common partners, paths of length three).

Pure arrays (no ORM).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from .. import graph
from ..graph import FloatArray, IntArray, Network


@dataclass
class Context:
    """Everything about one network that pair features need, computed once."""

    net: Network
    deg: FloatArray
    log_deg: FloatArray
    country: IntArray  # unknown -> K
    nbr_country: sp.csr_matrix  # n x (K+1) partners per country
    nbr2_country: sp.csr_matrix  # n x (K+1) partners of partners per country
    pair_counts: FloatArray  # (K+1) x (K+1)
    country_total: FloatArray  # (K+1,)
    cond: FloatArray  # (K+1) x (K+1): smoothed P(partner country | own country)
    lift: FloatArray  # (K+1) x (K+1): log observed / expected links
    log_pop: FloatArray  # 0 when unknown
    pop_known: npt.NDArray[np.bool_]
    square: sp.csr_matrix
    cells: IntArray  # grid cell per city (-1: no coordinates)
    region_links: sp.csr_matrix  # see graph.region_links
    region_hood: sp.csr_matrix  # cell neighbourhoods
    region_total: FloatArray  # links of each cell's neighbourhood
    region_country: sp.csr_matrix  # n_cells x (K+1): partners' countries of a neighbourhood
    region_country_total: FloatArray
    extra: dict[str, Any] = field(default_factory=dict)


REGION_DEGREES = 1.0
COUNTRY_PRIOR = 20.0


def build_context(net: Network) -> Context:
    k = net.n_countries
    deg = net.degrees()
    country = np.where(net.country >= 0, net.country, k).astype(np.int64)
    nbr = graph.neighbour_country_counts(net.adj, net.country, k)
    nbr2 = (net.adj @ nbr).tocsr()
    counts = graph.country_pair_counts(net.adj, net.country, k, nbr)
    total = counts.sum(axis=1)
    grand = max(float(total.sum()), 1.0)
    marginal = (total + 1.0) / (grand + k + 1.0)
    cond = (counts + COUNTRY_PRIOR * marginal[np.newaxis, :]) / (
        total[:, np.newaxis] + COUNTRY_PRIOR
    )
    expected = np.outer(total, total) / grand
    lift = np.log((counts + 1.0) / (expected + 1.0))
    cells, n_cells = graph.grid_cells(net.lat, net.lon, REGION_DEGREES)
    member = graph.cell_membership(cells, n_cells)
    hood = graph.cell_neighbourhood(cells, n_cells, net.lat, net.lon, REGION_DEGREES)
    region = graph.region_links(net.adj, member, hood)
    region_total = graph.region_pair_row_totals(region, hood)
    region_country = (hood @ (member.T @ nbr)).tocsr()
    pop = net.population
    known = pop > 0
    log_pop = np.where(known, np.log10(np.where(known, pop, 1.0)), 0.0)
    return Context(
        net=net,
        deg=deg,
        log_deg=np.log1p(deg),
        country=country,
        nbr_country=nbr,
        nbr2_country=nbr2,
        pair_counts=counts,
        country_total=total,
        cond=cond,
        lift=lift,
        log_pop=log_pop,
        pop_known=known,
        square=net.square(),
        cells=cells,
        region_links=region,
        region_hood=hood,
        region_total=region_total,
        region_country=region_country,
        region_country_total=np.asarray(region_country.sum(axis=1)).ravel(),
    )


@dataclass(frozen=True)
class Structure:
    cn: FloatArray
    aa: FloatArray
    ra: FloatArray
    paths3: FloatArray
    l3: FloatArray  # paths of length 3 weighted 1/sqrt(deg p * deg q)
    ra3: FloatArray  # paths of length 3 weighted 1/(deg p * deg q)


# Degree damping of the two weighted path counts: power 0.5 (L3) and 1 (resource allocation).
L3_POWER = 0.5
RA3_POWER = 1.0


def _two_step(ctx: Context, power: float) -> sp.csr_matrix:
    key = f"two_step_{power}"
    m = ctx.extra.get(key)
    if m is None:
        m = graph.damped_two_step(ctx.net.adj, ctx.deg, power)
        ctx.extra[key] = m
    return m


def pair_structure(ctx: Context, a: IntArray, b: IntArray) -> Structure:
    adj = ctx.net.adj
    aa_w = graph.adamic_adar_weights(adj, ctx.deg)
    ra_w = graph.resource_allocation_weights(adj, ctx.deg)
    left = adj[a]
    right = adj[b]
    both = left.multiply(right).tocsr()
    cn = np.asarray(both.sum(axis=1)).ravel()
    aa = np.asarray(both @ aa_w).ravel()
    ra = np.asarray(both @ ra_w).ravel()
    p3 = np.asarray(ctx.square[a].multiply(right).sum(axis=1)).ravel()
    return Structure(
        cn=cn,
        aa=aa,
        ra=ra,
        paths3=p3.astype(np.float64),
        l3=graph.pair_damped_paths3(adj, a, b, _two_step(ctx, L3_POWER)),
        ra3=graph.pair_damped_paths3(adj, a, b, _two_step(ctx, RA3_POWER)),
    )


def row_structure(ctx: Context, a: int) -> Structure:
    r = graph.row_structure(ctx.net.adj, a, deg=ctx.deg)
    adj = ctx.net.adj
    return Structure(
        cn=r.common_neighbours,
        aa=r.adamic_adar,
        ra=r.resource_allocation,
        paths3=r.paths3,
        l3=graph.damped_paths3_row(adj, a, ctx.deg, L3_POWER),
        ra3=graph.damped_paths3_row(adj, a, ctx.deg, RA3_POWER),
    )
