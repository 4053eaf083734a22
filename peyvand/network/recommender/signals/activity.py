"""Activity: how many sister cities each of the two has (the most linked twin most)."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy, ngettext

from peyvand.core.templatetags.peyvand import num

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal


def columns(p: Pairs) -> dict[str, FloatArray]:
    ctx = p.ctx
    deg_a = ctx.log_deg[p.a_arr]
    deg_b = ctx.log_deg[p.b]
    return {
        "log_deg_b": deg_b,
        "isolated_b": (ctx.deg[p.b] == 0).astype(np.float64),
        "log_deg_a": deg_a,
        "isolated_a": (ctx.deg[p.a_arr] == 0).astype(np.float64),
        "deg_ab": deg_a * deg_b,
    }


def reason(c: Candidate) -> dict[str, Any] | None:
    return {"count": int(c.ctx.deg[c.b])} if c.ctx.deg[c.b] > 0 else None


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    count = int(p["count"])
    return ngettext(
        "An active twinner with %(count)s sister city",
        "An active twinner with %(count)s sister cities",
        count,
    ) % {"count": num(count)}


SIGNAL = Signal(
    key="activity",
    group="structure",
    label=gettext_lazy("Active in twinning"),
    features=("log_deg_b", "isolated_b", "log_deg_a", "isolated_a", "deg_ab"),
    columns=columns,
    reason=reason,
    text=text,
)
