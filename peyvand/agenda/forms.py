"""The calendar's filters: which month (in the page's calendar) or which first day, and
which kinds of item."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.calendar import calendar_kinds
from peyvand.core.dates import is_persian
from peyvand.core.forms import IntegerField, JalaliDateField

# The years the calendars span (1900-2100 in either).
JALALI_YEARS = (1279, 1479)
GREGORIAN_YEARS = (1900, 2100)


def kind_choices() -> list[tuple[str, str]]:
    return [(k.kind, str(k.label)) for k in calendar_kinds()]


class CalendarForm(forms.Form):
    y = IntegerField(label=_("Year"), required=False)
    m = IntegerField(label=_("Month"), min_value=1, max_value=12, required=False)
    start = JalaliDateField(label=_("From"), required=False)
    kind = forms.MultipleChoiceField(
        label=_("Show"),
        choices=kind_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_y(self) -> int | None:
        year: int | None = self.cleaned_data.get("y")
        low, high = JALALI_YEARS if is_persian() else GREGORIAN_YEARS
        if year is not None and not low <= year <= high:
            raise forms.ValidationError(
                _("Choose a year from %(low)s to %(high)s."), params={"low": low, "high": high}
            )
        return year

    def kinds(self) -> list[str] | None:
        """The kinds asked for; None (every kind) when none is ticked."""
        data: dict[str, Any] = self.cleaned_data if self.is_valid() else {}
        return data.get("kind") or None
