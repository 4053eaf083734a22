"""Same name: the two cities' names fold to the same key (see `cities.name_key`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal


def columns(p: Pairs) -> dict[str, FloatArray]:
    group = p.ctx.net.name_group
    if group is None:
        return {"namesake": np.zeros(len(p.b))}
    ga, gb = group[p.a_arr], group[p.b]
    return {"namesake": ((ga >= 0) & (ga == gb)).astype(np.float64)}


def reason(c: Candidate) -> dict[str, Any] | None:
    return {} if c.value("namesake") > 0 else None


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    return _("Shares its name with %(city)s") % {"city": city.name}


SIGNAL = Signal(
    key="namesake",
    group="attributes",
    label=gettext_lazy("Same name"),
    features=("namesake",),
    columns=columns,
    reason=reason,
    text=text,
)
