"""Input of the atlas pages: search, the review queue filter, a name, a new city."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import FloatField, IntegerField

from .models import Country, ReviewAction


class SearchForm(forms.Form):
    q = forms.CharField(label=_("City"), max_length=100, required=False)
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.order_by("name_en"),
        to_field_name="code",
        required=False,
        empty_label=_("All countries"),
    )


class ReviewFilterForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.order_by("name_en"),
        to_field_name="code",
        required=False,
        empty_label=_("All countries"),
    )
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
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.order_by("name_en"),
        to_field_name="code",
        required=False,
    )
    lat = FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    lon = FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180)
    population = IntegerField(label=_("Population"), required=False, min_value=0)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if (data.get("lat") is None) != (data.get("lon") is None):
            raise forms.ValidationError(_("Give both latitude and longitude, or neither."))
        return data
