"""What needs an office's attention, from every module, in one list.

Each module registers a source from its `AppConfig.ready()`: a function of (office, today)
that returns its alerts. The office home page and `GET /api/v1/offices/{slug}/alerts` read
them all through `office_alerts`, most urgent first. A source reads stored values (a due
date, a projected day); it never computes a score per request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .models import Office


@dataclass(frozen=True)
class OfficeAlert:
    kind: str  # "fee_due", "obligation_overdue", "mission_unreported", "overdue"...
    message: str  # one translated sentence naming the record
    due_date: dt.date  # the day it concerns
    url: str  # the page where it is dealt with
    module: str = ""  # the app label of its source
    urgent: bool = False  # overdue or past: shown in red


AlertSource = Callable[[Office, dt.date], list[OfficeAlert]]
_sources: dict[str, AlertSource] = {}


def register_alerts(module: str, source: AlertSource) -> None:
    """A module's alerts (from its AppConfig.ready)."""
    _sources[module] = source


def office_alerts(office: Office, today: dt.date) -> list[OfficeAlert]:
    """Every module's alerts, by the day they concern (the oldest overdue first)."""
    alerts = [a for source in _sources.values() for a in source(office, today)]
    alerts.sort(key=lambda a: (a.due_date, a.module, a.kind, a.url))
    return alerts
