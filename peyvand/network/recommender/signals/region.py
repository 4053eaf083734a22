"""Regions that twin: partners of one city near the other (a kernel over distance), and
links between the two cities' grid neighbourhoods."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ... import graph
from ...graph import FloatArray, IntArray
from ..context import Context
from .base import Candidate, Named, Pairs, Signal

NEAR_KM = 50.0
NEAR_CUTOFF_KM = 12 * NEAR_KM  # the kernel is below 1e-5 beyond this
EARTH_KM = 6371.0


def _kernel(km: FloatArray) -> FloatArray:
    """exp(-km / NEAR_KM), cut to 0 beyond NEAR_CUTOFF_KM (and without coordinates)."""
    far = np.isnan(km) | (np.nan_to_num(km) > NEAR_CUTOFF_KM)
    return np.where(far, 0.0, np.exp(-np.nan_to_num(km) / NEAR_KM))


def _pair_near(ctx: Context, x: IntArray, y: IntArray) -> FloatArray:
    """For each pair, sum over y's partners q of kernel(distance(q, x))."""
    adj = ctx.net.adj
    counts = np.diff(adj.indptr)[y]
    total = int(counts.sum())
    if total == 0:
        return np.zeros(len(x))
    owner = np.repeat(np.arange(len(y)), counts)
    starts = adj.indptr[y]
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    q = adj.indices[np.repeat(starts, counts) + offsets]
    xs = np.repeat(x, counts)
    net = ctx.net
    k = _kernel(graph.haversine_km(net.lat[xs], net.lon[xs], net.lat[q], net.lon[q]))
    return np.bincount(owner, weights=k, minlength=len(x))


def _unit_vectors(ctx: Context) -> FloatArray:
    cached = ctx.extra.get("unit")
    if cached is None:
        net = ctx.net
        lat = np.radians(net.lat)
        lon = np.radians(net.lon)
        u = np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
        cached = np.nan_to_num(u)  # no coordinates: the zero vector, far from everything
        ctx.extra["unit"] = cached
    return cached


def _row_near(ctx: Context, a: int) -> FloatArray:
    """For every city b, sum over a's partners p of kernel(distance(p, b))."""
    net = ctx.net
    partners = net.adj.indices[net.adj.indptr[a] : net.adj.indptr[a + 1]]
    out = np.zeros(net.n)
    if len(partners) == 0:
        return out
    u = _unit_vectors(ctx)
    dots = u[partners] @ u.T
    rows, cols = np.nonzero(dots > math.cos(NEAR_CUTOFF_KM / EARTH_KM))
    km = EARTH_KM * np.arccos(np.clip(dots[rows, cols], -1.0, 1.0))
    return np.bincount(cols, weights=np.exp(-km / NEAR_KM), minlength=net.n).astype(np.float64)


def columns(p: Pairs) -> dict[str, FloatArray]:
    ctx, a, b = p.ctx, p.a_arr, p.b
    net = ctx.net
    if p.row:
        a_one = p.a_one
        k_a = _kernel(graph.haversine_km(net.lat[a_one], net.lon[a_one], net.lat, net.lon))
        near_a_of_b = np.asarray(net.adj @ k_a).ravel()[b]
        near_b_of_a = _row_near(ctx, a_one)[b]
    else:
        near_a_of_b = _pair_near(ctx, a, b)
        near_b_of_a = _pair_near(ctx, b, a)
    located = (p.cell_a >= 0) & (p.cell_b >= 0)
    ra, rb = p.region_a, p.region_b
    if p.row:
        region_row = graph.region_pair_row(ctx.region_links, ctx.region_hood, int(ra[0]))
        links = np.where(located, region_row[rb], 0.0)
    else:
        links = np.where(
            located, graph.region_pair_values(ctx.region_links, ctx.region_hood, ra, rb), 0.0
        )
    grand = max(float(ctx.region_total.sum()), 1.0)
    expected = ctx.region_total[ra] * ctx.region_total[rb] / grand
    return {
        "near_b_of_a": np.log1p(near_b_of_a),
        "near_a_of_b": np.log1p(near_a_of_b),
        "region_pair": np.log1p(links),
        "region_lift": np.where(located, np.log((links + 1.0) / (expected + 1.0)), 0.0),
    }


def reason(c: Candidate) -> dict[str, Any] | None:
    return {}


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    return _("Cities around %(city)s and around %(partner)s twin with each other") % {
        "city": city.name,
        "partner": partner.name,
    }


SIGNAL = Signal(
    key="region",
    group="attributes",
    label=gettext_lazy("Regions that twin"),
    features=("near_b_of_a", "near_a_of_b", "region_pair", "region_lift"),
    columns=columns,
    reason=reason,
    text=text,
)
