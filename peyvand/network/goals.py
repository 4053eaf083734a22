"""Goal areas: what an office wants to cooperate on, and which cities its own records tie
to those areas, without importing the apps that keep the records.

`network` sits below `partnerships` and `knowledge`, so they register here from their
AppConfig.ready():

- `register_goal_areas(fn)`: `fn() -> list[tuple[str, str]]`, the areas one may ask for
  (code, name in the active language), in their order;
- `register_goal_evidence(key, fn)`: `fn(office, codes) -> dict[int, int]`, for each City pk
  the number of the office's records of that kind in those areas (its practices that come
  from the city, its activities on pacts with the city).

Only the asking office's own records count: another office's practices or activities are
private to it, and even their counts would tell what it works on with whom.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

AreaChoices = Callable[[], list[tuple[str, str]]]
Evidence = Callable[[Any, Sequence[str]], dict[int, int]]

_choices: list[AreaChoices] = []
_evidence: dict[str, Evidence] = {}


def register_goal_areas(fn: AreaChoices) -> AreaChoices:
    if fn not in _choices:
        _choices.append(fn)
    return fn


def register_goal_evidence(key: str, fn: Evidence) -> Evidence:
    _evidence[key] = fn
    return fn


def area_choices() -> list[tuple[str, str]]:
    return [choice for fn in _choices for choice in fn()]


def area_names(codes: Sequence[str]) -> list[str]:
    names = dict(area_choices())
    return [names[code] for code in codes if code in names]


def goal_evidence(office: Any, codes: Sequence[str]) -> dict[int, dict[str, int]]:
    """City pk -> {evidence key: count} over every registered kind (empty without an office
    or areas)."""
    out: dict[int, dict[str, int]] = {}
    if office is None or not codes:
        return out
    for key, fn in sorted(_evidence.items()):
        for city_pk, count in fn(office, codes).items():
            if count:
                out.setdefault(city_pk, {})[key] = count
    return out
