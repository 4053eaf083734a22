"""Countries that twin: how often cities of the two countries twin (smoothed share, and
the lift over what the countries' sizes predict)."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy, ngettext

from peyvand.core.templatetags.peyvand import num

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal, country_name


def columns(p: Pairs) -> dict[str, FloatArray]:
    return {"country_pair": np.log(p.prior_ab), "country_lift": p.ctx.lift[p.ca, p.cb]}


def reason(c: Candidate) -> dict[str, Any] | None:
    ca, cb = c.ca, c.cb
    if ca >= c.k or cb >= c.k:
        return None
    return {
        "country_a_pk": c.country_pk(ca),
        "country_b_pk": c.country_pk(cb),
        "links": int(c.ctx.pair_counts[ca, cb]) // (2 if ca == cb else 1),
    }


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    links = int(p["links"])
    if p.get("country_a_pk") == p.get("country_b_pk"):
        return ngettext(
            "Cities of %(country)s often twin with each other (%(links)s link)",
            "Cities of %(country)s often twin with each other (%(links)s links)",
            links,
        ) % {"country": country_name(p.get("country_a")), "links": num(links)}
    return ngettext(
        "Cities of %(country_a)s and %(country_b)s twin often (%(links)s link)",
        "Cities of %(country_a)s and %(country_b)s twin often (%(links)s links)",
        links,
    ) % {
        "country_a": country_name(p.get("country_a")),
        "country_b": country_name(p.get("country_b")),
        "links": num(links),
    }


SIGNAL = Signal(
    key="country_pair",
    group="attributes",
    label=gettext_lazy("Countries that twin"),
    features=("country_pair", "country_lift"),
    columns=columns,
    reason=reason,
    text=text,
)
