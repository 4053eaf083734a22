"""Forms of the partner-discovery pages."""

from __future__ import annotations

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import IntegerField
from peyvand.places.forms import CountryField
from peyvand.places.models import Continent

from ..goals import area_choices
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
    k = IntegerField(label=_("How many"), min_value=1, max_value=100, required=False)
    areas = forms.MultipleChoiceField(
        label=_("Goal areas"),
        choices=area_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Cities your practices and activities tie to these areas rank higher."),
    )


MAX_PEERS = 30
CODE_MAX = 80  # City.code's max_length


def peer_codes(data: QueryDict) -> list[str]:
    """The peer city ids of a request: repeated `peer` (the search box's checkboxes) and
    the older comma-separated `peers`; distinct, in order, bounded (the lookup refuses the
    ids that name no city)."""
    raw = [*data.getlist("peer"), *data.get("peers", "").split(",")]
    out: list[str] = []
    for code in (c.strip() for c in raw):
        if code and len(code) <= CODE_MAX and "\x00" not in code and code not in out:
            out.append(code)
    return out[:MAX_PEERS]
