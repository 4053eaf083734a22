"""The span of a report's year in either calendar, its months, and how its dates read.

A Jalali year runs from 1 Farvardin to the last day of Esfand (29, or 30 in a leap year);
the database holds Gregorian dates, so every query of the report runs over the Gregorian
span of the year asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jdatetime
from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from peyvand.core.dates import JALALI_MONTHS

from .models import ReportCalendar


@dataclass(frozen=True)
class Month:
    number: int
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Period:
    year: int
    calendar: str
    start: dt.date
    end: dt.date  # the year's last day, included
    months: tuple[Month, ...]

    @property
    def jalali(self) -> bool:
        return self.calendar == ReportCalendar.JALALI


def _jalali_month(year: int, month: int) -> Month:
    start = jdatetime.date(year, month, 1)
    following = (
        jdatetime.date(year + 1, 1, 1) if month == 12 else jdatetime.date(year, month + 1, 1)
    )
    return Month(month, start.togregorian(), following.togregorian() - dt.timedelta(days=1))


def _gregorian_month(year: int, month: int) -> Month:
    start = dt.date(year, month, 1)
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return Month(month, start, following - dt.timedelta(days=1))


def period_of(year: int, calendar: str) -> Period:
    """The Gregorian span of `year` in `calendar` and its twelve months."""
    if calendar == ReportCalendar.JALALI:
        months = tuple(_jalali_month(year, m) for m in range(1, 13))
    else:
        months = tuple(_gregorian_month(year, m) for m in range(1, 13))
    return Period(year, calendar, months[0].start, months[-1].end, months)


def current_year(calendar: str, today: dt.date) -> int:
    """The year `today` falls in, in `calendar`."""
    if calendar == ReportCalendar.JALALI:
        return int(jdatetime.date.fromgregorian(date=today).year)
    return today.year


def month_name(calendar: str, number: int) -> str:
    """Farvardin... or January... in the active language (Persian names in fa, the
    Gregorian ones through Django's own translated names)."""
    if calendar == ReportCalendar.JALALI:
        if (get_language() or "fa").startswith("fa"):
            return JALALI_MONTHS[number - 1]
        return str(jdatetime.date.j_months_en[number - 1])
    return str(MONTHS[number])


def format_day(value: dt.date | None, calendar: str, *, long: bool = False) -> str:
    """A day in the report's calendar, with Latin digits (a Persian report's HTML and texts
    turn them Persian once, on their way out): 1404/01/15 or 2025-04-04; long, 15 Farvardin
    1404 (Persian names in fa) or 4 April 2025."""
    if value is None:
        return ""
    if calendar == ReportCalendar.JALALI:
        j = jdatetime.date.fromgregorian(date=value)
        if long:
            return f"{j.day} {month_name(calendar, j.month)} {j.year}"
        return f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    if long:
        return f"{value.day} {MONTHS[value.month]} {value.year}"
    return value.isoformat()


def period_text(period: Period) -> str:
    """The span in the report's calendar, then in the other: "1 Farvardin 1404 to 30
    Esfand 1404 (21 March 2025 to 20 March 2026)"."""
    other = ReportCalendar.GREGORIAN if period.jalali else ReportCalendar.JALALI
    return _("%(start)s to %(end)s (%(other_start)s to %(other_end)s)") % {
        "start": format_day(period.start, period.calendar, long=True),
        "end": format_day(period.end, period.calendar, long=True),
        "other_start": format_day(period.start, other, long=True),
        "other_end": format_day(period.end, other, long=True),
    }


def list_separator() -> str:
    """Between the items of a list in a sentence: the Persian comma in fa."""
    return "، " if (get_language() or "fa").startswith("fa") else ", "
