"""Active country: how many links the cities of each country have in all."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal, country_name


def columns(p: Pairs) -> dict[str, FloatArray]:
    total = p.ctx.country_total
    return {
        "country_total_b": np.log1p(total[p.cb]),
        "country_total_a": np.log1p(total[p.ca]),
    }


def reason(c: Candidate) -> dict[str, Any] | None:
    return None if c.cb >= c.k else {"country_pk": c.country_pk(c.cb)}


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    return _("Cities of %(country)s have many sister cities") % {
        "country": country_name(p.get("country"))
    }


SIGNAL = Signal(
    key="country_activity",
    group="attributes",
    label=gettext_lazy("Active country"),
    features=("country_total_b", "country_total_a"),
    columns=columns,
    reason=reason,
    text=text,
)
