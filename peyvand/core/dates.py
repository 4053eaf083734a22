"""Jalali (Solar Hijri) dates for the Persian UI; Gregorian for English."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import jdatetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .text import ascii_digits, to_persian_digits

JALALI_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)

_DATE_RE = re.compile(r"^\s*(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


class InvalidDate(ValueError):
    """Raised with a translated message for a date that cannot exist or cannot be read."""


def is_persian() -> bool:
    return (get_language() or "fa").startswith("fa")


def to_jalali(value: dt.date) -> jdatetime.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    return jdatetime.date.fromgregorian(date=value)


def format_date(value: dt.date | None, *, long: bool = False) -> str:
    """Jalali with Persian digits in fa (1400/05/23 -> ۱۴۰۰/۰۵/۲۳), ISO date in en."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    if is_persian():
        j = to_jalali(value)
        if long:
            return to_persian_digits(f"{j.day} {JALALI_MONTHS[j.month - 1]} {j.year}")
        return to_persian_digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}")
    if long:
        return f"{value.day} {value.strftime('%B')} {value.year}"
    return value.isoformat()


def format_other_calendar(value: dt.date) -> str:
    """The day in the calendar the page does not use, for letters abroad and readers
    abroad: Gregorian (month in Persian) on a Persian page, Solar Hijri on an English one."""
    from django.utils.dates import MONTHS

    if is_persian():
        return to_persian_digits(f"{value.day} {MONTHS[value.month]} {value.year}")
    j = to_jalali(value)
    return f"{j.day} {jdatetime.date.j_months_en[j.month - 1]} {j.year}"


def parse_jalali(text: str) -> dt.date:
    """Parse 1400/05/23 or ۱۴۰۰/۰۵/۲۳ (any of / - . as separator) into a Gregorian date."""
    match = _DATE_RE.match(ascii_digits(text or ""))
    if not match:
        raise InvalidDate(_("Enter a date as year/month/day, for example 1403/01/15."))
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise InvalidDate(
            _("There is no month %(month)s in the Persian calendar.") % {"month": month}
        )
    try:
        gregorian: dt.date = jdatetime.date(year, month, day).togregorian()
        return gregorian
    except ValueError:
        raise InvalidDate(
            _("The date %(date)s does not exist in the Persian calendar.")
            % {"date": f"{year:04d}/{month:02d}/{day:02d}"}
        ) from None


def parse_iso(text: str) -> dt.date:
    match = _DATE_RE.match(ascii_digits(text or ""))
    if not match:
        raise InvalidDate(_("Enter a date as year-month-day, for example 2024-04-03."))
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidDate(
            _("The date %(date)s does not exist.") % {"date": f"{year:04d}-{month:02d}-{day:02d}"}
        ) from None


def format_input(value: dt.date | None) -> str:
    """The value a date input shows: Jalali ۱۴۰۰/۰۵/۲۳ in fa, ISO in en."""
    if value is None:
        return ""
    if is_persian():
        j = to_jalali(value)
        return to_persian_digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}")
    return value.isoformat()


# ---------------------------------------------------------------- years

JALALI = "jalali"
GREGORIAN = "gregorian"
CALENDARS = (JALALI, GREGORIAN)


@dataclasses.dataclass(frozen=True)
class YearSpan:
    """One year of a calendar as Gregorian days: `start` and `end` both included."""

    calendar: str  # JALALI or GREGORIAN
    year: int  # in that calendar (1404, or 2025)
    start: dt.date
    end: dt.date

    def previous(self) -> YearSpan:
        return year_span(self.calendar, self.year - 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def calendar_of(language: str | None) -> str:
    """The calendar a language counts years in: Jalali in Persian, Gregorian otherwise."""
    return JALALI if (language or "fa").startswith("fa") else GREGORIAN


def year_span(calendar: str, year: int) -> YearSpan:
    """The days of `year` in `calendar`: 1404 in Jalali is 2025-03-21..2026-03-20."""
    if calendar == JALALI:
        start = jdatetime.date(year, 1, 1).togregorian()
        end = jdatetime.date(year + 1, 1, 1).togregorian() - dt.timedelta(days=1)
        return YearSpan(JALALI, year, start, end)
    return YearSpan(GREGORIAN, year, dt.date(year, 1, 1), dt.date(year, 12, 31))


def current_year(calendar: str, today: dt.date) -> YearSpan:
    """The year of `calendar` that `today` falls in."""
    year = to_jalali(today).year if calendar == JALALI else today.year
    return year_span(calendar, year)


def language_year(language: str | None, today: dt.date) -> YearSpan:
    """The year `today` falls in, in the calendar of `language` (the one function every
    yearly figure asks: the dashboard, its API and the annual report)."""
    return current_year(calendar_of(language), today)
