"""Input parsing for the pages (Persian digits, Jalali dates, the choices offered); the
rules themselves live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Office
from peyvand.core.forms import DecimalField, IntegerField, JalaliDateField, bilingual_pair
from peyvand.missions.models import Contact
from peyvand.organizations.models import Organization
from peyvand.partnerships.forms.fields import areas_field
from peyvand.partnerships.models import CooperationArea, Partnership
from peyvand.places.models import City
from peyvand.records.forms import VersionField, version_optional_when_creating

from .models import (
    Application,
    ApplicationStatus,
    FundingCall,
    Instrument,
    InterestedParty,
    Pitch,
    PitchDocumentKind,
    PitchStage,
    PitchStatus,
)
from .models.pitches import AMOUNT_DIGITS


def amount(label: Any) -> DecimalField:
    return DecimalField(label=label, required=False, max_digits=AMOUNT_DIGITS, decimal_places=0)


def currency_field() -> forms.CharField:
    return forms.CharField(
        label=_("Currency"),
        required=False,
        max_length=3,
        help_text=_("Its three-letter code, such as EUR, USD or IRR."),
        widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en", "size": 4}),
    )


class NamedChoiceField(forms.ModelChoiceField[Any]):
    """A record offered by its name in the reader's language."""

    def label_from_instance(self, obj: Any) -> str:
        return str(getattr(obj, "name", None) or getattr(obj, "title", None) or obj)


class NamedMultipleChoiceField(forms.ModelMultipleChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(getattr(obj, "name", None) or obj)


def partner_cities(office: Office) -> Any:
    """The partner cities of the office's pacts: the cities a pitch or an application names."""
    return City.objects.filter(
        pk__in=Partnership.objects.for_office(office).values("partner_city")
    ).order_by("name_en")


def organizations() -> Any:
    return Organization.objects.order_by("name_en")


class VersionForm(forms.Form):
    """A confirmation (a deletion): only the version the page showed."""

    version = VersionField()


class PitchForm(forms.Form):
    title_fa, title_en = bilingual_pair(
        _("Title (Persian)"), _("Title (English)"), required=False, max_length=300
    )
    description_fa, description_en = bilingual_pair(
        _("Description (Persian)"), _("Description (English)"), rows=4, required=False
    )
    area = NamedChoiceField(
        label=_("Cooperation area"), queryset=CooperationArea.objects.all(), required=False
    )
    location = forms.CharField(label=_("Location"), required=False, max_length=300)
    district = IntegerField(
        label=_("Municipal district"),
        required=False,
        help_text=_("The number of the municipal district, if the project lies in one."),
    )
    budget = amount(_("Total budget"))
    financing_sought = amount(_("Financing sought"))
    currency = currency_field()
    instrument = forms.ChoiceField(label=_("Instrument"), choices=Instrument.choices)
    stage = forms.ChoiceField(label=_("Stage"), choices=PitchStage.choices)
    status = forms.ChoiceField(label=_("Status"), choices=PitchStatus.choices)
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)

    @staticmethod
    def initial_from(p: Pitch) -> dict[str, Any]:
        return {
            **{
                name: getattr(p, name)
                for name in (
                    "title_fa",
                    "title_en",
                    "description_fa",
                    "description_en",
                    "area",
                    "location",
                    "district",
                    "budget",
                    "financing_sought",
                    "currency",
                    "instrument",
                    "stage",
                    "status",
                )
            },
            "version": p.version,
        }


class PitchStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=PitchStatus.choices)
    version = VersionField()


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=PitchDocumentKind.choices)
    file = forms.FileField(label=_("File"))


class PartyForm(forms.Form):
    """One of a contact, an organisation or a partner city (the service says which is
    missing or one too many)."""

    contact = NamedChoiceField(label=_("Contact"), queryset=Contact.objects.none(), required=False)
    organization = NamedChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none(), required=False
    )
    city = NamedChoiceField(label=_("Partner city"), queryset=City.objects.none(), required=False)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = VersionField()

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)
        fields: Any = self.fields
        fields["contact"].queryset = Contact.objects.for_office(office).order_by(
            "name_en", "name_fa", "pk"
        )
        fields["organization"].queryset = organizations()
        fields["city"].queryset = partner_cities(office)

    @staticmethod
    def initial_from(party: InterestedParty) -> dict[str, Any]:
        return {
            "contact": party.contact,
            "organization": party.organization,
            "city": party.city,
            "note": party.note,
            "version": party.version,
        }


class FollowUpForm(forms.Form):
    date = JalaliDateField(label=_("Date"), required=False)
    note = forms.CharField(label=_("Follow-up"), required=False, max_length=500)


class CallForm(forms.Form):
    funder = NamedChoiceField(
        label=_("Funder"), queryset=Organization.objects.none(), required=False
    )
    title_fa, title_en = bilingual_pair(
        _("Title (Persian)"), _("Title (English)"), required=False, max_length=300
    )
    deadline = JalaliDateField(label=_("Deadline"), required=False)
    amount_min = amount(_("Smallest amount"))
    amount_max = amount(_("Largest amount"))
    currency = currency_field()
    areas = areas_field()
    link = forms.CharField(
        label=_("Link"),
        required=False,
        max_length=500,
        widget=forms.URLInput(attrs={"dir": "ltr"}),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)
        fields: Any = self.fields
        fields["funder"].queryset = organizations()
        fields["areas"].label = _("Eligible areas")

    @staticmethod
    def initial_from(call: FundingCall) -> dict[str, Any]:
        return {
            "funder": call.funder,
            "title_fa": call.title_fa,
            "title_en": call.title_en,
            "deadline": call.deadline,
            "amount_min": call.amount_min,
            "amount_max": call.amount_max,
            "currency": call.currency,
            "areas": list(call.areas.all()),
            "link": call.link,
            "notes": call.notes,
            "version": call.version,
        }


class ApplicationForm(forms.Form):
    call = NamedChoiceField(
        label=_("Funding call"), queryset=FundingCall.objects.none(), required=False
    )
    pitch = NamedChoiceField(label=_("Pitch"), queryset=Pitch.objects.none(), required=False)
    partner_cities = NamedMultipleChoiceField(
        label=_("Partner cities"),
        queryset=City.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partner_organizations = NamedMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organization.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    amount_requested = amount(_("Amount requested"))
    amount_granted = amount(_("Amount granted"))
    currency = currency_field()
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = VersionField()

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)
        fields: Any = self.fields
        fields["call"].queryset = FundingCall.objects.for_office(office).order_by("-deadline")
        fields["pitch"].queryset = Pitch.objects.for_office(office).order_by("-updated_at")
        fields["partner_cities"].queryset = partner_cities(office)
        fields["partner_organizations"].queryset = organizations()

    @staticmethod
    def initial_from(a: Application) -> dict[str, Any]:
        return {
            "call": a.call,
            "pitch": a.pitch,
            "partner_cities": list(a.partner_cities.all()),
            "partner_organizations": list(a.partner_organizations.all()),
            "amount_requested": a.amount_requested,
            "amount_granted": a.amount_granted,
            "currency": a.currency,
            "notes": a.notes,
            "version": a.version,
        }


class TransitionForm(forms.Form):
    action = forms.CharField(max_length=20)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = VersionField()


STATUS_CHOICES = ApplicationStatus.choices
