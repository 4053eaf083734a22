"""Input parsing for the pages; the rules themselves live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Office
from peyvand.core.forms import DecimalField, JalaliDateField, bilingual_pair, limit_choices
from peyvand.partnerships.forms.fields import areas_field
from peyvand.places.models import City
from peyvand.records.forms import VersionField, version_optional_when_creating

from .models import (
    Membership,
    MembershipStatus,
    Obligation,
    ObligationKind,
    Organization,
    OrganizationKind,
    RoleHeld,
    SeatKind,
)
from .selectors import focal_candidates


class HeadquartersField(forms.CharField):
    """The headquarters city's public id (chosen with the type-ahead); empty: not known."""

    default_error_messages = {"unknown": _("There is no city with this id.")}

    def clean(self, value: Any) -> City | None:
        code = super().clean(value)
        if not code:
            return None
        city = City.objects.select_related("country").filter(code=code.strip()).first()
        if city is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return city


class OrganizationForm(forms.Form):
    name_fa, name_en = bilingual_pair(
        _("Name (Persian)"), _("Name (English)"), required=False, max_length=200
    )
    acronym = forms.CharField(
        label=_("Acronym"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganizationKind.choices)
    website = forms.CharField(
        label=_("Website"),
        required=False,
        max_length=300,
        widget=forms.URLInput(attrs={"dir": "ltr"}),
    )
    headquarters = HeadquartersField(label=_("Headquarters"), required=False, max_length=80)
    areas = areas_field()
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)

    @staticmethod
    def initial_from(org: Organization) -> dict[str, Any]:
        return {
            "name_fa": org.name_fa,
            "name_en": org.name_en,
            "acronym": org.acronym,
            "kind": org.kind,
            "website": org.website,
            "headquarters": org.headquarters.code if org.headquarters else "",
            "areas": list(org.areas.all()),
            "version": org.version,
        }


class MembershipForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.order_by("name_en")
    )
    status = forms.ChoiceField(label=_("Status"), choices=MembershipStatus.choices)
    since = JalaliDateField(label=_("Member since"), required=False)
    annual_fee = DecimalField(
        label=_("Annual fee"), required=False, max_digits=14, decimal_places=2
    )
    fee_currency = forms.CharField(
        label=_("Currency"),
        required=False,
        max_length=3,
        help_text=_("Its three-letter code, e.g. EUR or USD."),
        widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en", "size": 4}),
    )
    fee_due_on = JalaliDateField(label=_("Fee due on"), required=False)
    fee_paid_on = JalaliDateField(
        label=_("Fee paid on"),
        required=False,
        help_text=_("Leave empty while the fee is unpaid."),
    )
    focal_person = forms.ModelChoiceField(
        label=_("Focal person"), queryset=get_user_model().objects.none(), required=False
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = VersionField()

    def __init__(self, *args: Any, office: Office, creating: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)
        limit_choices(self, "focal_person", focal_candidates(office))
        if not creating:
            del self.fields["organization"]

    @staticmethod
    def initial_from(m: Membership) -> dict[str, Any]:
        return {
            "status": m.status,
            "since": m.since,
            "annual_fee": m.annual_fee,
            "fee_currency": m.fee_currency,
            "fee_due_on": m.fee_due_on,
            "fee_paid_on": m.fee_paid_on,
            "focal_person": m.focal_person,
            "notes": m.notes,
            "version": m.version,
        }


class RoleForm(forms.Form):
    kind = forms.ChoiceField(label=_("Seat or role"), choices=SeatKind.choices)
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    term_start = JalaliDateField(label=_("Term starts"), required=False)
    term_end = JalaliDateField(label=_("Term ends"), required=False)
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)

    @staticmethod
    def initial_from(r: RoleHeld) -> dict[str, Any]:
        return {
            "kind": r.kind,
            "title": r.title,
            "term_start": r.term_start,
            "term_end": r.term_end,
            "version": r.version,
        }


class ObligationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ObligationKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    due_on = JalaliDateField(label=_("Due date"))
    done_on = JalaliDateField(label=_("Done on"), required=False)
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)

    @staticmethod
    def initial_from(o: Obligation) -> dict[str, Any]:
        return {
            "kind": o.kind,
            "title": o.title,
            "due_on": o.due_on,
            "done_on": o.done_on,
            "version": o.version,
        }


class DoneForm(forms.Form):
    done_on = JalaliDateField(label=_("Done on"), required=False)
    version = VersionField()


class ConfirmForm(forms.Form):
    """A deletion's confirmation: the version of the record the user saw."""

    version = VersionField()
