"""The search page's query: parsing only (the bounds of what is read)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import IntegerField, JalaliDateField

from .query import QUERY_MAX


class SearchForm(forms.Form):
    """GET q, type (repeatable), area, city (the city's public id), from, to."""

    q = forms.CharField(label=_("Search"), required=False, max_length=QUERY_MAX, strip=True)
    type = forms.MultipleChoiceField(label=_("Type"), required=False)
    area = IntegerField(label=_("Area"), required=False, min_value=1, max_value=2**31 - 1)
    city = forms.CharField(label=_("City"), required=False, max_length=40)

    def __init__(self, *args: Any, kinds: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        type_field = self.fields["type"]
        assert isinstance(type_field, forms.MultipleChoiceField)
        type_field.choices = kinds
        # `from` is a Python keyword: the date fields are added by name.
        self.fields["from"] = JalaliDateField(label=_("From"), required=False)
        self.fields["to"] = JalaliDateField(label=_("To"), required=False)
