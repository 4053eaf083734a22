"""The upload form of an import: parsing only (the engine reads the file)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_("Headers in Persian or English; dates Persian or Gregorian."),
    )
