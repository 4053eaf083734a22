"""Same continent: both cities on one continent."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal


def columns(p: Pairs) -> dict[str, FloatArray]:
    net = p.ctx.net
    cont_a, cont_b = net.continent[p.a_arr], net.continent[p.b]
    return {"same_continent": ((cont_a >= 0) & (cont_a == cont_b)).astype(np.float64)}


def reason(c: Candidate) -> dict[str, Any] | None:
    if c.value("same_continent") <= 0:
        return None
    net = c.ctx.net
    return {"continent": net.continent_codes[int(net.continent[c.b])]}


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    # `continent_name`: the continent's label, resolved with the other names of the reason
    return _("On the same continent: %(continent)s") % {
        "continent": p.get("continent_name", p["continent"])
    }


SIGNAL = Signal(
    key="same_continent",
    group="attributes",
    label=gettext_lazy("Same continent"),
    features=("same_continent",),
    columns=columns,
    reason=reason,
    text=text,
)
