"""What a signal is, and what it is given: the pairs to compute features for (`Pairs`),
one suggestion to explain (`Candidate`).

A `Signal` owns three things: `columns` (its features, computed for many pairs at once),
`reason` (the numbers behind its reason for one suggestion, or None when it has none to
give) and `text` (the reason in words, through gettext). The model sums a signal's
features' contributions into the signal's weight (`model.Model.contributions`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

import numpy as np
import scipy.sparse as sp
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from ...graph import FloatArray, IntArray
from ..context import Context, Structure


class Named(Protocol):
    """A city in a reason's words (a `places.City`)."""

    @property
    def name(self) -> str: ...


@dataclass
class Pairs:
    """The pairs (a[i], b[i]) to compute features for, with what several signals share.

    With `row=True`, `a` holds one city and `b` is every candidate (the fast path).
    """

    ctx: Context
    a: IntArray
    b: IntArray
    st: Structure
    row: bool = False

    @cached_property
    def a_one(self) -> int:
        return int(self.a[0])

    @cached_property
    def a_arr(self) -> IntArray:
        """`a`, one entry per pair (repeated on the row path)."""
        if self.row:
            return np.full(len(self.b), self.a_one, dtype=np.int64)
        return self.a

    @cached_property
    def ca(self) -> IntArray:
        return self.ctx.country[self.a_arr]

    @cached_property
    def cb(self) -> IntArray:
        return self.ctx.country[self.b]

    @cached_property
    def prior_ab(self) -> FloatArray:
        """P(partner in b's country | a's country), smoothed."""
        return self.ctx.cond[self.ca, self.cb]

    @cached_property
    def prior_ba(self) -> FloatArray:
        return self.ctx.cond[self.cb, self.ca]

    @cached_property
    def cell_a(self) -> IntArray:
        return self.ctx.cells[self.a_arr]

    @cached_property
    def cell_b(self) -> IntArray:
        return self.ctx.cells[self.b]

    @cached_property
    def region_a(self) -> IntArray:
        """a's grid cell, 0 when a has no coordinates (mask with `cell_a >= 0`)."""
        return np.maximum(self.cell_a, 0)

    @cached_property
    def region_b(self) -> IntArray:
        return np.maximum(self.cell_b, 0)


@dataclass(frozen=True)
class Candidate:
    """One suggestion being explained: city `a`, candidate `b`, the pair's feature row."""

    ctx: Context
    a: int
    b: int
    x: FloatArray  # the pair's features, in the model's column order
    col: dict[str, int]  # feature name -> column
    city_pks: IntArray  # City pk per index
    country_pk: Callable[[int], int | None]  # Country pk of a country index

    def value(self, feature: str) -> float:
        return float(self.x[self.col[feature]])

    @property
    def ca(self) -> int:
        return int(self.ctx.country[self.a])

    @property
    def cb(self) -> int:
        return int(self.ctx.country[self.b])

    @property
    def k(self) -> int:
        """The number of countries (a country index `>= k` is the unknown country)."""
        return self.ctx.net.n_countries


Columns = Callable[[Pairs], dict[str, FloatArray]]
ReasonParams = Callable[[Candidate], dict[str, Any] | None]
ReasonText = Callable[[dict[str, Any], Named, Named], str]


@dataclass(frozen=True)
class Signal:
    """A named, explainable part of the score; `features` are the model columns it sums."""

    key: str
    group: str  # structure / attributes / later modules
    label: str | Promise
    features: tuple[str, ...]
    columns: Columns
    reason: ReasonParams
    text: ReasonText  # (params, the city we look for partners for, the candidate)


def lookup(m: sp.csr_matrix, rows: IntArray, cols: IntArray) -> FloatArray:
    return np.asarray(m[rows, cols], dtype=np.float64).ravel()


def column(ctx: Context, key: str, m: sp.csr_matrix, j: int) -> FloatArray:
    """Column j of `m` (its CSC copy is kept in `ctx.extra[key]`)."""
    csc = ctx.extra.get(key)
    if csc is None:
        csc = m.tocsc()
        ctx.extra[key] = csc
    return np.asarray(csc[:, [j]].toarray(), dtype=np.float64).ravel()


def country_name(obj: Any) -> str:
    """A resolved country's name in a reason (`params["country"]` and the like)."""
    return obj.name if obj is not None else _("an unknown country")
