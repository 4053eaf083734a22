"""Population: the sizes of the two cities and how far apart they are."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peyvand.core.templatetags.peyvand import num

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal


def columns(p: Pairs) -> dict[str, FloatArray]:
    ctx = p.ctx
    pa, pb = ctx.log_pop[p.a_arr], ctx.log_pop[p.b]
    ka, kb = ctx.pop_known[p.a_arr], ctx.pop_known[p.b]
    both = ka & kb
    return {
        "log_pop_b": pb,
        "pop_b_unknown": (~kb).astype(np.float64),
        "log_pop_a": pa,
        "pop_a_unknown": (~ka).astype(np.float64),
        "pop_gap": np.where(both, np.abs(pa - pb), 0.0),
        "pop_ab": np.where(both, (pa - 4.5) * (pb - 4.5), 0.0),
    }


def reason(c: Candidate) -> dict[str, Any] | None:
    population = c.ctx.net.population[c.b]
    return {"population": int(population)} if population > 0 else None


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    return _("A city of %(population)s inhabitants, a size that twins well with %(city)s") % {
        "population": num(int(p["population"])),
        "city": city.name,
    }


SIGNAL = Signal(
    key="population",
    group="attributes",
    label=gettext_lazy("Population"),
    features=("log_pop_b", "pop_b_unknown", "log_pop_a", "pop_a_unknown", "pop_gap", "pop_ab"),
    columns=columns,
    reason=reason,
    text=text,
)
