"""Distance: great-circle kilometres between the two cities (log, and its square)."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peyvand.core.templatetags.peyvand import num

from ... import graph
from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal

LOG_KM_CENTRE = 7.0  # log1p(km) is centred here (about 1,100 km)


def columns(p: Pairs) -> dict[str, FloatArray]:
    net = p.ctx.net
    a, b = p.a_arr, p.b
    km = graph.haversine_km(net.lat[a], net.lon[a], net.lat[b], net.lon[b])
    unknown = np.isnan(km)
    lkm = np.where(unknown, 0.0, np.log1p(np.nan_to_num(km)) - LOG_KM_CENTRE)
    return {"log_km": lkm, "log_km2": lkm * lkm, "km_unknown": unknown.astype(np.float64)}


def reason(c: Candidate) -> dict[str, Any] | None:
    if c.value("km_unknown") > 0:
        return None
    return {"km": round(float(np.expm1(c.value("log_km") + LOG_KM_CENTRE)))}


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    return _("%(km)s km from %(city)s") % {"km": num(int(p["km"])), "city": city.name}


SIGNAL = Signal(
    key="distance",
    group="attributes",
    label=gettext_lazy("Distance"),
    features=("log_km", "log_km2", "km_unknown"),
    columns=columns,
    reason=reason,
    text=text,
)
