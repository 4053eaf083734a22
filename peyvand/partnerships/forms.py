"""Input validation for the partnership pages (the rules themselves live in services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Department, Office
from peyvand.core.forms import JalaliDateField, bilingual_pair
from peyvand.places.models import City

from .health import COMPONENTS
from .models import (
    ActivityKind,
    ApprovalBody,
    ApprovalStatus,
    CommitmentStatus,
    CooperationArea,
    InitiatedBy,
    OutcomeKind,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


AREAS_LABEL = _("Cooperation areas")


def _areas_field() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=CooperationArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=AREAS_LABEL,
    )


class PartnerCityField(forms.CharField):
    """The partner city's public id (chosen with the type-ahead)."""

    default_error_messages = {
        "required": _("Choose the partner city."),
        "unknown": _("There is no city with this id."),
    }

    def clean(self, value: Any) -> City | None:
        code = super().clean(value)
        if not code:
            return None
        city = City.objects.select_related("country").filter(code=code.strip()).first()
        if city is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return city


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
    areas = _areas_field()
    summary_fa, summary_en = bilingual_pair(
        _("Summary (Persian)"), _("Summary (English)"), rows=3, required=False
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible officer"), queryset=get_user_model().objects.none(), required=False
    )
    is_public = forms.BooleanField(label=_("Publish on the public portal"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = (  # type: ignore[attr-defined]
            get_user_model().objects.filter(memberships__office=office).order_by("username")
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
            "is_public": p.is_public,
            "version": p.version,
        }


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=PartnershipStatus.choices)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ApprovalForm(forms.Form):
    body = forms.ChoiceField(label=_("Approving body"), choices=ApprovalBody.choices)
    body_name = forms.CharField(label=_("Name of the body"), required=False, max_length=200)
    reference = forms.CharField(label=_("Reference"), required=False, max_length=200)


class ApprovalDecideForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ApprovalStatus.choices)
    decided_on = JalaliDateField(label=_("Date"), required=False)
    reference = forms.CharField(label=_("Reference"), required=False, max_length=200)
    document = forms.FileField(label=_("Reference document"), required=False)


class AgreementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        max_length=120,
        help_text=_("For example: Persian, English"),
    )
    signatories = forms.CharField(
        label=_("Signatories"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    signed_on = JalaliDateField(label=_("Signed on"), required=False)
    valid_until = JalaliDateField(label=_("Valid until"), required=False)
    documents = MultipleFileField(
        label=_("Files"),
        required=False,
        help_text=_("PDF, DOCX, PNG or JPEG; at most 20 MB each."),
    )


class AgreementEditForm(AgreementForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].label = _("Add files")

    @staticmethod
    def initial_from(a: Any) -> dict[str, Any]:
        return {
            "title": a.title,
            "languages": a.languages,
            "signatories": a.signatories,
            "signed_on": a.signed_on,
            "valid_until": a.valid_until,
            "version": a.version,
        }


class FileForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, DOCX, PNG or JPEG; at most 20 MB."))


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
        self.fields["department"].queryset = office.departments.all()  # type: ignore[attr-defined]


class CommitmentStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentStatus.choices)
    done_on = JalaliDateField(label=_("Done on"), required=False)
    drop_reason = forms.CharField(label=_("Reason for dropping"), required=False)
    evidence_note = forms.CharField(label=_("Evidence"), required=False)
    evidence_link = forms.URLField(label=_("Evidence link"), required=False)
    evidence_file = forms.FileField(label=_("Evidence file"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


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
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, office: Office, plan: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if plan:
            self.fields["department"].queryset = office.departments.all()  # type: ignore[attr-defined]
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
    areas = _areas_field()
    participants = forms.IntegerField(label=_("Participants"), required=False, min_value=0)
    is_public = forms.BooleanField(label=_("Publish on the public portal"), required=False)
    outcome_kind = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[("", _("No outcome yet")), *OutcomeKind.choices],
    )
    outcome_value = forms.DecimalField(
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
        self.fields["partnerships"].queryset = (  # type: ignore[attr-defined]
            Partnership.objects.for_office(office)
            .filter(archived=False)
            .select_related("partner_city")
            .order_by("partner_city__name_en")
        )


class ActivityEditForm(ActivityForm):
    """Correct a logged activity: outcomes are edited one by one beside it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, office: Office, activity: Any, **kwargs: Any) -> None:
        super().__init__(*args, office=office, **kwargs)
        for name in ("outcome_kind", "outcome_value", "outcome_unit"):
            del self.fields[name]
        # The pacts it already concerns stay choosable even when archived since.
        linked = activity.partnerships.values("pk")
        self.fields["partnerships"].queryset = (  # type: ignore[attr-defined]
            Partnership.objects.for_office(office)
            .filter(Q(archived=False) | Q(pk__in=linked))
            .select_related("partner_city")
            .order_by("partner_city__name_en")
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
            "is_public": a.is_public,
            "version": a.version,
        }


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Outcome"), choices=OutcomeKind.choices)
    value = forms.DecimalField(
        label=_("Value"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    unit = forms.CharField(label=_("Unit"), required=False, max_length=60)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class OutcomeEditForm(OutcomeForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @staticmethod
    def initial_from(o: Any) -> dict[str, Any]:
        return {
            "kind": o.kind,
            "value": o.value,
            "unit": o.unit,
            "note": o.note,
            "version": o.version,
        }


class ConfirmForm(forms.Form):
    """A deletion's confirmation: the version of the record the user saw."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class NotOursForm(forms.Form):
    reason = forms.CharField(label=_("Why is this link not ours?"), max_length=1000)


class HealthSettingsForm(forms.Form):
    w_recency = forms.IntegerField(label=_("Recency"), min_value=0, max_value=100)
    w_frequency = forms.IntegerField(label=_("Frequency"), min_value=0, max_value=100)
    w_delivery = forms.IntegerField(label=_("Delivery"), min_value=0, max_value=100)
    w_reciprocity = forms.IntegerField(label=_("Reciprocity"), min_value=0, max_value=100)
    w_breadth = forms.IntegerField(label=_("Breadth"), min_value=0, max_value=100)
    w_outcomes = forms.IntegerField(label=_("Outcomes"), min_value=0, max_value=100)

    def weights(self) -> dict[str, int]:
        return {name: self.cleaned_data[f"w_{name}"] for name in COMPONENTS}


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
