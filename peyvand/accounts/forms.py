from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peyvand.core.forms import JalaliDateField, bilingual_pair

from .models import Department, Office, Role, TokenScope


class MemberForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Department.objects.for_office(office)


class InviteForm(MemberForm):
    invitee = forms.CharField(
        label=_("Username or email"),
        max_length=254,
        widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off"}),
        help_text=_("The person accepts the invitation before they see anything of the office."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = Role.VIEWER  # the least powerful role, until chosen

    field_order = ["invitee", "role", "department"]


class SecurityForm(forms.Form):
    two_factor_for_directors = forms.BooleanField(
        label=_("Directors must sign in with two-factor authentication"), required=False
    )


class CodeForm(forms.Form):
    """A code from the authenticator app, or a backup code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "dir": "ltr",
                "autofocus": True,
            }
        ),
    )


class DepartmentForm(forms.Form):
    name_fa, name_en = bilingual_pair(_("Name (Persian)"), _("Name (English)"), max_length=200)


class TokenForm(forms.Form):
    """A new access token: parsing only (the rules are `services.token_create`'s)."""

    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("What the script is for."))
    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.none())
    scope = forms.ChoiceField(label=_("Access"), choices=TokenScope.choices)
    expires_on = JalaliDateField(label=_("Expires on"), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["office"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Office.objects.filter(memberships__user=user).order_by("name_en")
