"""Forms of agreements and their files."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import JalaliDateField
from peyvand.records.forms import VersionField

from .fields import MultipleFileField


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
    version = VersionField()

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
