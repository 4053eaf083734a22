"""The registry of the recommender's signals, one module each (see `base.Signal`).

The order of `SIGNALS` is the order of the model's feature columns: a new signal is
appended (a stored model fitted without it gives its features weight 0 until the next fit,
see `model.Model.from_dict`).
"""

from __future__ import annotations

from collections.abc import Sequence

from . import (
    activity,
    capitals,
    common_partners,
    country_activity,
    country_pair,
    distance,
    goal_areas,
    habit,
    namesake,
    paths,
    population,
    region,
    region_habit,
    same_continent,
    same_country,
)
from .base import Signal

SIGNALS: list[Signal] = [
    common_partners.SIGNAL,
    paths.SIGNAL,
    activity.SIGNAL,
    population.SIGNAL,
    distance.SIGNAL,
    same_country.SIGNAL,
    same_continent.SIGNAL,
    capitals.SIGNAL,
    country_pair.SIGNAL,
    country_activity.SIGNAL,
    habit.SIGNAL,
    region_habit.SIGNAL,
    namesake.SIGNAL,
    region.SIGNAL,
]
# Signals of the office's own records, added to the model's score with a hand-set weight by
# the recommender (never model columns; see `goal_areas`).
OFFICE_SIGNALS: list[Signal] = [goal_areas.SIGNAL]
BY_KEY: dict[str, Signal] = {s.key: s for s in [*SIGNALS, *OFFICE_SIGNALS]}


def feature_names(signals: Sequence[Signal] = SIGNALS) -> list[str]:
    return [f for s in signals for f in s.features]
