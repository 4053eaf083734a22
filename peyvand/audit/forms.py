from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import JalaliDateField

from .presenters import object_types
from .selectors import AuditFilters


class AuditFilterForm(forms.Form):
    actor = forms.CharField(
        label=_("Actor"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_("A username, as it is written."),
    )
    object_type = forms.ChoiceField(label=_("Kind of record"), required=False)
    since = JalaliDateField(label=_("From"), required=False)
    until = JalaliDateField(label=_("Until"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["object_type"]
        assert isinstance(field, forms.ChoiceField)
        self.kinds = object_types()
        field.choices = [("", _("All")), *((value, name) for value, name, _lang in self.kinds)]

    def filters(self) -> AuditFilters:
        if not self.is_valid():
            return AuditFilters()
        data = self.cleaned_data
        return AuditFilters(
            actor=data["actor"].strip(),
            object_type=data["object_type"],
            since=data["since"],
            until=data["until"],
        )
