"""What happens on which day in an office, from every module, in one list.

Each module registers the kinds of dated things it keeps from its `AppConfig.ready()`:
`register_calendar(kind, label, source, order=...)` where `source(office, start, end)` returns that
kind's items touching the days start..end (inclusive), read from stored dates with one
bounded query. The calendar pages, the iCal feed and `GET .../calendar` read them all
through `calendar_items`. An item's `uid` is stable for as long as the record lives (a
calendar app updates the event instead of adding a second one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise

from .models import Office


@dataclass(frozen=True)
class CalendarItem:
    kind: str  # "event", "mission", "commitment", "fee", "obligation", "anniversary"...
    uid: str  # stable: "<kind>-<pk>" (+ "-<year>" for a yearly item)
    title: str  # in the active language
    start: dt.date
    end: dt.date  # inclusive (a one-day item ends where it starts)
    url: str  # the record's page (a path)
    detail: str = ""  # a short second line: a place, a status


CalendarSource = Callable[[Office, dt.date, dt.date], list[CalendarItem]]


@dataclass(frozen=True)
class CalendarKind:
    kind: str
    label: str | Promise
    source: CalendarSource
    order: int  # where the kind stands in filters and among a day's items


_kinds: dict[str, CalendarKind] = {}


def register_calendar(
    kind: str, label: str | Promise, source: CalendarSource, *, order: int
) -> None:
    """A kind of dated item of a module (from its AppConfig.ready)."""
    _kinds[kind] = CalendarKind(kind, label, source, order)


def calendar_kinds() -> list[CalendarKind]:
    return sorted(_kinds.values(), key=lambda k: (k.order, k.kind))


def calendar_items(
    office: Office, start: dt.date, end: dt.date, kinds: Iterable[str] | None = None
) -> list[CalendarItem]:
    """Every registered kind's items touching start..end, by day, then kind and title."""
    wanted = set(kinds) if kinds is not None else set(_kinds)
    items = [
        item
        for entry in _kinds.values()
        if entry.kind in wanted
        for item in entry.source(office, start, end)
    ]
    items.sort(key=lambda i: (i.start, i.end, _kinds[i.kind].order, i.title, i.uid))
    return items
