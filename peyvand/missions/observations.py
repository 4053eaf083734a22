"""What another module offers beside each practice observed in a trip report, without this
app knowing it: the knowledge module turns an observation into a practice of the office
and, once it has, links to that practice instead.

A module registers, from its `AppConfig.ready()`, a function that is given the request,
the mission and its observations and answers, by observation id, the link to show (an
offer to act, or the record the observation already became). It reads with one bounded
query for all the observations, never one per observation (decision 0007); the mission's
page stays kept under the office's version, which a write of the other module raises.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from peyvand.accounts.access import OfficeRequest

from .models import Mission, PracticeObserved


@dataclass(frozen=True)
class ObservationLink:
    url: str
    label: str
    # True: the observation already became the record linked to; False: an offer to act.
    made: bool


ObservationAction = Callable[
    [OfficeRequest, Mission, Sequence[PracticeObserved]], Mapping[int, ObservationLink]
]
_actions: dict[str, ObservationAction] = {}


def register_observation_action(name: str, action: ObservationAction) -> None:
    _actions[name] = action


def observation_rows(
    request: OfficeRequest, mission: Mission, observations: Sequence[PracticeObserved]
) -> list[dict[str, Any]]:
    """What the report shows: [{"observation", "links"}] in the report's order, each
    observation with the links of every registered module (in registration order)."""
    found = (
        [action(request, mission, observations) for action in _actions.values()]
        if observations
        else []
    )
    return [
        {"observation": o, "links": [links[o.pk] for links in found if o.pk in links]}
        for o in observations
    ]
