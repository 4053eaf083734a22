"""Forms of the action plan."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Department, Office
from peyvand.core.forms import JalaliDateField, limit_choices
from peyvand.records.forms import VersionField

from ..models import (
    CommitmentStatus,
    CooperationArea,
)


class CommitmentForm(forms.Form):
    title = forms.CharField(label=_("Commitment"), max_length=300)
    area = forms.ModelChoiceField(
        label=_("Area"), queryset=CooperationArea.objects.all(), required=False
    )
    department = forms.ModelChoiceField(
        label=_("Owner department"), queryset=Department.objects.none(), required=False
    )
    due_on = JalaliDateField(label=_("Due date"))

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "department", office.departments.all())


class CommitmentStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentStatus.choices)
    done_on = JalaliDateField(label=_("Done on"), required=False)
    drop_reason = forms.CharField(label=_("Reason for dropping"), required=False)
    evidence_note = forms.CharField(label=_("Evidence"), required=False)
    evidence_link = forms.URLField(label=_("Evidence link"), required=False)
    evidence_file = forms.FileField(label=_("Evidence file"), required=False)
    version = VersionField()


PLAN_FIELDS = ("title", "area", "department", "due_on")


class CommitmentEditForm(forms.Form):
    """The whole commitment for officers; status and evidence only for a liaison."""

    title = forms.CharField(label=_("Commitment"), max_length=300)
    area = forms.ModelChoiceField(
        label=_("Area"), queryset=CooperationArea.objects.all(), required=False
    )
    department = forms.ModelChoiceField(
        label=_("Owner department"), queryset=Department.objects.none(), required=False
    )
    due_on = JalaliDateField(label=_("Due date"))
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentStatus.choices)
    done_on = JalaliDateField(
        label=_("Done on"), required=False, help_text=_("Today, if left empty when done.")
    )
    drop_reason = forms.CharField(
        label=_("Reason for dropping"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the commitment is dropped."),
    )
    evidence_note = forms.CharField(
        label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence_link = forms.URLField(
        label=_("Evidence link"),
        required=False,
        max_length=500,
        widget=forms.URLInput(attrs={"dir": "ltr"}),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("PDF, DOCX, PNG or JPEG; at most 20 MB."),
    )
    version = VersionField()

    def __init__(self, *args: Any, office: Office, plan: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if plan:
            limit_choices(self, "department", office.departments.all())
        else:
            for name in PLAN_FIELDS:
                del self.fields[name]

    @staticmethod
    def initial_from(c: Any) -> dict[str, Any]:
        return {
            "title": c.title,
            "area": c.area,
            "department": c.department,
            "due_on": c.due_on,
            "status": c.status,
            "done_on": c.done_on,
            "drop_reason": c.drop_reason,
            "evidence_note": c.evidence_note,
            "evidence_link": c.evidence_link,
            "version": c.version,
        }
