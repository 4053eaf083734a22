from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import JalaliDateField


class DateConverterForm(forms.Form):
    date = JalaliDateField(label=_("Date"))
