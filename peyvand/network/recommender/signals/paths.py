"""Partners of partners: paths of length three between the two cities, plain and weighted
down through well-linked intermediaries.

The reason names the two cities in between on the path that weighs most in the L3 term
(a partner p of the city twinned with a partner q of the candidate, the pair with the
fewest partners of their own), so every suggestion says which path brings it close."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from peyvand.core.templatetags.peyvand import num

from ...graph import FloatArray, IntArray
from .base import Candidate, Named, Pairs, Signal

PATHS_SCALE = 10.0  # weighted path counts are mostly below 1: log1p(10 x) spreads them


def columns(p: Pairs) -> dict[str, FloatArray]:
    return {
        "log_paths3": np.log1p(p.st.paths3),
        "paths3_l3": np.log1p(PATHS_SCALE * p.st.l3),
        "paths3_ra": np.log1p(PATHS_SCALE * p.st.ra3),
    }


def _partners(adj: Any, i: int) -> IntArray:
    return np.asarray(adj.indices[adj.indptr[i] : adj.indptr[i + 1]], dtype=np.int64)


def best_path(adj: Any, deg: FloatArray, a: int, b: int) -> tuple[int, tuple[int, int] | None]:
    """(number of paths a-p-q-b, the (p, q) of the strongest one: least deg p * deg q, ties
    by index), p a partner of a, q a partner of b, p and q partners."""
    ends = _partners(adj, b)
    ends = ends[ends != a]
    count, best, best_key = 0, None, (np.inf, 0, 0)
    for p in _partners(adj, a):
        if p == b:
            continue
        qs = np.intersect1d(_partners(adj, int(p)), ends, assume_unique=True)
        qs = qs[qs != p]
        count += len(qs)
        for q in qs:
            key = (float(deg[p] * deg[q]), int(p), int(q))
            if key < best_key:
                best, best_key = (int(p), int(q)), key
    return count, best


def reason(c: Candidate) -> dict[str, Any] | None:
    if c.value("log_paths3") <= 0:
        return None
    count, via = best_path(c.ctx.net.adj, c.ctx.deg, c.a, c.b)
    if via is None:
        return None
    return {"paths": count, "city_pks": [int(c.city_pks[via[0]]), int(c.city_pks[via[1]])]}


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    via = p.get("cities", [])
    if len(via) != 2:
        return _("Close in the network: reached through partners of partners")
    count = int(p.get("paths", 1))
    return ngettext(
        "Close in the network through %(first)s and %(second)s: %(city)s twins with "
        "%(first)s, %(first)s with %(second)s and %(second)s with %(partner)s "
        "(%(count)s such path)",
        "Close in the network through %(first)s and %(second)s: %(city)s twins with "
        "%(first)s, %(first)s with %(second)s and %(second)s with %(partner)s "
        "(%(count)s such paths)",
        count,
    ) % {
        "first": via[0].name,
        "second": via[1].name,
        "city": city.name,
        "partner": partner.name,
        "count": num(count),
    }


SIGNAL = Signal(
    key="paths",
    group="structure",
    label=gettext_lazy("Partners of partners"),
    features=("log_paths3", "paths3_l3", "paths3_ra"),
    columns=columns,
    reason=reason,
    text=text,
)
