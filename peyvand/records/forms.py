"""Optimistic locking on pages: the version a form was made from is required.

Every edit form of a versioned record carries the version the page showed in a hidden
`VersionField`; a post without it, or with something that is no version, is refused with a
form error asking to reload the page (docs/decisions/0021), and nothing is written. The
error is shown where the hidden input is rendered (`{{ form.version }}`), since a hidden
field has no label of its own. A form that also creates records calls
`version_optional_when_creating` (a new record has no version yet).

Also the bin's forms (decision 0020): parsing only, the rules are the services'.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.forms.boundfield import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .binning import bin_kinds

RELOAD = _("This page is out of date or incomplete: reload it and make your change again.")


class VersionBoundField(BoundField):
    def __str__(self) -> SafeString:
        hidden = self.as_widget()
        if not self.errors:
            return hidden
        errors = format_html_join("", "<li>{}</li>", ((e,) for e in self.errors))
        return format_html('{}<ul class="errorlist nonfield">{}</ul>', hidden, errors)


class VersionField(forms.IntegerField):
    """The hidden version of the record the page showed; required."""

    default_error_messages = {
        "required": RELOAD,
        "invalid": RELOAD,
        "min_value": RELOAD,
        "max_value": RELOAD,
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.HiddenInput)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 2**31 - 1)
        super().__init__(**kwargs)

    def get_bound_field(self, form: Any, field_name: str) -> BoundField:
        return VersionBoundField(form, self, field_name)


def version_optional_when_creating(form: forms.BaseForm, name: str = "version") -> None:
    """A form that edits (its initial names the record's version) or creates: the version
    is required only when editing."""
    if form.initial.get(name) is None:
        form.fields[name].required = False


class DeleteForm(forms.Form):
    """A deletion's confirmation: the version of the record the user saw."""

    version = VersionField()


class PurgeForm(forms.Form):
    """A purge's confirmation: the record's name, typed."""

    confirm = forms.CharField(label=_("Name of the record"), max_length=300, required=False)


class BinFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices: list[tuple[str, Any]] = [("", _("All kinds"))]
        choices += [(k.kind, k.model._meta.verbose_name_plural) for k in bin_kinds()]
        cast(forms.ChoiceField, self.fields["kind"]).choices = choices

    def chosen_kind(self) -> str:
        return str(self.cleaned_data.get("kind") or "") if self.is_valid() else ""
