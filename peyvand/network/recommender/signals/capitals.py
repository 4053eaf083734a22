"""Capitals: national capitals twin with capitals."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal


def columns(p: Pairs) -> dict[str, FloatArray]:
    net = p.ctx.net
    cap_a, cap_b = net.capital[p.a_arr], net.capital[p.b]
    return {
        "both_capitals": (cap_a & cap_b).astype(np.float64),
        "capital_b": cap_b.astype(np.float64),
        "capital_a": cap_a.astype(np.float64),
    }


def reason(c: Candidate) -> dict[str, Any] | None:
    capital = c.ctx.net.capital
    if not capital[c.b]:
        return None
    return {"both": bool(capital[c.a])}


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    if p.get("both"):
        return _("Both are national capitals, and capitals twin with capitals")
    return _("A national capital")


SIGNAL = Signal(
    key="capitals",
    group="attributes",
    label=gettext_lazy("Capitals"),
    features=("both_capitals", "capital_b", "capital_a"),
    columns=columns,
    reason=reason,
    text=text,
)
