"""The partner recommender: engineered pair features, an additive model, its evaluation.

Pure arrays (no ORM). A candidate's score is a sum of named signals; each signal is the
sum of its features' contributions `w_j * (x_j - ref_j)`, where `ref_j` is the feature's
mean over random pairs, so "why" is read straight off the score. Modules added later
append their own `Signal`s and features without touching the others.

Fitting (`fit`) uses only the network it is given: it hides a random part of the links as
positives, samples unlinked pairs as negatives, computes every feature on the remaining
graph and fits a logistic regression. Evaluation (`evaluate`) scores links that were
never in that network.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.stats import rankdata

from . import graph
from .graph import FloatArray, IntArray, Network

MODEL_FORMAT = 1

# ---------------------------------------------------------------------------- signals


@dataclass(frozen=True)
class Signal:
    """A named, explainable part of the score; `features` are the model columns it sums."""

    key: str
    group: str  # structure / attributes / later modules
    features: tuple[str, ...]


SIGNALS: list[Signal] = [
    Signal("common_partners", "structure", ("log_cn", "ra", "aa", "cn_share_a", "cn_share_b")),
    Signal("paths", "structure", ("log_paths3", "paths3_l3", "paths3_ra")),
    Signal(
        "activity",
        "structure",
        ("log_deg_b", "isolated_b", "log_deg_a", "isolated_a", "deg_ab"),
    ),
    Signal(
        "population",
        "attributes",
        ("log_pop_b", "pop_b_unknown", "log_pop_a", "pop_a_unknown", "pop_gap", "pop_ab"),
    ),
    Signal("distance", "attributes", ("log_km", "log_km2", "km_unknown")),
    Signal("same_country", "attributes", ("same_country",)),
    Signal("same_continent", "attributes", ("same_continent",)),
    Signal("capitals", "attributes", ("both_capitals", "capital_b", "capital_a")),
    Signal("country_pair", "attributes", ("country_pair", "country_lift")),
    Signal("country_activity", "attributes", ("country_total_b", "country_total_a")),
    Signal("habit", "attributes", ("habit_a", "habit_b", "habit2_a")),
    Signal("region_habit", "attributes", ("region_habit_a", "region_habit_b")),
    Signal("namesake", "attributes", ("namesake",)),
    Signal("region", "attributes", ("near_b_of_a", "near_a_of_b", "region_pair", "region_lift")),
]


def feature_names(signals: Sequence[Signal] = SIGNALS) -> list[str]:
    return [f for s in signals for f in s.features]


# ---------------------------------------------------------------------------- context


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


HABIT_PRIOR = 5.0
REGION_PRIOR = 10.0
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


# --------------------------------------------------------------------------- features


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


def _lookup(m: sp.csr_matrix, rows: IntArray, cols: IntArray) -> FloatArray:
    return np.asarray(m[rows, cols], dtype=np.float64).ravel()


def features(
    ctx: Context, a: IntArray, b: IntArray, st: Structure, row: bool = False
) -> FloatArray:
    """The feature matrix (len(b) x F) in the order of `feature_names()`."""
    return feature_columns(ctx, a, b, st, row).T


def feature_columns(
    ctx: Context, a: IntArray, b: IntArray, st: Structure, row: bool = False
) -> FloatArray:
    """The features as rows of an F x len(b) array (one contiguous row per feature).

    With row=True, `a` holds one city and `b` is every candidate (fast path).
    """
    net = ctx.net
    n_pairs = len(b)
    if row:
        a_one = int(a[0])
        a_arr = np.full(n_pairs, a_one, dtype=np.int64)
    else:
        a_arr = a
    ca = ctx.country[a_arr]
    cb = ctx.country[b]
    k = net.n_countries
    out: dict[str, FloatArray] = {}
    # structure
    out["log_cn"] = np.log1p(st.cn)
    out["ra"] = st.ra
    out["aa"] = st.aa
    deg_a_raw, deg_b_raw = ctx.deg[a_arr], ctx.deg[b]
    out["cn_share_a"] = st.cn / np.maximum(deg_a_raw, 1.0)
    out["cn_share_b"] = st.cn / np.maximum(deg_b_raw, 1.0)
    out["log_paths3"] = np.log1p(st.paths3)
    out["paths3_l3"] = np.log1p(PATHS_SCALE * st.l3)
    out["paths3_ra"] = np.log1p(PATHS_SCALE * st.ra3)
    deg_a = ctx.log_deg[a_arr]
    deg_b = ctx.log_deg[b]
    out["log_deg_b"] = deg_b
    out["isolated_b"] = (ctx.deg[b] == 0).astype(np.float64)
    out["log_deg_a"] = deg_a
    out["isolated_a"] = (ctx.deg[a_arr] == 0).astype(np.float64)
    out["deg_ab"] = deg_a * deg_b
    # population
    pa, pb = ctx.log_pop[a_arr], ctx.log_pop[b]
    ka, kb = ctx.pop_known[a_arr], ctx.pop_known[b]
    out["log_pop_b"] = pb
    out["pop_b_unknown"] = (~kb).astype(np.float64)
    out["log_pop_a"] = pa
    out["pop_a_unknown"] = (~ka).astype(np.float64)
    both = ka & kb
    out["pop_gap"] = np.where(both, np.abs(pa - pb), 0.0)
    out["pop_ab"] = np.where(both, (pa - 4.5) * (pb - 4.5), 0.0)
    # distance
    km = graph.haversine_km(net.lat[a_arr], net.lon[a_arr], net.lat[b], net.lon[b])
    unknown = np.isnan(km)
    lkm = np.where(unknown, 0.0, np.log1p(np.nan_to_num(km)) - 7.0)
    out["log_km"] = lkm
    out["log_km2"] = lkm * lkm
    out["km_unknown"] = unknown.astype(np.float64)
    # countries
    known_c = (ca < k) & (cb < k)
    out["same_country"] = (known_c & (ca == cb)).astype(np.float64)
    cont_a, cont_b = net.continent[a_arr], net.continent[b]
    out["same_continent"] = ((cont_a >= 0) & (cont_a == cont_b)).astype(np.float64)
    cap_a, cap_b = net.capital[a_arr], net.capital[b]
    out["both_capitals"] = (cap_a & cap_b).astype(np.float64)
    out["capital_b"] = cap_b.astype(np.float64)
    out["capital_a"] = cap_a.astype(np.float64)
    out["country_pair"] = np.log(ctx.cond[ca, cb])
    out["country_lift"] = ctx.lift[ca, cb]
    out["country_total_b"] = np.log1p(ctx.country_total[cb])
    out["country_total_a"] = np.log1p(ctx.country_total[ca])
    # habits: the city's own partners' countries, shrunk toward its country's habit
    if row:
        own_a = np.asarray(ctx.nbr_country[a_one].toarray()).ravel()[cb]
        own2_a = np.asarray(ctx.nbr2_country[a_one].toarray()).ravel()[cb]
    else:
        own_a = _lookup(ctx.nbr_country, a_arr, cb)
        own2_a = _lookup(ctx.nbr2_country, a_arr, cb)
    own_b = _lookup_col(ctx, b, ca, row)
    da, db = ctx.deg[a_arr], ctx.deg[b]
    prior_ab = ctx.cond[ca, cb]
    prior_ba = ctx.cond[cb, ca]
    h_a = (own_a + HABIT_PRIOR * prior_ab) / (da + HABIT_PRIOR)
    h_b = (own_b + HABIT_PRIOR * prior_ba) / (db + HABIT_PRIOR)
    out["habit_a"] = np.log(h_a) - np.log(prior_ab)
    out["habit_b"] = np.log(h_b) - np.log(prior_ba)
    two = (own2_a + HABIT_PRIOR * prior_ab) / (_two_total(ctx, a_arr) + HABIT_PRIOR)
    out["habit2_a"] = np.log(two) - np.log(prior_ab)
    # regions: partners of one city near the other (a Gaussian-like kernel over distance)
    if row:
        k_a = _kernel(graph.haversine_km(net.lat[a_one], net.lon[a_one], net.lat, net.lon))
        near_a_of_b = np.asarray(net.adj @ k_a).ravel()[b]
        near_b_of_a = _row_near(ctx, a_one)[b]
    else:
        near_a_of_b = _pair_near(ctx, a_arr, b)
        near_b_of_a = _pair_near(ctx, b, a_arr)
    out["near_b_of_a"] = np.log1p(near_b_of_a)
    out["near_a_of_b"] = np.log1p(near_a_of_b)
    cell_a, cell_b = ctx.cells[a_arr], ctx.cells[b]
    located = (cell_a >= 0) & (cell_b >= 0)
    ra_, rb_ = np.maximum(cell_a, 0), np.maximum(cell_b, 0)
    if row:
        region_row = graph.region_pair_row(ctx.region_links, ctx.region_hood, int(ra_[0]))
        links = np.where(located, region_row[rb_], 0.0)
        rc_row = np.asarray(ctx.region_country[int(ra_[0])].toarray()).ravel()
        rc_a = np.where(cell_a >= 0, rc_row[cb], 0.0)
    else:
        links = np.where(
            located, graph.region_pair_values(ctx.region_links, ctx.region_hood, ra_, rb_), 0.0
        )
        rc_a = np.where(cell_a >= 0, _lookup(ctx.region_country, ra_, cb), 0.0)
    grand = max(float(ctx.region_total.sum()), 1.0)
    expected = ctx.region_total[ra_] * ctx.region_total[rb_] / grand
    out["region_pair"] = np.log1p(links)
    out["region_lift"] = np.where(located, np.log((links + 1.0) / (expected + 1.0)), 0.0)
    # habits of the neighbourhood: cities around a twin with cities of b's country (and back)
    rt_a = np.where(cell_a >= 0, ctx.region_country_total[ra_], 0.0)
    if row:
        rc_col = _column(ctx, "region_country_csc", ctx.region_country, int(ca[0]))
        rc_b = np.where(cell_b >= 0, rc_col[rb_], 0.0)
    else:
        rc_b = np.where(cell_b >= 0, _lookup(ctx.region_country, rb_, ca), 0.0)
    rt_b = np.where(cell_b >= 0, ctx.region_country_total[rb_], 0.0)
    out["region_habit_a"] = np.log(
        (rc_a + REGION_PRIOR * prior_ab) / (rt_a + REGION_PRIOR)
    ) - np.log(prior_ab)
    out["region_habit_b"] = np.log(
        (rc_b + REGION_PRIOR * prior_ba) / (rt_b + REGION_PRIOR)
    ) - np.log(prior_ba)
    if net.name_group is not None:
        ga, gb = net.name_group[a_arr], net.name_group[b]
        out["namesake"] = ((ga >= 0) & (ga == gb)).astype(np.float64)
    else:
        out["namesake"] = np.zeros(n_pairs)
    return np.vstack([out[name] for name in feature_names()])


PATHS_SCALE = 10.0  # weighted path counts are mostly below 1: log1p(10 x) spreads them
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


def _two_total(ctx: Context, a: IntArray) -> FloatArray:
    tot = ctx.extra.get("nbr2_total")
    if tot is None:
        tot = np.asarray(ctx.nbr2_country.sum(axis=1)).ravel()
        ctx.extra["nbr2_total"] = tot
    return tot[a]


def _column(ctx: Context, key: str, m: sp.csr_matrix, j: int) -> FloatArray:
    csc = ctx.extra.get(key)
    if csc is None:
        csc = m.tocsc()
        ctx.extra[key] = csc
    return np.asarray(csc[:, [j]].toarray(), dtype=np.float64).ravel()


def _lookup_col(ctx: Context, b: IntArray, ca: IntArray, row: bool) -> FloatArray:
    if row:
        return _column(ctx, "nbr_country_csc", ctx.nbr_country, int(ca[0]))[b]
    return _lookup(ctx.nbr_country, b, ca)


# ----------------------------------------------------------------------------- model


def _hinge_basis(x: FloatArray, knots: FloatArray) -> FloatArray:
    """[x, max(0, x - t1), ..., max(0, x - tk)]: a piecewise-linear function of x."""
    if len(knots) == 0:
        return x[:, np.newaxis]
    return np.column_stack([x, np.maximum(0.0, x[:, np.newaxis] - knots[np.newaxis, :])])


@dataclass(frozen=True)
class Model:
    """A fitted additive model: score = intercept + sum_j f_j(x_j).

    Each f_j is piecewise linear in its feature (a hinge basis with knots at quantiles of
    the training data; binary features get a single weight). Contributions are measured
    against `reference`, the mean of f_j over random pairs of cities, so a signal's
    contribution says how much it lifts this candidate above a typical pair.
    """

    names: tuple[str, ...]
    knots: tuple[FloatArray, ...]
    weights: tuple[FloatArray, ...]  # per feature, one weight per basis column
    intercept: float
    reference: FloatArray  # mean f_j over random pairs, per feature
    meta: dict[str, Any] = field(default_factory=dict)

    def term(self, j: int, col: FloatArray) -> FloatArray:
        """f_j of one feature column: w0 x + sum_k w_k max(0, x - t_k), without building
        the basis (the same function `_hinge_basis(col, knots) @ w` computes)."""
        w = self.weights[j]
        out = w[0] * col
        for t, wk in zip(self.knots[j], w[1:], strict=True):
            out += wk * np.maximum(col - t, 0.0)
        return np.asarray(out, dtype=np.float64)

    def terms(self, x: FloatArray) -> FloatArray:
        """f_j(x_j) for every row and feature (rows x F)."""
        cols = np.ascontiguousarray(x.T)
        return np.column_stack([self.term(j, cols[j]) for j in range(len(self.names))])

    def score(self, x: FloatArray) -> FloatArray:
        """intercept + sum_j f_j(x_j) for every row of x (rows x F)."""
        return self.score_columns(np.ascontiguousarray(x.T))

    def score_columns(self, cols: FloatArray) -> FloatArray:
        """The same for features given as rows of an F x n array, summed feature by
        feature (no n x F matrix of terms)."""
        out = np.full(cols.shape[1], self.intercept, dtype=np.float64)
        for j in range(len(self.names)):
            out += self.term(j, cols[j])
        return out

    def contributions(self, x: FloatArray) -> FloatArray:
        """Per-feature contributions relative to a typical pair (rows x F)."""
        return np.asarray(self.terms(x) - self.reference[np.newaxis, :], dtype=np.float64)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "names": list(self.names),
            "knots": [k.tolist() for k in self.knots],
            "weights": [w.tolist() for w in self.weights],
            "intercept": self.intercept,
            "reference": self.reference.tolist(),
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        """A stored model; one fitted before features were added gives them weight 0.

        The new features then change nothing until the next fit (after each import), so
        a stored snapshot keeps scoring exactly as when it was fitted. A stored feature
        this version does not know, or another format, is an error.
        """
        names = feature_names()
        stored = list(data["names"])
        if data.get("format") != MODEL_FORMAT or not set(stored) <= set(names):
            raise ValueError("stored model does not match this version's features")
        at = {name: i for i, name in enumerate(stored)}
        knots, weights, reference = [], [], []
        for name in names:
            i = at.get(name)
            if i is None:
                knots.append(np.zeros(0))
                weights.append(np.zeros(1))
                reference.append(0.0)
            else:
                knots.append(np.asarray(data["knots"][i], dtype=np.float64))
                weights.append(np.asarray(data["weights"][i], dtype=np.float64))
                reference.append(float(data["reference"][i]))
        meta = dict(data.get("meta", {}))
        missing = [name for name in names if name not in at]
        if missing:
            meta["missing_features"] = missing
        return cls(
            names=tuple(names),
            knots=tuple(knots),
            weights=tuple(weights),
            intercept=float(data["intercept"]),
            reference=np.asarray(reference, dtype=np.float64),
            meta=meta,
        )


def _sample_negatives(
    rng: np.random.Generator,
    adj: sp.csr_matrix,
    queries: IntArray,
    per_query: int,
) -> tuple[IntArray, IntArray]:
    """For each query city, `per_query` uniform candidates that are neither it nor partners."""
    n = int(adj.shape[0])
    qa = np.repeat(queries, per_query)
    qb = rng.integers(0, n, size=len(qa))
    bad = (qa == qb) | (np.asarray(adj[qa, qb]).ravel() > 0)
    while bad.any():
        qb[bad] = rng.integers(0, n, size=int(bad.sum()))
        bad = (qa == qb) | (np.asarray(adj[qa, qb]).ravel() > 0)
    return qa, qb


def _without(net: Network, a: IntArray, b: IntArray) -> Network:
    return net.with_adjacency(graph.remove_edges(net.adj, a, b))


def training_set(
    net: Network,
    rng: np.random.Generator,
    hide: float = 0.1,
    negatives: int = 30,
    random_pairs: int = 20_000,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """One round: hide `hide` of the links, features on the rest; (X, y, X_random).

    Positives are the hidden links (both directions); negatives are, for each positive,
    `negatives` uniform candidates for the same city, plus uniform random pairs (so the
    score also orders pairs of two unrelated cities, as the AUC asks).
    """
    a, b = graph.edge_list(net.adj)
    chosen = rng.random(len(a)) < hide
    ha, hb = a[chosen], b[chosen]
    ctx = build_context(_without(net, ha, hb))
    deg = ctx.deg
    # Mirror the evaluation: a hidden link whose city has no link left is skipped.
    keep = (deg[ha] > 0) & (deg[hb] > 0)
    ha, hb = ha[keep], hb[keep]
    pa = np.concatenate([ha, hb])
    pb = np.concatenate([hb, ha])
    na, nb = _sample_negatives(rng, net.adj, pa, negatives)
    ra, rb = random_unlinked_pairs(net.adj, random_pairs, int(rng.integers(2**31)))
    qa = np.concatenate([pa, na, ra])
    qb = np.concatenate([pb, nb, rb])
    x = features(ctx, qa, qb, pair_structure(ctx, qa, qb))
    y = np.concatenate([np.ones(len(pa)), np.zeros(len(na) + len(ra))])
    return x, y, x[len(pa) + len(na) :]


BINARY_LIMIT = 2  # a feature with at most this many distinct values gets one weight
KNOTS = 5


def _knots_for(col: FloatArray) -> FloatArray:
    values = np.unique(col)
    if len(values) <= BINARY_LIMIT:
        return np.zeros(0)
    qs = np.unique(np.quantile(col, np.linspace(0, 1, KNOTS + 2)[1:-1]))
    return qs[(qs > values[0]) & (qs < values[-1])]


def fit(
    net: Network,
    seed: int = 0,
    rounds: int = 3,
    hide: float = 0.1,
    negatives: int = 30,
    c: float = 1.0,
    random_pairs: int = 60_000,
) -> Model:
    """Fit the additive model on `net` only (hidden links of `net` as positives)."""
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(seed)
    xs, ys, refs = [], [], []
    for _ in range(rounds):
        x, y, xr = training_set(net, rng, hide=hide, negatives=negatives, random_pairs=random_pairs)
        xs.append(x)
        ys.append(y)
        refs.append(xr)
    x = np.vstack(xs)
    y = np.concatenate(ys)
    knots = tuple(_knots_for(x[:, j]) for j in range(x.shape[1]))
    basis = np.hstack([_hinge_basis(x[:, j], kn) for j, kn in enumerate(knots)])
    mean = basis.mean(axis=0)
    scale = basis.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000)
    lr.fit((basis - mean) / scale, y)
    w_all = lr.coef_.ravel() / scale
    weights = []
    pos = 0
    for kn in knots:
        weights.append(w_all[pos : pos + len(kn) + 1].astype(np.float64))
        pos += len(kn) + 1
    intercept = float(lr.intercept_[0] - (mean / scale) @ lr.coef_.ravel())
    model = Model(
        names=tuple(feature_names()),
        knots=knots,
        weights=tuple(weights),
        intercept=intercept,
        reference=np.zeros(len(knots)),
        meta={
            "seed": seed,
            "rounds": rounds,
            "hide": hide,
            "negatives": negatives,
            "random_pairs": random_pairs,
            "C": c,
        },
    )
    return replace(model, reference=model.terms(np.vstack(refs)).mean(axis=0))


def score_pairs(ctx: Context, model: Model, a: IntArray, b: IntArray) -> FloatArray:
    return model.score(features(ctx, a, b, pair_structure(ctx, a, b)))


def score_row(ctx: Context, model: Model, a: int) -> FloatArray:
    """The score of every city as a partner for city `a` (length n)."""
    b = np.arange(ctx.net.n)
    cols = feature_columns(ctx, np.array([a]), b, row_structure(ctx, a), row=True)
    return model.score_columns(cols)


# ------------------------------------------------------------------------ evaluation

BASELINES = (
    "common_neighbours",
    "adamic_adar",
    "resource_allocation",
    "preferential_attachment",
    "katz",
)


@dataclass
class MethodResult:
    method: str
    auc: float
    hits10: float
    hits50: float
    mrr: float
    queries: int
    skipped: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "auc": self.auc,
            "hits@10": self.hits10,
            "hits@50": self.hits50,
            "mrr": self.mrr,
            "queries": self.queries,
            "skipped": self.skipped,
        }


def auc_score(pos: FloatArray, neg: FloatArray) -> float:
    """P(positive > negative), ties counted half (Mann-Whitney U)."""
    if len(pos) == 0 or len(neg) == 0:
        return math.nan
    ranks = rankdata(np.concatenate([pos, neg]))
    r_pos = float(ranks[: len(pos)].sum())
    u = r_pos - len(pos) * (len(pos) + 1) / 2.0
    return u / (len(pos) * len(neg))


def rank_of(scores: FloatArray, candidates: npt.NDArray[np.bool_], target: int) -> float:
    """1 + candidates scored higher + half the other candidates scored equal."""
    s = scores[target]
    pool = scores[candidates]
    higher = int(np.count_nonzero(pool > s))
    equal = int(np.count_nonzero(pool == s)) - (1 if candidates[target] else 0)
    return 1.0 + higher + 0.5 * equal


def baseline_row(ctx: Context, method: str, a: int, st: Structure | None = None) -> FloatArray:
    if st is None:
        st = row_structure(ctx, a)
    if method == "common_neighbours":
        return st.cn
    if method == "adamic_adar":
        return st.aa
    if method == "resource_allocation":
        return st.ra
    if method == "preferential_attachment":
        return ctx.deg[a] * ctx.deg
    if method == "katz":
        direct = np.asarray(ctx.net.adj[[a]].toarray()).ravel()
        b = graph.KATZ_BETA
        return b * direct + b**2 * st.cn + b**3 * st.paths3
    raise ValueError(method)


def baseline_pairs(ctx: Context, method: str, a: IntArray, b: IntArray) -> FloatArray:
    adj = ctx.net.adj
    if method == "common_neighbours":
        return graph.pair_common_neighbours(adj, a, b)
    if method == "adamic_adar":
        return graph.pair_adamic_adar(adj, a, b)
    if method == "resource_allocation":
        return graph.pair_resource_allocation(adj, a, b)
    if method == "preferential_attachment":
        return graph.pair_preferential_attachment(adj, a, b)
    if method == "katz":
        return graph.pair_katz(adj, a, b, square=ctx.square)
    raise ValueError(method)


def random_unlinked_pairs(
    adj: sp.csr_matrix, count: int, seed: int, exclude: set[tuple[int, int]] | None = None
) -> tuple[IntArray, IntArray]:
    """`count` uniform pairs of distinct cities that are not linked (nor in `exclude`)."""
    rng = np.random.default_rng(seed)
    n = int(adj.shape[0])
    a = rng.integers(0, n, size=count)
    b = rng.integers(0, n, size=count)

    def bad_mask() -> npt.NDArray[np.bool_]:
        mask = (a == b) | (np.asarray(adj[a, b]).ravel() > 0)
        if exclude:
            lo, hi = np.minimum(a, b), np.maximum(a, b)
            mask |= np.array([(int(x), int(y)) in exclude for x, y in zip(lo, hi, strict=True)])
        return mask

    bad = bad_mask()
    while bad.any():
        a[bad] = rng.integers(0, n, size=int(bad.sum()))
        b[bad] = rng.integers(0, n, size=int(bad.sum()))
        bad = bad_mask()
    return a, b


RowScorer = Callable[[int], FloatArray]


def evaluate(
    net: Network,
    model: Model | None,
    held_a: IntArray,
    held_b: IntArray,
    seed: int = 0,
    negatives: int = 100_000,
    skipped: int = 0,
    methods: Sequence[str] | None = None,
) -> list[MethodResult]:
    """AUC, Hits@10/50 and MRR of the model and the baselines on held-out links.

    Held-out pairs with a city that has no link in `net` are skipped (added to `skipped`).
    Candidates for a query city a are every city of `net` except a and a's partners.
    """
    ctx = build_context(net)
    deg = ctx.deg
    held_a = np.asarray(held_a, dtype=np.int64)
    held_b = np.asarray(held_b, dtype=np.int64)
    keep = (deg[held_a] > 0) & (deg[held_b] > 0)
    skipped += int((~keep).sum())
    ha, hb = held_a[keep], held_b[keep]
    names = (
        list(methods)
        if methods is not None
        else ((["recommender"] if model is not None else []) + list(BASELINES))
    )
    # AUC
    excl = {(int(min(x, y)), int(max(x, y))) for x, y in zip(ha, hb, strict=True)}
    na, nb = random_unlinked_pairs(net.adj, negatives, seed, exclude=excl)
    aucs: dict[str, float] = {}
    for name in names:
        if name == "recommender":
            assert model is not None
            pos = score_pairs(ctx, model, ha, hb)
            neg = score_pairs(ctx, model, na, nb)
        else:
            pos = baseline_pairs(ctx, name, ha, hb)
            neg = baseline_pairs(ctx, name, na, nb)
        aucs[name] = auc_score(pos, neg)
    # ranking: both directions, grouped by query city
    qa = np.concatenate([ha, hb])
    qb = np.concatenate([hb, ha])
    order = np.argsort(qa, kind="stable")
    qa, qb = qa[order], qb[order]
    ranks: dict[str, list[float]] = {name: [] for name in names}
    n = net.n
    starts = np.flatnonzero(np.r_[True, qa[1:] != qa[:-1]])
    ends = np.r_[starts[1:], len(qa)]
    adj = net.adj
    for s, e in zip(starts, ends, strict=True):
        a = int(qa[s])
        cand = np.ones(n, dtype=bool)
        cand[a] = False
        cand[adj.indices[adj.indptr[a] : adj.indptr[a + 1]]] = False
        st = row_structure(ctx, a)
        for name in names:
            if name == "recommender":
                assert model is not None
                x = features(ctx, np.array([a]), np.arange(n), st, row=True)
                scores = model.score(x)
            else:
                scores = baseline_row(ctx, name, a, st)
            for t in qb[s:e]:
                ranks[name].append(rank_of(scores, cand, int(t)))
    results = []
    for name in names:
        r = np.asarray(ranks[name])
        results.append(
            MethodResult(
                method=name,
                auc=aucs[name],
                hits10=float(np.mean(r <= 10)) if len(r) else math.nan,
                hits50=float(np.mean(r <= 50)) if len(r) else math.nan,
                mrr=float(np.mean(1.0 / r)) if len(r) else math.nan,
                queries=len(r),
                skipped=skipped,
            )
        )
    return results


def format_table(results: Sequence[MethodResult]) -> str:
    lines = [
        f"{'method':<24} {'AUC':>7} {'Hits@10':>8} {'Hits@50':>8} {'MRR':>7} "
        f"{'queries':>8} {'skipped':>8}"
    ]
    for r in results:
        lines.append(
            f"{r.method:<24} {r.auc:7.4f} {r.hits10:8.4f} {r.hits50:8.4f} {r.mrr:7.4f} "
            f"{r.queries:8d} {r.skipped:8d}"
        )
    return "\n".join(lines)


def name_key(name: str) -> str:
    """A city name folded for namesake matching: no accents, no parentheses, lower case."""
    import re
    import unicodedata

    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"\(.*?\)", " ", folded)
    folded = re.sub(r"[^a-z]+", " ", folded)
    return " ".join(folded.split())


def capital_flags(
    country: Sequence[Any],
    names: Sequence[Sequence[str | None]],
    population: Sequence[float | None],
    capital_of: dict[Any, str],
) -> npt.NDArray[np.bool_]:
    """Per city: is it its country's capital? The most populous city of the country one
    of whose names (folded) is the country's capital name (`capital_of`: country -> name)."""
    best: dict[Any, tuple[float, int]] = {}
    for i, (c, own, pop) in enumerate(zip(country, names, population, strict=True)):
        capital = (capital_of.get(c) or "").strip().casefold() if c is not None else ""
        if not capital or capital not in {(n or "").strip().casefold() for n in own}:
            continue
        p = float(pop or 0)
        if c not in best or p > best[c][0]:
            best[c] = (p, i)
    out = np.zeros(len(country), dtype=bool)
    out[[i for _, i in best.values()]] = True
    return out


