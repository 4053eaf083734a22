"""Forms of the contacts pages: they parse; the rules live in services/contacts.py."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import bilingual_pair, limit_choices
from peyvand.organizations.models import Organization
from peyvand.partnerships.forms import PartnerCityField
from peyvand.partnerships.models import Partnership
from peyvand.records.forms import VersionField, version_optional_when_creating

from ..models import Contact, ContactKind

# Items of a typed list are separated by commas (Latin or Persian), semicolons or lines.
_SEPARATORS = re.compile(r"[,،;\n]+")


def split_list(text: str) -> list[str]:
    """ "fa, en" → ["fa", "en"]: the service trims, lowercases and checks each item."""
    return [part.strip() for part in _SEPARATORS.split(text or "") if part.strip()]


def city_field(label: Any) -> PartnerCityField:
    """A city of the atlas, chosen by its public id with the type-ahead; may be empty."""
    return PartnerCityField(label=label, required=False, max_length=80)


def organization_field(label: Any) -> forms.ModelChoiceField[Organization]:
    return forms.ModelChoiceField(
        label=label, queryset=Organization.objects.order_by("name_en"), required=False
    )


class ContactForm(forms.Form):
    name_fa, name_en = bilingual_pair(_("Name (Persian)"), _("Name (English)"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=ContactKind.choices)
    title = forms.CharField(label=_("Title or position"), required=False)
    city = city_field(_("City"))
    organization = organization_field(_("Organisation"))
    email = forms.CharField(
        label=_("Email"),
        required=False,
        widget=forms.EmailInput(attrs={"dir": "ltr", "lang": "en", "autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Phone"), required=False, widget=forms.TextInput(attrs={"dir": "ltr"})
    )
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        help_text=_("Two-letter codes separated by commas, such as fa, en, de."),
        widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        help_text=_("Short words separated by commas, such as culture, ambassador-2026."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    partnerships = forms.ModelMultipleChoiceField(
        label=_("Partnerships they work on"),
        queryset=Partnership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confirm_duplicate = forms.BooleanField(required=False, widget=forms.HiddenInput)
    version = VersionField()

    def __init__(self, *args: Any, pacts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)
        limit_choices(self, "partnerships", pacts)

    def clean_languages(self) -> list[str]:
        return split_list(self.cleaned_data.get("languages") or "")

    def clean_tags(self) -> list[str]:
        return split_list(self.cleaned_data.get("tags") or "")

    @staticmethod
    def initial_from(contact: Contact) -> dict[str, Any]:
        return {
            "name_fa": contact.name_fa,
            "name_en": contact.name_en,
            "kind": contact.kind,
            "title": contact.title,
            "city": contact.city.code if contact.city else "",
            "organization": contact.organization,
            "email": contact.email,
            "phone": contact.phone,
            "languages": ", ".join(contact.languages),
            "tags": ", ".join(contact.tags),
            "notes": contact.notes,
            "partnerships": list(contact.partnerships.all()),
            "version": contact.version,
        }

    def service_data(self) -> dict[str, Any]:
        """The values the service takes (the form's city code is a city already)."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data.pop("confirm_duplicate", None)
        return data


class MergeForm(forms.Form):
    """Merge contact `merge` into the contact of the page, as the user saw both."""

    merge = forms.IntegerField(widget=forms.HiddenInput)
    version = VersionField()
    merge_version = VersionField()
    confirm = forms.BooleanField(
        label=_(
            "I confirm that both records are the same person: the second one is deleted "
            "and everything linked to it moves to the first."
        ),
        error_messages={"required": _("Confirm the merge to go on.")},
    )
