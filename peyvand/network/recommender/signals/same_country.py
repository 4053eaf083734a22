"""Same country: both cities in one (known) country."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal, country_name


def columns(p: Pairs) -> dict[str, FloatArray]:
    k = p.ctx.net.n_countries
    known = (p.ca < k) & (p.cb < k)
    return {"same_country": (known & (p.ca == p.cb)).astype(np.float64)}


def reason(c: Candidate) -> dict[str, Any] | None:
    return {"country_pk": c.country_pk(c.ca)} if c.value("same_country") > 0 else None


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    return _("In the same country: %(country)s") % {"country": country_name(p.get("country"))}


SIGNAL = Signal(
    key="same_country",
    group="attributes",
    label=gettext_lazy("Same country"),
    features=("same_country",),
    columns=columns,
    reason=reason,
    text=text,
)
