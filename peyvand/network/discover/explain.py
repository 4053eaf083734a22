"""Reasons and flags of partner suggestions, in words (fa and en through gettext).

A reason's words belong to its signal (`recommender/signals/<key>.py`); this module looks
the signal up and words the office's country flags.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from peyvand.places.models import City

from ..recommender.signals import BY_KEY
from .selectors.recommendations import Reason

FLAG_LABELS = {
    "relations": gettext_lazy("strained or no relations"),
    "sanctions": gettext_lazy("sanctions on payments"),
    "visa": gettext_lazy("visas are hard to get"),
    "travel": gettext_lazy("travel advised against"),
}


def reason_text(reason: Reason, city: City, partner: City) -> str:
    """One reason as a sentence; `city` is the city we look for partners for."""
    signal = BY_KEY.get(reason.key)
    if signal is None:
        return reason.key
    return signal.text(reason.params, city, partner)


def flag_labels(flags: list[str]) -> list[str]:
    return [str(FLAG_LABELS.get(f, f)) for f in flags]
