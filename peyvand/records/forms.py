"""The bin's forms: parsing only (the rules are the services')."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .binning import bin_kinds


class DeleteForm(forms.Form):
    """A deletion's confirmation: the version of the record the user saw."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


class PurgeForm(forms.Form):
    """A purge's confirmation: the record's name, typed."""

    confirm = forms.CharField(label=_("Name of the record"), max_length=300, required=False)


class BinFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices: list[tuple[str, Any]] = [("", _("All kinds"))]
        choices += [(k.kind, k.model._meta.verbose_name_plural) for k in bin_kinds()]
        self.fields["kind"].choices = choices  # type: ignore[attr-defined]

    def chosen_kind(self) -> str:
        return str(self.cleaned_data.get("kind") or "") if self.is_valid() else ""
