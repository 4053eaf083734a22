"""Goal areas: the office asks for partners in some cooperation areas, and its own records
say which cities know them: the practices of its knowledge base that come from a city, the
activities of its pacts with a city, in those areas.

Not a column of the fitted model: the evidence is the office's private knowledge and the
areas it asks for, neither of which the shared network holds, so the hidden-link split has
no such evidence (the signal is zero there and its figures cannot change). It is added to
the model's score with a hand-set weight (`boost`) where the evidence exists, and explained
like every signal.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy, ngettext, pgettext

from peyvand.core.templatetags.peyvand import num

from ...goals import area_names
from ...graph import FloatArray
from .base import Candidate, Named, Pairs, Signal

# Score added per unit of log(1 + evidence): three practices from a city (1.4) weigh about
# as much as two shared partners do in the hand-set prior.
WEIGHT = 1.5
# An activity is lighter evidence than a practice the office chose to keep.
ACTIVITY_SHARE = 0.5


def boost(evidence: dict[str, int]) -> float:
    """The score a city gains from its evidence {"practices": n, "activities": m}."""
    amount = evidence.get("practices", 0) + ACTIVITY_SHARE * evidence.get("activities", 0)
    return WEIGHT * float(np.log1p(amount)) if amount > 0 else 0.0


def columns(p: Pairs) -> dict[str, FloatArray]:
    return {}  # no model column (see the module's docstring)


def reason(c: Candidate) -> dict[str, Any] | None:
    return None  # given by the recommender from the office's evidence


def text(p: dict[str, Any], city: Named, partner: Named) -> str:
    areas = pgettext("list separator", ", ").join(area_names(p.get("areas", [])))
    parts = []
    practices = int(p.get("practices", 0))
    if practices:
        parts.append(
            ngettext(
                "%(count)s of your practices on %(areas)s comes from there",
                "%(count)s of your practices on %(areas)s come from there",
                practices,
            )
            % {"count": num(practices), "areas": areas}
        )
    activities = int(p.get("activities", 0))
    if activities:
        parts.append(
            ngettext(
                "%(count)s activity of your pacts with it was on %(areas)s",
                "%(count)s activities of your pacts with it were on %(areas)s",
                activities,
            )
            % {"count": num(activities), "areas": areas}
        )
    evidence = pgettext("list separator", "; ").join(parts)
    return f"{partner.name}: {evidence}"


SIGNAL = Signal(
    key="goal_areas",
    group="office",
    label=gettext_lazy("Your goal areas"),
    features=(),
    columns=columns,
    reason=reason,
    text=text,
)
