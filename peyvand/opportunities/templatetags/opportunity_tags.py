"""Template filters of the opportunities pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from peyvand.core.templatetags.peyvand import num

register = template.Library()


@register.filter
def money(value: Any) -> str:
    """A whole amount grouped by thousands, in the reader's digits ("" for none)."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal) and not value.is_finite():
        return str(value)
    return num(int(value))
