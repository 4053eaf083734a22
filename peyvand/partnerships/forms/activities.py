"""Forms of activities and their outcomes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Office
from peyvand.core.forms import DecimalField, IntegerField, JalaliDateField, limit_choices
from peyvand.records.forms import VersionField

from ..models import (
    ActivityKind,
    InitiatedBy,
    OutcomeKind,
    Partnership,
)
from .fields import areas_field


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    date = JalaliDateField(label=_("Date"))
    kind = forms.ChoiceField(label=_("Kind"), choices=ActivityKind.choices)
    initiated_by = forms.ChoiceField(
        label=_("Initiated by"), choices=InitiatedBy.choices, initial=InitiatedBy.US
    )
    partnerships = forms.ModelMultipleChoiceField(
        label=_("Partnerships"), queryset=Partnership.objects.none()
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    areas = areas_field()
    participants = IntegerField(label=_("Participants"), required=False, min_value=0)
    outcome_kind = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[("", _("No outcome yet")), *OutcomeKind.choices],
    )
    outcome_value = DecimalField(
        label=_("Value"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    outcome_unit = forms.CharField(
        label=_("Unit"),
        required=False,
        max_length=60,
        help_text=_("For example: million EUR, students"),
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self,
            "partnerships",
            (
                Partnership.objects.for_office(office)
                .filter(archived=False)
                .select_related("partner_city")
                .order_by("partner_city__name_en")
            ),
        )


class ActivityEditForm(ActivityForm):
    """Correct a logged activity: outcomes are edited one by one beside it."""

    version = VersionField()

    def __init__(self, *args: Any, office: Office, activity: Any, **kwargs: Any) -> None:
        super().__init__(*args, office=office, **kwargs)
        for name in ("outcome_kind", "outcome_value", "outcome_unit"):
            del self.fields[name]
        # The pacts it already concerns stay choosable even when archived since.
        linked = activity.partnerships.values("pk")
        limit_choices(
            self,
            "partnerships",
            (
                Partnership.objects.for_office(office)
                .filter(Q(archived=False) | Q(pk__in=linked))
                .select_related("partner_city")
                .order_by("partner_city__name_en")
            ),
        )

    @staticmethod
    def initial_from(a: Any) -> dict[str, Any]:
        return {
            "title": a.title,
            "date": a.date,
            "kind": a.kind,
            "initiated_by": a.initiated_by,
            "partnerships": list(a.partnerships.all()),
            "description": a.description,
            "areas": list(a.areas.all()),
            "participants": a.participants,
            "version": a.version,
        }


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Outcome"), choices=OutcomeKind.choices)
    value = DecimalField(
        label=_("Value"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    unit = forms.CharField(label=_("Unit"), required=False, max_length=60)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class OutcomeEditForm(OutcomeForm):
    version = VersionField()

    @staticmethod
    def initial_from(o: Any) -> dict[str, Any]:
        return {
            "kind": o.kind,
            "value": o.value,
            "unit": o.unit,
            "note": o.note,
            "version": o.version,
        }
