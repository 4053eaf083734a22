"""Form fields the partnerships forms share: several files, cooperation areas, the partner city."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.places.models import City
from peyvand.records.forms import VersionField

from ..models import (
    CooperationArea,
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


def areas_field() -> forms.ModelMultipleChoiceField:
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


class ConfirmForm(forms.Form):
    """A deletion's confirmation: the version of the record the user saw."""

    version = VersionField()
