"""Forms of missions: the mission itself, a workflow action, a document, the trip report.
They parse what is typed (Persian digits, Jalali dates, choices offered); the rules are
the services'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Department, Office
from peyvand.core.forms import DecimalField, IntegerField, JalaliDateField, bilingual_pair
from peyvand.partnerships.forms.fields import PartnerCityField
from peyvand.partnerships.models import Partnership
from peyvand.places.models import City
from peyvand.records.forms import VersionField, version_optional_when_creating

from ..models import (
    Contact,
    Direction,
    Event,
    Mission,
    MissionDocumentKind,
    ObjectiveOutcome,
)


def _pacts(office: Office) -> Any:
    return (
        Partnership.objects.for_office(office)
        .filter(archived=False)
        .select_related("partner_city")
        .order_by("partner_city__name_en")
    )


class PactChoiceField(forms.ModelMultipleChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.partner_city.name)


class PactField(forms.ModelChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.partner_city.name)


class NamedChoiceField(forms.ModelChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(getattr(obj, "name", None) or getattr(obj, "title", None) or obj)


class CityChoiceField(forms.ModelMultipleChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class MissionForm(forms.Form):
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    title_fa, title_en = bilingual_pair(_("Title (Persian)"), _("Title (English)"), required=False)
    purpose = forms.CharField(
        label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    start_date = JalaliDateField(label=_("Start date"))
    end_date = JalaliDateField(label=_("End date"))
    event = NamedChoiceField(label=_("Event"), queryset=Event.objects.none(), required=False)
    partnerships = PactChoiceField(
        label=_("Partnerships"),
        queryset=Partnership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cities = CityChoiceField(
        label=_("Cities visited or visiting from"),
        queryset=City.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partner = PartnerCityField(label=_("Another city"), max_length=80, required=False)
    objectives = forms.CharField(
        label=_("Objectives"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One objective per line."),
    )
    budget_planned = DecimalField(
        label=_("Planned budget"), required=False, max_digits=14, decimal_places=2
    )
    budget_actual = DecimalField(
        label=_("Actual spend"), required=False, max_digits=14, decimal_places=2
    )
    budget_currency = forms.CharField(label=_("Currency"), required=False, max_length=3)
    public_summary_fa, public_summary_en = bilingual_pair(
        _("Public summary (Persian)"), _("Public summary (English)"), rows=2, required=False
    )
    version = VersionField()

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)
        pacts = _pacts(office)
        fields: Any = self.fields
        fields["partnerships"].queryset = pacts
        fields["event"].queryset = Event.objects.for_office(office).order_by("-starts_on")
        # The cities offered: the partners' and the events' host cities (another city
        # is found with the type-ahead).
        fields["cities"].queryset = City.objects.filter(
            pk__in=[*pacts.values_list("partner_city", flat=True)]
        ).order_by("name_en") | City.objects.filter(
            pk__in=Event.objects.for_office(office).values("host_city")
        )

    def objective_list(self) -> list[str]:
        text = self.cleaned_data.get("objectives") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def city_list(self) -> list[City]:
        chosen = list(self.cleaned_data.get("cities") or [])
        extra = self.cleaned_data.get("partner")
        if extra is not None and extra not in chosen:
            chosen.append(extra)
        return chosen

    @staticmethod
    def initial_from(m: Mission) -> dict[str, Any]:
        return {
            "direction": m.direction,
            "title_fa": m.title_fa,
            "title_en": m.title_en,
            "purpose": m.purpose,
            "start_date": m.start_date,
            "end_date": m.end_date,
            "event": m.event,
            "partnerships": list(m.partnerships.all()),
            "cities": list(m.cities.all()),
            "objectives": "\n".join(o.text for o in m.objectives.all()),
            "budget_planned": m.budget_planned,
            "budget_actual": m.budget_actual,
            "budget_currency": m.budget_currency,
            "public_summary_fa": m.public_summary_fa,
            "public_summary_en": m.public_summary_en,
            "version": m.version,
        }


class ParticipantForm(forms.Form):
    """One participant: a member of the office or a contact, with a role on the mission."""

    member = forms.ModelChoiceField(
        label=_("Member of the office"), queryset=get_user_model().objects.none(), required=False
    )
    contact = NamedChoiceField(label=_("Contact"), queryset=Contact.objects.none(), required=False)
    department = NamedChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False
    )
    role = forms.CharField(label=_("Role on the mission"), required=False, max_length=120)

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["member"].queryset = (
            get_user_model().objects.filter(memberships__office=office).order_by("username")
        )
        fields["contact"].queryset = Contact.objects.for_office(office)
        fields["department"].queryset = Department.objects.filter(office=office)


ParticipantFormSet = formset_factory(ParticipantForm, extra=3, max_num=40, validate_max=True)


class TransitionForm(forms.Form):
    action = forms.CharField(max_length=20)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = VersionField()


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=MissionDocumentKind.choices)
    file = forms.FileField(label=_("File"))


class ReportForm(forms.Form):
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}))
    lessons = forms.CharField(
        label=_("Lessons learned"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    people_exchanged = IntegerField(label=_("People exchanged"), required=False)
    budget_actual = DecimalField(
        label=_("Actual spend"), required=False, max_digits=14, decimal_places=2
    )

    def __init__(self, *args: Any, mission: Mission, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.objectives = list(mission.objectives.all())
        for o in self.objectives:
            self.fields[f"objective_{o.pk}"] = forms.ChoiceField(
                label=o.text,
                choices=[("", "—"), *ObjectiveOutcome.choices],
                required=False,
            )
            self.fields[f"note_{o.pk}"] = forms.CharField(
                label=_("Note"), required=False, max_length=2000
            )

    def objective_rows(self) -> list[dict[str, Any]]:
        return [
            {"objective": o, "outcome": self[f"objective_{o.pk}"], "note": self[f"note_{o.pk}"]}
            for o in self.objectives
        ]

    def outcomes(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            o.pk: (data.get(f"objective_{o.pk}") or "", data.get(f"note_{o.pk}") or "")
            for o in self.objectives
        }

    @staticmethod
    def initial_from(mission: Mission) -> dict[str, Any]:
        report = getattr(mission, "report", None) if hasattr(mission, "report") else None
        initial: dict[str, Any] = {"budget_actual": mission.budget_actual}
        if report is not None:
            initial.update(
                summary=report.summary,
                lessons=report.lessons,
                people_exchanged=report.people_exchanged,
            )
        for o in mission.objectives.all():
            initial[f"objective_{o.pk}"] = o.outcome
            initial[f"note_{o.pk}"] = o.outcome_note
        return initial


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Practice observed"), required=False, max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class FollowUpForm(forms.Form):
    partnership = PactField(
        label=_("Partnership"), queryset=Partnership.objects.none(), required=False
    )
    title = forms.CharField(label=_("Follow-up"), required=False, max_length=300)
    due_on = JalaliDateField(label=_("Due date"), required=False)
    department = NamedChoiceField(
        label=_("Owner department"), queryset=Department.objects.none(), required=False
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["partnership"].queryset = _pacts(office)
        fields["department"].queryset = Department.objects.filter(office=office)

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(data.get(k) for k in ("partnership", "title", "due_on"))


PracticeFormSet = formset_factory(PracticeForm, extra=2, max_num=20, validate_max=True)
FollowUpFormSet = formset_factory(FollowUpForm, extra=2, max_num=20, validate_max=True)
