"""Common partners: the two cities twin with the same cities (Adamic-Adar, resource
allocation, and the share of each city's partners they have in common)."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy, ngettext, pgettext

from peyvand.core.templatetags.peyvand import num

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal


def columns(p: Pairs) -> dict[str, FloatArray]:
    st, deg = p.st, p.ctx.deg
    return {
        "log_cn": np.log1p(st.cn),
        "ra": st.ra,
        "aa": st.aa,
        "cn_share_a": st.cn / np.maximum(deg[p.a_arr], 1.0),
        "cn_share_b": st.cn / np.maximum(deg[p.b], 1.0),
    }


def reason(c: Candidate) -> dict[str, Any] | None:
    adj = c.ctx.net.adj
    common = np.intersect1d(
        adj.indices[adj.indptr[c.a] : adj.indptr[c.a + 1]],
        adj.indices[adj.indptr[c.b] : adj.indptr[c.b + 1]],
    )
    if len(common) == 0:
        return None
    common = common[np.argsort(-c.ctx.deg[common], kind="stable")]
    return {"count": len(common), "city_pks": [int(c.city_pks[i]) for i in common[:3]]}


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    count = int(p["count"])
    names = pgettext("list separator", ", ").join(c.name for c in p.get("cities", []))
    return ngettext(
        "Shares %(count)s partner with %(city)s: %(names)s",
        "Shares %(count)s partners with %(city)s: %(names)s",
        count,
    ) % {"count": num(count), "city": city.name, "names": names}


SIGNAL = Signal(
    key="common_partners",
    group="structure",
    label=gettext_lazy("Common partners"),
    features=("log_cn", "ra", "aa", "cn_share_a", "cn_share_b"),
    columns=columns,
    reason=reason,
    text=text,
)
