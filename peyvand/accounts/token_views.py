"""The user's access tokens for scripts: list, make (the secret shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from peyvand.core.forms import apply_service_errors

from . import services
from .forms import TokenForm
from .selectors import tokens_of

# Not kept (core.pagecache): the page shows a secret once, and the user's own tokens.


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None, user=request.user)
    secret = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _token, secret = services.token_create(
                user=request.user,
                office=data["office"],
                name=data["name"],
                scope=data["scope"],
                expires_on=data["expires_on"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            form = TokenForm(user=request.user)
    response = render(
        request,
        "accounts/tokens.html",
        {"form": form, "tokens": tokens_of(user=request.user), "secret": secret},
    )
    response["Cache-Control"] = "no-store"  # the secret must not stay in a cache
    return response


@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(tokens_of(user=request.user), pk=pk)
    if request.method == "POST":
        services.token_revoke(token=token, user=request.user)
        messages.success(request, _("The token was revoked: it no longer works."))
        return redirect("accounts:tokens")
    return render(request, "accounts/token_revoke.html", {"token": token})
