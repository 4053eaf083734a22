"""Habits of the region: cities around one city twin with cities of the other's country."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal, column, country_name, lookup

REGION_PRIOR = 10.0


def columns(p: Pairs) -> dict[str, FloatArray]:
    ctx, cell_a, cell_b, ra, rb = p.ctx, p.cell_a, p.cell_b, p.region_a, p.region_b
    if p.row:
        rc_row = np.asarray(ctx.region_country[int(ra[0])].toarray()).ravel()
        rc_a = np.where(cell_a >= 0, rc_row[p.cb], 0.0)
        rc_col = column(ctx, "region_country_csc", ctx.region_country, int(p.ca[0]))
        rc_b = np.where(cell_b >= 0, rc_col[rb], 0.0)
    else:
        rc_a = np.where(cell_a >= 0, lookup(ctx.region_country, ra, p.cb), 0.0)
        rc_b = np.where(cell_b >= 0, lookup(ctx.region_country, rb, p.ca), 0.0)
    rt_a = np.where(cell_a >= 0, ctx.region_country_total[ra], 0.0)
    rt_b = np.where(cell_b >= 0, ctx.region_country_total[rb], 0.0)
    prior_ab, prior_ba = p.prior_ab, p.prior_ba
    return {
        "region_habit_a": np.log((rc_a + REGION_PRIOR * prior_ab) / (rt_a + REGION_PRIOR))
        - np.log(prior_ab),
        "region_habit_b": np.log((rc_b + REGION_PRIOR * prior_ba) / (rt_b + REGION_PRIOR))
        - np.log(prior_ba),
    }


def reason(c: Candidate) -> dict[str, Any] | None:
    return None if c.cb >= c.k else {"country_pk": c.country_pk(c.cb)}


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    return _("Cities around %(city)s often twin with cities of %(country)s") % {
        "city": city.name,
        "country": country_name(p.get("country")),
    }


SIGNAL = Signal(
    key="region_habit",
    group="attributes",
    label=gettext_lazy("Habits of the region"),
    features=("region_habit_a", "region_habit_b"),
    columns=columns,
    reason=reason,
    text=text,
)