def name_groups(names: Sequence[str]) -> IntArray:
    """An integer per city; cities whose names fold to the same key share it (-1: none)."""
    keys: dict[str, int] = {}
    out = np.full(len(names), -1, dtype=np.int64)
    for i, name in enumerate(names):
        key = name_key(name)
        if key:
            out[i] = keys.setdefault(key, len(keys))
    return out


# Used when the network is too small to fit on (a fresh or test database): hand-set
# weights in the direction every fit on the real network agrees on.
PRIOR_WEIGHTS = {
    "log_cn": 1.5,
    "ra": 2.0,
    "log_paths3": 0.3,
    "paths3_l3": 0.3,
    "log_deg_b": 0.6,
    "isolated_b": -2.0,
    "log_pop_b": 0.3,
    "pop_gap": -0.3,
    "log_km": -0.2,
    "same_country": -0.5,
    "both_capitals": 1.5,
    "country_pair": 0.8,
    "habit_a": 0.5,
    "habit_b": 0.5,
    "region_habit_a": 0.3,
    "near_a_of_b": 0.3,
    "near_b_of_a": 0.3,
    "namesake": 1.0,
}
MIN_POSITIVES = 50


def prior_model(ctx: Context, seed: int = 0) -> Model:
    names = tuple(feature_names())
    model = Model(
        names=names,
        knots=tuple(np.zeros(0) for _ in names),
        weights=tuple(np.array([PRIOR_WEIGHTS.get(n, 0.0)]) for n in names),
        intercept=0.0,
        reference=np.zeros(len(names)),
        meta={"prior": True},
    )
    return _with_reference(ctx, model, seed)


def _with_reference(ctx: Context, model: Model, seed: int) -> Model:
    n = ctx.net.n
    rng = np.random.default_rng(seed)
    if n < 2:
        return model
    a = rng.integers(0, n, size=5_000)
    b = rng.integers(0, n, size=5_000)
    ok = a != b
    x = features(ctx, a[ok], b[ok], pair_structure(ctx, a[ok], b[ok]))
    return replace(model, reference=model.terms(x).mean(axis=0))


def fit_or_prior(net: Network, seed: int = 0) -> Model:
    """`fit` when the network has enough links to learn from, else `prior_model`."""
    m = len(graph.edge_list(net.adj)[0])
    if m * 0.1 * 3 < MIN_POSITIVES:
        return prior_model(build_context(net), seed)
    return fit(net, seed=seed)
