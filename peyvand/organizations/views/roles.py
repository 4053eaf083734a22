"""The seats and roles a membership holds: add, edit, delete (confirmed)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors

from .. import selectors, services
from ..forms import ConfirmForm, RoleForm
from ..models import RoleHeld
from ..presenters import history_rows
from .common import back_to_membership, confirm_form, render_confirm, stale_context


def _role(request: OfficeRequest, pk: int) -> RoleHeld:
    found: RoleHeld = get_object_or_404(
        RoleHeld.objects.for_office(request.office).select_related("membership__organization"),
        pk=pk,
    )
    return found


def _data(form: RoleForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    return data


@office_view(Role.OFFICER)
def role_add(request: OfficeRequest, pk: int) -> HttpResponse:
    m = selectors.membership_for_detail(office=request.office, pk=pk)
    form = RoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.role_create(membership=m, actor=request.membership, **_data(form))
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The seat or role was added."))
            return back_to_membership(request.office.slug, m.pk, "roles")
    return render(request, "organizations/role_form.html", {"form": form, "m": m, "creating": True})


@office_view(Role.OFFICER)
def role_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    role = _role(request, pk)
    form = RoleForm(request.POST or None, initial=RoleForm.initial_from(role))
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.role_update(
                role=role,
                actor=request.membership,
                data=_data(form),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The seat or role was saved."))
            return back_to_membership(request.office.slug, role.membership_id, "roles")
    context = {"form": form, "m": role.membership, "role": role, "stale": stale}
    return render(request, "organizations/role_form.html", context, status=409 if stale else 200)


@office_view(Role.OFFICER)
def role_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    role = _role(request, pk)
    form = confirm_form(request, role.version)
    context = {
        "form": form,
        "m": role.membership,
        "title": _("Delete the seat or role"),
        "question": _("Delete this seat or role from the membership? The history keeps it."),
        "subject": role.title or role.get_kind_display(),
        "submit": _("Delete"),
    }
    if request.method == "POST" and form.is_valid():
        try:
            services.role_delete(
                role=role, actor=request.membership, expected_version=form.cleaned_data["version"]
            )
        except services.StaleVersion as exc:
            stale = {"message": exc.message, "history": history_rows(exc.events)}
            form = ConfirmForm(initial={"version": exc.version})
            return render_confirm(request, {**context, "form": form}, stale)
        messages.success(request, _("The seat or role was deleted."))
        return back_to_membership(request.office.slug, role.membership_id, "roles")
    return render_confirm(request, context)
