"""The additive model: fitting, the hand-set prior, scoring.

A candidate's score is a sum of named signals (`signals`); each signal is the sum of its
features' contributions `w_j * (x_j - ref_j)`, where `ref_j` is the feature's mean over
random pairs, so "why" is read straight off the score.

Fitting (`fit`) uses only the network it is given: it hides a random part of the links as
positives, samples unlinked pairs as negatives, computes every feature on the remaining
graph and fits a logistic regression. Pure arrays (no ORM).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from .. import graph
from ..graph import FloatArray, IntArray, Network
from .context import Context, build_context, pair_structure, row_structure
from .features import feature_columns, features
from .signals import feature_names

MODEL_FORMAT = 1


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
