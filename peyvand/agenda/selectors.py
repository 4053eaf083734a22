"""Reads of the calendar: a month as weeks of days (Jalali months in Persian, Gregorian in
English), and the agenda: the days ahead with their items."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import jdatetime
from django.utils.dates import MONTHS, WEEKDAYS_ABBR

from peyvand.accounts.calendar import CalendarItem, calendar_items, calendar_kinds
from peyvand.accounts.models import Office
from peyvand.core.dates import JALALI_MONTHS, format_input
from peyvand.core.text import ascii_digits

# Items a day's cell shows before "n more" (the agenda of that day shows them all).
DAY_ITEMS = 4
AGENDA_DAYS = 60
# The widest range one read spans (the API's start..end).
MAX_RANGE_DAYS = 400


@dataclass
class Day:
    date: dt.date
    number: int  # the day of the month in the page's calendar
    in_month: bool
    today: bool
    items: list[CalendarItem] = field(default_factory=list)

    @property
    def param(self) -> str:
        return date_param(self.date)

    @property
    def shown(self) -> list[CalendarItem]:
        return self.items[:DAY_ITEMS]

    @property
    def more(self) -> int:
        return max(len(self.items) - DAY_ITEMS, 0)


@dataclass
class Month:
    year: int
    month: int  # in the page's calendar
    title: str
    weekdays: list[str]
    weeks: list[list[Day]]
    previous: tuple[int, int]
    next: tuple[int, int]
    count: int


@dataclass(frozen=True)
class AgendaRow:
    item: CalendarItem
    label: str  # the kind's name


def date_param(day: dt.date) -> str:
    """A day as the calendar's `start` field reads it in the page's language."""
    return ascii_digits(format_input(day))


def current_month(today: dt.date, persian: bool) -> tuple[int, int]:
    if persian:
        j = jdatetime.date.fromgregorian(date=today)
        return j.year, j.month
    return today.year, today.month


def _bounds(year: int, month: int, persian: bool) -> tuple[dt.date, dt.date]:
    """The first and last Gregorian day of the page's month."""
    if persian:
        first = jdatetime.date(year, month, 1).togregorian()
        ny, nm = (year + 1, 1) if month == 12 else (year, month + 1)
        return first, jdatetime.date(ny, nm, 1).togregorian() - dt.timedelta(days=1)
    first = dt.date(year, month, 1)
    ny, nm = (year + 1, 1) if month == 12 else (year, month + 1)
    return first, dt.date(ny, nm, 1) - dt.timedelta(days=1)


def _step(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day_number(day: dt.date, persian: bool) -> int:
    return jdatetime.date.fromgregorian(date=day).day if persian else day.day


def month_view(
    office: Office,
    year: int,
    month: int,
    *,
    persian: bool,
    today: dt.date,
    kinds: Iterable[str] | None = None,
) -> Month:
    """The month's weeks, from Saturday in Persian and from Monday in English."""
    first, last = _bounds(year, month, persian)
    week_start = 5 if persian else 0  # date.weekday(): Monday 0 ... Saturday 5
    start = first - dt.timedelta(days=(first.weekday() - week_start) % 7)
    end = last + dt.timedelta(days=(week_start + 6 - last.weekday()) % 7)
    items = calendar_items(office, start, end, kinds)
    by_day: dict[dt.date, list[CalendarItem]] = defaultdict(list)
    for item in items:
        day = max(item.start, start)
        while day <= min(item.end, end):
            by_day[day].append(item)
            day += dt.timedelta(days=1)
    weeks: list[list[Day]] = []
    day = start
    while day <= end:
        weeks.append(
            [
                Day(
                    date=d,
                    number=_day_number(d, persian),
                    in_month=first <= d <= last,
                    today=d == today,
                    items=by_day.get(d, []),
                )
                for d in (day + dt.timedelta(days=i) for i in range(7))
            ]
        )
        day += dt.timedelta(days=7)
    order = [(week_start + i) % 7 for i in range(7)]
    name = JALALI_MONTHS[month - 1] if persian else str(MONTHS[month])
    return Month(
        year=year,
        month=month,
        title=f"{name} {year}",
        weekdays=[str(WEEKDAYS_ABBR[i]) for i in order],
        weeks=weeks,
        previous=_step(year, month, -1),
        next=_step(year, month, 1),
        count=len({i.uid for i in items if i.start <= last and i.end >= first}),
    )


def agenda(
    office: Office, start: dt.date, *, days: int = AGENDA_DAYS, kinds: Iterable[str] | None = None
) -> list[tuple[dt.date, list[AgendaRow]]]:
    """The days from `start` on that have items, each with its items (an item spanning
    several days is listed on its first day in the range)."""
    end = start + dt.timedelta(days=days - 1)
    labels = {k.kind: str(k.label) for k in calendar_kinds()}
    grouped: dict[dt.date, list[AgendaRow]] = defaultdict(list)
    for item in calendar_items(office, start, end, kinds):
        grouped[max(item.start, start)].append(AgendaRow(item, labels[item.kind]))
    return sorted(grouped.items())


def check_range(start: dt.date, end: dt.date) -> None:
    """A range one read may span: start on or before end, at most MAX_RANGE_DAYS days."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if end < start:
        raise ValidationError({"end": [_("The end must not be before the start.")]})
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise ValidationError(
            {"end": [_("Ask for at most %(days)s days at a time.") % {"days": MAX_RANGE_DAYS}]}
        )
