"""An office's people (contacts, city ambassadors), events and missions with their reports.

One module per part of the domain; import from this package.
"""

from __future__ import annotations

from .contacts import Contact, ContactKind
from .events import Event, EventKind
from .missions import (
    Direction,
    Mission,
    MissionActivity,
    MissionDocument,
    MissionDocumentKind,
    MissionStatus,
    Objective,
    Participant,
)
from .reports import FollowUp, ObjectiveOutcome, PracticeObserved, TripReport

__all__ = [
    "Contact",
    "ContactKind",
    "Direction",
    "Event",
    "EventKind",
    "FollowUp",
    "Mission",
    "MissionActivity",
    "MissionDocument",
    "MissionDocumentKind",
    "MissionStatus",
    "Objective",
    "ObjectiveOutcome",
    "Participant",
    "PracticeObserved",
    "TripReport",
]
