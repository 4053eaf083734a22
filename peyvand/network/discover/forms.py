"""Forms of the partner-discovery pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.places.forms import CountryField
from peyvand.places.models import Continent

from ..models import Relations, TravelAdvice, VisaDifficulty


class CountryNoteForm(forms.Form):
    country = CountryField(label=_("Country"))
    relations = forms.ChoiceField(label=_("Relations"), choices=Relations.choices)
    payment_sanctions = forms.BooleanField(label=_("Sanctions on payments"), required=False)
    visa = forms.ChoiceField(label=_("Visa difficulty"), choices=VisaDifficulty.choices)
    travel_advice = forms.ChoiceField(label=_("Travel advice"), choices=TravelAdvice.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class SuggestionFilterForm(forms.Form):
    city = forms.CharField(label=_("City"), required=False, max_length=200)
    country = CountryField(label=_("Country"), required=False, empty_label=_("Any country"))
    continent = forms.ChoiceField(
        label=_("Continent"),
        choices=[("", _("Any continent")), *Continent.choices],
        required=False,
    )
    exclude_flagged = forms.BooleanField(label=_("Hide flagged countries"), required=False)
    k = forms.IntegerField(label=_("How many"), min_value=1, max_value=100, required=False)
