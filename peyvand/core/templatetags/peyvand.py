"""Template filters used everywhere (registered as builtins in settings)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from peyvand.core.dates import format_date, format_other_calendar
from peyvand.core.forms import JalaliDateInput
from peyvand.core.i18n import bilingual
from peyvand.core.text import to_persian_digits

register = template.Library()


@register.filter
def jdate(value: dt.date | dt.datetime | None, style: str = "") -> str:
    """Jalali with Persian digits in fa, Gregorian in en. `|jdate:"long"` spells the month;
    `|jdate:"other"` is the other calendar (Gregorian in fa, Solar Hijri in en)."""
    if style == "other":
        return format_other_calendar(value) if value is not None else ""
    return format_date(value, long=style == "long")


@register.filter
def num(value: Any) -> str:
    """A number with grouping, in Persian digits in fa."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        text = f"{value:,.1f}".rstrip("0").rstrip(".")
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    if (get_language() or "fa").startswith("fa"):
        return to_persian_digits(text)
    return text


@register.filter
def tr(obj: Any, field: str) -> str:
    """`{{ office|tr:"name" }}` reads name_fa / name_en for the active language."""
    return bilingual(obj, field)


@register.simple_tag
def today() -> dt.date:
    return timezone.localdate()


@register.simple_tag
def date_input(name: str, value: Any, *id_parts: Any) -> SafeString:
    """A date input outside a Django form (a row's inline form): the same widget as
    `JalaliDateField`'s, Jalali with the picker and Persian digits in fa, a date input in
    en; `value` is a date or the text the user posted; the id is `id_parts` joined
    (`{% date_input "done_on" c.done_on "ev-done-" c.pk %}`)."""
    attrs = {"id": "".join(str(part) for part in id_parts)} if id_parts else None
    return JalaliDateInput().render(name, value or None, attrs)
