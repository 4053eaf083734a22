"""A member's own account: the office chooser, invitations to accept, two-factor set-up,
and the invitation link a director hands over (with sign-up for a newcomer)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .. import services, twofactor
from ..forms import CodeForm
from ..models import Invitation
from ..selectors import invitation_by_token, invitations_for, memberships_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Straight to the office when there is one and nothing waits; a chooser otherwise."""
    memberships = list(memberships_of(user=request.user))
    invitations = list(invitations_for(user=request.user))
    if len(memberships) == 1 and not invitations:
        return redirect("dashboard:home", office_slug=memberships[0].office.slug)
    context = {"memberships": memberships, "invitations": invitations}
    return render(request, "accounts/choose_office.html", context)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    context = {
        "invitations": invitations_for(user=request.user),
        "two_factor": twofactor.has_two_factor(request.user),
        "memberships": memberships_of(user=request.user),
    }
    return render(request, "accounts/account.html", context)


def _own_invitation(request: HttpRequest, pk: int) -> Invitation:
    invitation = invitations_for(user=request.user).filter(pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation


@require_POST
@login_required
def invitation_accept(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _own_invitation(request, pk)
    try:
        membership = services.invitation_accept(invitation=invitation, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("accounts:account")
    messages.success(request, _("Welcome to %(office)s.") % {"office": membership.office.name})
    return redirect("dashboard:home", office_slug=membership.office.slug)


@require_POST
@login_required
def invitation_decline(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _own_invitation(request, pk)
    try:
        services.invitation_decline(invitation=invitation, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The invitation was declined."))
    return redirect("accounts:account")


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link a director hands over: a signed-in person accepts with their account; a
    newcomer makes an account here and joins. The link works once."""
    found = invitation_by_token(services.token_hash(token[:100]))
    if found is None or not found.is_open:
        return render(request, "accounts/invitation_closed.html", status=404)
    sign_up: UserCreationForm[Any] | None = None
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                membership = services.invitation_accept(
                    invitation=found, user=request.user, by_link=True
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return redirect("accounts:account")
            return redirect("dashboard:home", office_slug=membership.office.slug)
    else:
        sign_up = UserCreationForm(request.POST or None)
        if request.method == "POST" and sign_up.is_valid():
            with transaction.atomic():
                user = sign_up.save()
                membership = services.invitation_accept(invitation=found, user=user, by_link=True)
            auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("dashboard:home", office_slug=membership.office.slug)
    context = {"invitation": found, "sign_up": sign_up, "token": token}
    return render(request, "accounts/invitation.html", context)


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Scan the QR code, confirm one code; the backup codes are shown once, here."""
    if twofactor.has_two_factor(request.user):
        return render(request, "accounts/two_factor_on.html", {"next": _next(request)})
    device = twofactor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = twofactor.two_factor_confirm(
                user=request.user, device=device, code=form.cleaned_data["code"]
            )
        except ValidationError as exc:
            form.add_error("code", exc.messages)
        else:
            otp_login(request, TOTPDevice.objects.get(pk=device.pk))
            return _show_codes(request, codes)
    context: dict[str, Any] = {
        "form": form,
        "qr": twofactor.qr_svg(device),
        "secret": twofactor.secret_text(device),
        "next": _next(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _show_codes(request: HttpRequest, codes: list[str]) -> HttpResponse:
    response = render(
        request, "accounts/backup_codes.html", {"codes": codes, "next": _next(request)}
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def backup_codes(request: HttpRequest) -> HttpResponse:
    try:
        codes = twofactor.backup_codes_renew(user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("accounts:account")
    return _show_codes(request, codes)


@login_required
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    """Turning it off asks for a current code (a confirmation page)."""
    if not twofactor.has_two_factor(request.user):
        return redirect("accounts:account")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            twofactor.two_factor_disable(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.add_error("code", exc.messages)
        else:
            messages.success(request, _("Two-factor sign-in was turned off."))
            return redirect("accounts:account")
    return render(request, "accounts/two_factor_disable.html", {"form": form})
