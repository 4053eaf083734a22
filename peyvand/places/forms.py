"""Input of the atlas pages: search, the review queue filter, a name, a new city."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import FloatField, IntegerField

from .models import Country, ReviewAction
from .selectors import countries_by_name


class _CountriesByName(ModelChoiceIterator):
    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for country in countries_by_name(self.queryset):
            yield self.choice(country)


class CountryField(forms.ModelChoiceField):
    """Every country by its code, listed by name in the active language's alphabet."""

    iterator = _CountriesByName

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=Country.objects.all(), to_field_name="code", **kwargs)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("City"), max_length=100, required=False)
    country = CountryField(label=_("Country"), required=False, empty_label=_("All countries"))


class ReviewFilterForm(forms.Form):
    country = CountryField(label=_("Country"), required=False, empty_label=_("All countries"))
    suggested = forms.BooleanField(label=_("Only cities with a suggestion"), required=False)


class ConfirmNameForm(forms.Form):
    name = forms.CharField(label=_("Persian name"), max_length=200)
    action = forms.ChoiceField(
        choices=[
            (ReviewAction.SUGGESTION, ReviewAction.SUGGESTION.label),
            (ReviewAction.CANDIDATE, ReviewAction.CANDIDATE.label),
            (ReviewAction.TYPED, ReviewAction.TYPED.label),
        ],
        initial=ReviewAction.TYPED,
    )


class CityAddForm(forms.Form):
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_fa = forms.CharField(label=_("Name (Persian)"), max_length=200, required=False)
    country = CountryField(label=_("Country"), required=False)
    lat = FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    lon = FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180)
    population = IntegerField(label=_("Population"), required=False, min_value=0)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if (data.get("lat") is None) != (data.get("lon") is None):
            raise forms.ValidationError(_("Give both latitude and longitude, or neither."))
        return data
