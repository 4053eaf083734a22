"""What the pages of a pact share: going back to the pact, refused stale saves,
confirmation of deletions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from peyvand.accounts.access import OfficeRequest
from peyvand.core.forms import apply_service_errors
from peyvand.records.presenters import stale_context as shown_stale

from .. import services
from ..forms import (
    ConfirmForm,
)
from ..models import Activity
from ..presenters import history_rows


def stale_context(request: OfficeRequest, form: Any, exc: services.StaleVersion) -> dict[str, Any]:
    """The stale page's context (records.presenters.stale_context) with the pacts' labels."""
    return shown_stale(request, form, exc, history_rows)


def refused(
    form: forms.BaseForm, exc: ValidationError, rename: dict[str, str] | None = None
) -> None:
    """Put a service's refusal on an inline form, its field names mapped to the form's."""
    if rename and hasattr(exc, "error_dict"):
        exc = ValidationError(
            {rename.get(name, name): msgs for name, msgs in exc.message_dict.items()}
        )
    apply_service_errors(form, exc)


def existing_pact(exc: ValidationError) -> int | None:
    """The id of the live pact a refused second pact with the same partner names."""
    for error in getattr(exc, "error_dict", {}).get("partner_city", []):
        if error.code == "duplicate_partner" and error.params:
            pk: int = error.params["pk"]
            return pk
    return None


def back_to_detail(office_slug: str, pk: int, anchor: str = "") -> HttpResponse:
    url = reverse("partnerships:detail", kwargs={"office_slug": office_slug, "pk": pk})
    return redirect(url + (f"#{anchor}" if anchor else ""))


def require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


def _confirm(
    request: OfficeRequest, context: dict[str, Any], stale: dict[str, Any] | None = None
) -> HttpResponse:
    return render(
        request,
        "partnerships/confirm_delete.html",
        {**context, "stale": stale},
        status=409 if stale else 200,
    )


def _confirm_form(request: OfficeRequest, version: int) -> ConfirmForm:
    """A deletion's confirmation (a POST without a version is not checked)."""
    return ConfirmForm(
        request.POST if request.method == "POST" else None, initial={"version": version}
    )


def back_pact(request: OfficeRequest, linked: list[int]) -> int:
    """The pact page to return to: the one named in ?partnership= if it is linked."""
    wanted = request.POST.get("partnership") or request.GET.get("partnership") or ""
    if wanted.isdigit() and int(wanted) in linked:
        return int(wanted)
    return linked[0]


def linked_pacts(activity: Activity) -> list[int]:
    return list(activity.partnerships.order_by("pk").values_list("pk", flat=True))
