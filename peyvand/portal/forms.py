"""The portal's public forms (parsing only: the rules are the services') and the
moderation forms."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX, MESSAGE_MAX, NAME_MAX, RATING_MAX, RATING_MIN


class _Guarded(forms.Form):
    """The honeypot (hidden from people by the stylesheet; a robot fills every field) and
    the form's signed render time (the template writes `form_stamp`)."""

    website = forms.CharField(label=_("Leave this field empty"), required=False)
    stamp = forms.CharField(widget=forms.HiddenInput, required=False)


class FeedbackForm(_Guarded):
    comment = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX, "dir": "auto"}),
    )
    rating = forms.TypedChoiceField(
        label=_("Your rating (optional)"),
        choices=[("", _("No rating")), *[(n, str(n)) for n in range(RATING_MIN, RATING_MAX + 1)]],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_("Only for a reply from the office: never published, erased once answered."),
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )


class ContactForm(_Guarded):
    name = forms.CharField(
        label=_("Your name"),
        widget=forms.TextInput(attrs={"maxlength": NAME_MAX, "autocomplete": "name"}),
    )
    organization = forms.CharField(
        label=_("Organisation (optional)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": NAME_MAX, "autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("Your email"),
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )
    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_MAX, "dir": "auto"}),
    )


class ModerateForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("approve", "approve"),
            ("reject", "reject"),
            ("spam", "spam"),
            ("answered", "answered"),
        ]
    )
    version = forms.IntegerField(min_value=0, max_value=2**31 - 1, widget=forms.HiddenInput)
