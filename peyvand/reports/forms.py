"""The request for a report: its year (in the chosen calendar), calendar and language.
Parsing only: the rules (the years each calendar offers) are the service's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.core.dates import is_persian
from peyvand.core.forms import IntegerField

from .models import ReportCalendar, ReportLanguage
from .periods import current_year


class ReportForm(forms.Form):
    calendar = forms.ChoiceField(
        label=_("Calendar"), choices=ReportCalendar.choices, widget=forms.RadioSelect
    )
    year = IntegerField(label=_("Year"))
    language = forms.ChoiceField(
        label=_("Language of the report"), choices=ReportLanguage.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        calendar = ReportCalendar.JALALI if is_persian() else ReportCalendar.GREGORIAN
        kwargs.setdefault(
            "initial",
            {
                "calendar": calendar,
                "year": current_year(calendar, today),
                "language": ReportLanguage.FA if is_persian() else ReportLanguage.EN,
            },
        )
        super().__init__(*args, **kwargs)
        # The year a change of calendar puts in the field (reports.js), in either calendar.
        self.fields["year"].widget.attrs.update(
            {
                "data-year-jalali": current_year(ReportCalendar.JALALI, today),
                "data-year-gregorian": current_year(ReportCalendar.GREGORIAN, today),
                "maxlength": 4,
            }
        )
