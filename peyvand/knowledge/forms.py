"""Forms of the practice pages: they parse what is typed (choices offered, lists of tags,
the city's public id); the rules are the services'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Department, Office
from peyvand.core.forms import bilingual_pair, limit_choices
from peyvand.missions.forms.contacts import city_field, split_list
from peyvand.missions.forms.missions import NamedChoiceField, PactChoiceField
from peyvand.missions.models import Contact, Mission
from peyvand.partnerships.forms.fields import areas_field
from peyvand.partnerships.models import Partnership
from peyvand.records.forms import VersionField, version_optional_when_creating

from .models import (
    SDG_GOALS,
    CostBand,
    Practice,
    PracticeDocumentKind,
    Transferability,
)


def sdg_choices() -> list[tuple[int, str]]:
    return [(n, f"{n}. {label}") for n, label in SDG_GOALS.items()]


class NamedMultipleChoiceField(forms.ModelMultipleChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(getattr(obj, "title", None) or getattr(obj, "name", None) or obj)


class PracticeForm(forms.Form):
    title_fa, title_en = bilingual_pair(_("Title (Persian)"), _("Title (English)"), required=False)
    summary_fa, summary_en = bilingual_pair(
        _("Summary (Persian)"), _("Summary (English)"), rows=3, required=False
    )
    body_fa, body_en = bilingual_pair(
        _("Description (Persian)"), _("Description (English)"), rows=6, required=False
    )
    source_city = city_field(_("Source city"))
    source_link = forms.CharField(
        label=_("Source link"),
        required=False,
        widget=forms.URLInput(attrs={"dir": "ltr", "lang": "en"}),
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        help_text=_("What shows that the practice works: figures, evaluations, awards."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    cost_band = forms.ChoiceField(
        label=_("Cost"), required=False, choices=[("", _("Not known")), *CostBand.choices]
    )
    transferability = forms.ChoiceField(
        label=_("Transferability"),
        required=False,
        choices=[("", _("Not known")), *Transferability.choices],
    )
    areas = areas_field()
    sdgs = forms.TypedMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        required=False,
        coerce=int,
        choices=sdg_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        help_text=_("Short words separated by commas, such as mobility, pilot-2026."),
    )
    department = NamedChoiceField(
        label=_("Owner department"), queryset=Department.objects.none(), required=False
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    partnerships = PactChoiceField(
        label=_("Partnerships it came from"),
        queryset=Partnership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    missions = NamedMultipleChoiceField(
        label=_("Missions it came from"),
        queryset=Mission.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    contacts = NamedMultipleChoiceField(
        label=_("Contacts it came from"),
        queryset=Contact.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    observation = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    version = VersionField()

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)
        limit_choices(self, "department", Department.objects.filter(office=office))
        limit_choices(
            self,
            "partnerships",
            Partnership.objects.for_office(office)
            .filter(archived=False)
            .select_related("partner_city")
            .order_by("partner_city__name_en"),
        )
        limit_choices(
            self, "missions", Mission.objects.for_office(office).order_by("-start_date", "-pk")
        )
        limit_choices(self, "contacts", Contact.objects.for_office(office))

    def clean_tags(self) -> list[str]:
        return split_list(self.cleaned_data.get("tags") or "")

    @staticmethod
    def initial_from(p: Practice) -> dict[str, Any]:
        return {
            **{
                name: getattr(p, name)
                for name in (
                    "title_fa",
                    "title_en",
                    "summary_fa",
                    "summary_en",
                    "body_fa",
                    "body_en",
                    "source_link",
                    "evidence",
                    "cost_band",
                    "transferability",
                    "department",
                    "notes",
                )
            },
            "source_city": p.source_city.code if p.source_city else "",
            "sdgs": p.sdg_goals,
            "tags": ", ".join(p.tags),
            "areas": list(p.areas.all()),
            "partnerships": list(p.partnerships.all()),
            "missions": list(p.missions.all()),
            "contacts": list(p.contacts.all()),
            "version": p.version,
        }

    def service_data(self) -> dict[str, Any]:
        """The values the services take (fields and relations; not the observation)."""
        data = dict(self.cleaned_data)
        for name in ("version", "observation"):
            data.pop(name, None)
        data["sdgs"] = list(data.get("sdgs") or [])
        for name in ("areas", "partnerships", "missions", "contacts"):
            data[name] = list(data.get(name) or [])
        return data


class MoveForm(forms.Form):
    stage = forms.CharField(max_length=20)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = VersionField()


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=PracticeDocumentKind.choices)
    file = forms.FileField(label=_("File"))


class ConfirmForm(forms.Form):
    version = VersionField()
