"""Habits of the two cities: how many partners each already has in the other's country
(and a's partners' partners), shrunk toward its country's habit."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy, ngettext

from peyvand.core.templatetags.peyvand import num

from ...graph import FloatArray, IntArray
from ..context import Context
from .base import Candidate, Named, Pairs, Signal, column, country_name, lookup

HABIT_PRIOR = 5.0


def _two_total(ctx: Context, a: IntArray) -> FloatArray:
    tot = ctx.extra.get("nbr2_total")
    if tot is None:
        tot = np.asarray(ctx.nbr2_country.sum(axis=1)).ravel()
        ctx.extra["nbr2_total"] = tot
    return tot[a]


def columns(p: Pairs) -> dict[str, FloatArray]:
    ctx, a, b, ca, cb = p.ctx, p.a_arr, p.b, p.ca, p.cb
    if p.row:
        own_a = np.asarray(ctx.nbr_country[p.a_one].toarray()).ravel()[cb]
        own2_a = np.asarray(ctx.nbr2_country[p.a_one].toarray()).ravel()[cb]
        own_b = column(ctx, "nbr_country_csc", ctx.nbr_country, int(ca[0]))[b]
    else:
        own_a = lookup(ctx.nbr_country, a, cb)
        own2_a = lookup(ctx.nbr2_country, a, cb)
        own_b = lookup(ctx.nbr_country, b, ca)
    da, db = ctx.deg[a], ctx.deg[b]
    prior_ab, prior_ba = p.prior_ab, p.prior_ba
    h_a = (own_a + HABIT_PRIOR * prior_ab) / (da + HABIT_PRIOR)
    h_b = (own_b + HABIT_PRIOR * prior_ba) / (db + HABIT_PRIOR)
    two = (own2_a + HABIT_PRIOR * prior_ab) / (_two_total(ctx, a) + HABIT_PRIOR)
    return {
        "habit_a": np.log(h_a) - np.log(prior_ab),
        "habit_b": np.log(h_b) - np.log(prior_ba),
        "habit2_a": np.log(two) - np.log(prior_ab),
    }


def reason(c: Candidate) -> dict[str, Any] | None:
    ca, cb, k, nbr = c.ca, c.cb, c.k, c.ctx.nbr_country
    own_a = int(nbr[c.a, cb]) if cb < k else 0
    own_b = int(nbr[c.b, ca]) if ca < k else 0
    if own_a == 0 and own_b == 0:
        return None
    if own_a >= own_b:
        return {"side": "a", "count": own_a, "country_pk": c.country_pk(cb)}
    return {"side": "b", "count": own_b, "country_pk": c.country_pk(ca)}


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    count = int(p["count"])
    country = country_name(p.get("country"))
    if p["side"] == "a":
        return ngettext(
            "%(city)s already has %(count)s partner in %(country)s",
            "%(city)s already has %(count)s partners in %(country)s",
            count,
        ) % {"city": city.name, "count": num(count), "country": country}
    return ngettext(
        "%(partner)s already twins with %(count)s city of %(country)s",
        "%(partner)s already twins with %(count)s cities of %(country)s",
        count,
    ) % {"partner": partner.name, "count": num(count), "country": country}


SIGNAL = Signal(
    key="habit",
    group="attributes",
    label=gettext_lazy("Habits of the two cities"),
    features=("habit_a", "habit_b", "habit2_a"),
    columns=columns,
    reason=reason,
    text=text,
)
