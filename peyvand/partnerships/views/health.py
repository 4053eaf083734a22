"""The office's health score weights."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors

from .. import selectors, services
from ..forms import (
    HealthSettingsForm,
    PortalHealthForm,
)
from ..models import (
    HealthSettings,
)


@office_view(Role.DIRECTOR)
def health_settings(request: OfficeRequest) -> HttpResponse:
    office = request.office
    row = HealthSettings.objects.for_office(office).first()
    weights = selectors.health_weights(office).as_dict()
    form = HealthSettingsForm(
        request.POST or None, initial={f"w_{k}": v for k, v in weights.items()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.health_settings_update(
                office=office,
                actor=request.membership,
                weights=form.weights(),
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The weights were saved and every score recomputed."))
            return redirect("partnerships:settings", office_slug=office.slug)
    portal_form = PortalHealthForm(initial={"portal_health": bool(row and row.portal_health)})
    context = {"form": form, "customised": row is not None, "portal_form": portal_form}
    return render(request, "partnerships/settings.html", context)


@require_POST
@office_view(Role.DIRECTOR)
def portal_settings(request: OfficeRequest) -> HttpResponse:
    """Whether the public portal shows health labels (the settings page posts here)."""
    form = PortalHealthForm(request.POST)
    if form.is_valid():
        services.portal_health_set(
            office=request.office,
            actor=request.membership,
            shown=form.cleaned_data["portal_health"],
        )
        messages.success(request, _("The public portal setting was saved."))
    return redirect("partnerships:settings", office_slug=request.office.slug)
