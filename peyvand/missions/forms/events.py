"""Forms of the events pages: they parse; the rules live in services/events.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import JalaliDateField, bilingual_pair
from peyvand.partnerships.forms.fields import areas_field
from peyvand.records.forms import VersionField, version_optional_when_creating

from ..models import Event, EventKind
from .contacts import city_field, organization_field


class EventForm(forms.Form):
    title_fa, title_en = bilingual_pair(_("Title (Persian)"), _("Title (English)"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    organizer_organization = organization_field(_("Organiser (organisation)"))
    organizer_city = city_field(_("Organiser (city)"))
    host_city = city_field(_("Host city"))
    starts_on = JalaliDateField(label=_("Starts on"))
    ends_on = JalaliDateField(label=_("Ends on"))
    areas = areas_field()
    website = forms.CharField(
        label=_("Website"),
        required=False,
        widget=forms.URLInput(attrs={"dir": "ltr", "lang": "en"}),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)

    @staticmethod
    def initial_from(event: Event) -> dict[str, Any]:
        return {
            "title_fa": event.title_fa,
            "title_en": event.title_en,
            "kind": event.kind,
            "organizer_organization": event.organizer_organization,
            "organizer_city": event.organizer_city.code if event.organizer_city else "",
            "host_city": event.host_city.code if event.host_city else "",
            "starts_on": event.starts_on,
            "ends_on": event.ends_on,
            "areas": list(event.areas.all()),
            "website": event.website,
            "description": event.description,
            "version": event.version,
        }

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data
