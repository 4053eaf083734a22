"""What the organisations pages share: refused stale saves, deletions confirmed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from peyvand.accounts.access import OfficeRequest
from peyvand.records.history import StaleVersion
from peyvand.records.presenters import stale_context as shown_stale

from ..forms import ConfirmForm
from ..presenters import history_rows


def stale_context(
    request: OfficeRequest, form: forms.BaseForm, exc: StaleVersion
) -> dict[str, Any]:
    """The stale page's context (records.presenters.stale_context) with this app's labels."""
    return shown_stale(request, form, exc, history_rows)


def back_to_membership(office_slug: str, pk: int, anchor: str = "") -> HttpResponse:
    url = reverse("organizations:membership_detail", kwargs={"office_slug": office_slug, "pk": pk})
    return redirect(url + (f"#{anchor}" if anchor else ""))


def confirm_form(request: OfficeRequest, version: int) -> ConfirmForm:
    return ConfirmForm(
        request.POST if request.method == "POST" else None, initial={"version": version}
    )


def render_confirm(
    request: OfficeRequest, context: dict[str, Any], stale: dict[str, Any] | None = None
) -> HttpResponse:
    return render(
        request,
        "organizations/confirm_delete.html",
        {**context, "stale": stale},
        status=409 if stale else 200,
    )
