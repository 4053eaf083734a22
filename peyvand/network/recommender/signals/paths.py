"""Partners of partners: paths of length three between the two cities, plain and weighted
down through well-linked intermediaries."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal

PATHS_SCALE = 10.0  # weighted path counts are mostly below 1: log1p(10 x) spreads them


def columns(p: Pairs) -> dict[str, FloatArray]:
    return {
        "log_paths3": np.log1p(p.st.paths3),
        "paths3_l3": np.log1p(PATHS_SCALE * p.st.l3),
        "paths3_ra": np.log1p(PATHS_SCALE * p.st.ra3),
    }


def reason(c: Candidate) -> dict[str, Any] | None:
    log_paths = c.value("log_paths3")
    return {"paths": round(float(np.expm1(log_paths)))} if log_paths > 0 else None


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    return _("Close in the network: reached through partners of partners")


SIGNAL = Signal(
    key="paths",
    group="structure",
    label=gettext_lazy("Partners of partners"),
    features=("log_paths3", "paths3_l3", "paths3_ra"),
    columns=columns,
    reason=reason,
    text=text,
)
