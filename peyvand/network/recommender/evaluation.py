"""Evaluation of the recommender on held-out links: AUC, Hits@k, MRR, and the structural
baselines it is compared with (common neighbours, Adamic-Adar, ..., Katz).

`evaluate` scores links that were never in the network it is given.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.stats import rankdata

from .. import graph
from ..graph import FloatArray, IntArray, Network
from .context import Context, Structure, build_context, row_structure
from .features import features
from .model import Model, random_unlinked_pairs, score_pairs

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
