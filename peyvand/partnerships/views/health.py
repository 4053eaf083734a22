"""The office's health score weights."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors

from .. import selectors, services
from ..forms import (
    HealthSettingsForm,
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
    return render(
        request, "partnerships/settings.html", {"form": form, "customised": row is not None}
    )
