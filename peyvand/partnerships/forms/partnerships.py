"""Forms of the pacts themselves, their approvals, links and weights."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Office
from peyvand.core.forms import IntegerField, JalaliDateField, bilingual_pair, limit_choices
from peyvand.records.forms import VersionField, version_optional_when_creating

from ..health import COMPONENTS
from ..models import (
    ApprovalBody,
    ApprovalStatus,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
)
from .fields import PartnerCityField, areas_field


class PartnershipForm(forms.Form):
    partner = PartnerCityField(label=_("Partner city"), max_length=80)
    kind = forms.ChoiceField(label=_("Kind"), choices=PartnershipKind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=PartnershipStatus.choices)
    end_reason = forms.CharField(
        label=_("Reason for ending"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the status is ended."),
    )
    signed_on = JalaliDateField(label=_("Signed on"), required=False)
    valid_until = JalaliDateField(label=_("Valid until"), required=False)
    areas = areas_field()
    summary_fa, summary_en = bilingual_pair(
        _("Summary (Persian)"), _("Summary (English)"), rows=3, required=False
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible officer"), queryset=get_user_model().objects.none(), required=False
    )
    version = VersionField()

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)
        limit_choices(
            self,
            "responsible",
            (get_user_model().objects.filter(memberships__office=office).order_by("username")),
        )

    @staticmethod
    def initial_from(p: Partnership) -> dict[str, Any]:
        return {
            "partner": p.partner_city.code,
            "kind": p.kind,
            "status": p.status,
            "end_reason": p.end_reason,
            "signed_on": p.signed_on,
            "valid_until": p.valid_until,
            "areas": list(p.areas.all()),
            "summary_fa": p.summary_fa,
            "summary_en": p.summary_en,
            "responsible": p.responsible,
            "version": p.version,
        }


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=PartnershipStatus.choices)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = VersionField()


class ApprovalForm(forms.Form):
    body = forms.ChoiceField(label=_("Approving body"), choices=ApprovalBody.choices)
    body_name = forms.CharField(label=_("Name of the body"), required=False, max_length=200)
    reference = forms.CharField(label=_("Reference"), required=False, max_length=200)


class ApprovalDecideForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ApprovalStatus.choices)
    decided_on = JalaliDateField(label=_("Date"), required=False)
    reference = forms.CharField(label=_("Reference"), required=False, max_length=200)
    document = forms.FileField(label=_("Reference document"), required=False)


class AdoptForm(forms.Form):
    """Register a public link of the home city: its status and signing date, stated."""

    status = forms.ChoiceField(label=_("Status"))
    signed_on = JalaliDateField(
        label=_("Signed on"),
        required=False,
        help_text=_("Required when the partnership is active or suspended."),
    )
    doubt_checked = forms.BooleanField(
        label=_("The office has checked this link: it is real."), required=False
    )

    def __init__(self, *args: Any, statuses: Any, doubtful: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(PartnershipStatus.choices)
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        status.choices = [("", _("Choose the status")), *((s, labels[s]) for s in statuses)]
        if not doubtful:
            del self.fields["doubt_checked"]


class NotOursForm(forms.Form):
    reason = forms.CharField(label=_("Why is this link not ours?"), max_length=1000)


class HealthSettingsForm(forms.Form):
    w_recency = IntegerField(label=_("Recency"), min_value=0, max_value=100)
    w_frequency = IntegerField(label=_("Frequency"), min_value=0, max_value=100)
    w_delivery = IntegerField(label=_("Delivery"), min_value=0, max_value=100)
    w_reciprocity = IntegerField(label=_("Reciprocity"), min_value=0, max_value=100)
    w_breadth = IntegerField(label=_("Breadth"), min_value=0, max_value=100)
    w_outcomes = IntegerField(label=_("Outcomes"), min_value=0, max_value=100)

    def weights(self) -> dict[str, int]:
        return {name: self.cleaned_data[f"w_{name}"] for name in COMPONENTS}


class PortalHealthForm(forms.Form):
    portal_health = forms.BooleanField(
        label=_("Show the health label of each published partnership on the public portal"),
        required=False,
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("revive", _("Revive")), ("retire", _("Retire"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (for retiring)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    deadline = JalaliDateField(label=_("Deadline of the rejuvenation plan"), required=False)
    letter_fa, letter_en = bilingual_pair(
        _("Letter (Persian)"), _("Letter (English)"), rows=8, required=False
    )

    PLAN_ROWS = 3

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(self.PLAN_ROWS):
            self.fields[f"plan_title_{i}"] = forms.CharField(
                label=_("Commitment"), required=False, max_length=300
            )
            self.fields[f"plan_department_{i}"] = forms.ModelChoiceField(
                label=_("Owner department"), queryset=office.departments.all(), required=False
            )

    def plan_rows(self) -> list[tuple[Any, Any]]:
        return [
            (self[f"plan_title_{i}"], self[f"plan_department_{i}"]) for i in range(self.PLAN_ROWS)
        ]

    def plan(self) -> list[dict[str, Any]]:
        rows = []
        for i in range(self.PLAN_ROWS):
            title = (self.cleaned_data.get(f"plan_title_{i}") or "").strip()
            if title:
                rows.append(
                    {"title": title, "department": self.cleaned_data.get(f"plan_department_{i}")}
                )
        return rows
