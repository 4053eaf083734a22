"""Form fields shared by every app."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .dates import InvalidDate, format_input, is_persian, parse_iso, parse_jalali
from .text import number_input, to_persian_digits


class JalaliDateInput(forms.TextInput):
    """A text input: with the Jalali picker in fa (typing works too), a date input in en."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = dict(attrs or {})
        if is_persian():
            attrs.update(
                {
                    "data-jdp": "",
                    "placeholder": "۱۴۰۳/۰۱/۱۵",
                    "inputmode": "numeric",
                    "autocomplete": "off",
                    "dir": "ltr",
                }
            )
            self.input_type = "text"
        else:
            attrs.setdefault("placeholder", "2024-04-03")
            self.input_type = "date"
        return super().get_context(name, value, attrs)

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return format_input(value)
        shown: str | None = super().format_value(value)
        return shown


class DigitsInput(forms.TextInput):
    """A number field's input. A text input, not `type=number`: a browser's number input
    throws away Persian and Arabic digits (۱۲ arrives empty). The server reads any digits
    (`number_input`), the phone shows its number pad (`inputmode`), and the Persian page
    shows the value in Persian digits."""

    def __init__(self, attrs: dict[str, Any] | None = None, *, decimal: bool = False) -> None:
        base = {"inputmode": "decimal" if decimal else "numeric", "dir": "ltr"}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        shown: str | None = super().format_value(value)
        if shown and is_persian():
            return to_persian_digits(shown)
        return shown

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = super().value_from_datadict(data, files, name)
        return number_input(value) if isinstance(value, str) else value


class IntegerField(forms.IntegerField):
    """An integer typed in Persian, Arabic or Latin digits."""

    widget = DigitsInput


class DecimalField(forms.DecimalField):
    """A decimal typed in Persian, Arabic or Latin digits (٫ or . before the fraction)."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("widget", DigitsInput(decimal=True))
        super().__init__(**options)


class FloatField(forms.FloatField):
    """A decimal number (coordinates) typed in Persian, Arabic or Latin digits."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("widget", DigitsInput(decimal=True))
        super().__init__(**options)


class JalaliDateField(forms.Field):
    """Accepts Jalali dates (۱۴۰۰/۰۵/۲۳ or 1400/05/23) in fa and ISO dates in en."""

    widget = JalaliDateInput
    default_error_messages = {"invalid": _("Enter a valid date.")}

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = str(value)
        try:
            if is_persian():
                # An ISO date (e.g. from a browser date input) is recognised by its year.
                year = text.strip()[:4]
                if year.isdigit() and int(year) > 1700:
                    return parse_iso(text)
                return parse_jalali(text)
            return parse_iso(text)
        except InvalidDate as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


def apply_service_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Attach a service's `ValidationError` to the form: each field's errors to that field
    when the form has it, the rest (and errors without a field) to the form itself."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def bilingual_pair(
    label_fa: Any, label_en: Any, *, rows: int | None = None, **options: Any
) -> tuple[forms.CharField, forms.CharField]:
    """The Persian and English fields of one bilingual value (`name_fa, name_en = ...`):
    each input says its language and direction, so an English name is typed left to right
    on a Persian page and the other way round. `rows` makes them text areas."""

    def field(label: Any, lang: str, direction: str) -> forms.CharField:
        attrs = {"lang": lang, "dir": direction}
        widget = forms.Textarea(attrs={"rows": rows, **attrs}) if rows else forms.TextInput(attrs)
        return forms.CharField(label=label, widget=widget, **options)

    return field(label_fa, "fa", "rtl"), field(label_en, "en", "ltr")


def limit_choices(form: forms.BaseForm, name: str, queryset: Any) -> None:
    """Offer only `queryset` in the form's model choice field `name` (this office's rows)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # ModelMultipleChoiceField too
    field.queryset = queryset


class DateRangeForm(forms.Form):
    """A list's `start`/`end` filter: Jalali dates in fa, ISO dates in en, and ISO dates
    in either language (the links the dashboard's figures make are the same in both).
    `shown()` gives the form to render: the dates in the page's calendar."""

    start = JalaliDateField(label=_("From"), required=False)
    end = JalaliDateField(label=_("To"), required=False)

    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        """The range asked for; a date that cannot be read is left out (a list filter
        shows everything rather than an error page)."""
        if not self.is_bound:
            return None, None
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("start"), data.get("end")

    def shown(self) -> DateRangeForm:
        start, end = self.dates()
        return DateRangeForm(initial={"start": start, "end": end}, prefix=self.prefix)
