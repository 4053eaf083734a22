"""What a membership obliges the office to do: add, edit, mark done, delete (confirmed)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors

from .. import selectors, services
from ..forms import ConfirmForm, DoneForm, ObligationForm
from ..models import Obligation
from ..presenters import history_rows
from .common import back_to_membership, confirm_form, render_confirm, stale_context


def _obligation(request: OfficeRequest, pk: int) -> Obligation:
    found: Obligation = get_object_or_404(
        Obligation.objects.for_office(request.office).select_related("membership__organization"),
        pk=pk,
    )
    return found


@office_view(Role.OFFICER)
def obligation_add(request: OfficeRequest, pk: int) -> HttpResponse:
    m = selectors.membership_for_detail(office=request.office, pk=pk)
    form = ObligationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        try:
            services.obligation_create(membership=m, actor=request.membership, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The obligation was added."))
            return back_to_membership(request.office.slug, m.pk, "obligations")
    return render(
        request, "organizations/obligation_form.html", {"form": form, "m": m, "creating": True}
    )


@office_view(Role.OFFICER)
def obligation_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    obligation = _obligation(request, pk)
    form = ObligationForm(request.POST or None, initial=ObligationForm.initial_from(obligation))
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.obligation_update(
                obligation=obligation,
                actor=request.membership,
                data=data,
                expected_version=version,
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The obligation was saved."))
            return back_to_membership(request.office.slug, obligation.membership_id, "obligations")
    context = {"form": form, "m": obligation.membership, "obligation": obligation, "stale": stale}
    return render(
        request, "organizations/obligation_form.html", context, status=409 if stale else 200
    )


@require_POST
@office_view(Role.OFFICER)
def obligation_done(request: OfficeRequest, pk: int) -> HttpResponse:
    obligation = _obligation(request, pk)
    form = DoneForm(request.POST)
    if form.is_valid():
        try:
            services.obligation_mark_done(
                obligation=obligation,
                actor=request.membership,
                done_on=form.cleaned_data["done_on"],
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            messages.error(request, exc.message)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The obligation was marked done."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return back_to_membership(request.office.slug, obligation.membership_id, "obligations")


@office_view(Role.OFFICER)
def obligation_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    obligation = _obligation(request, pk)
    form = confirm_form(request, obligation.version)
    context = {
        "form": form,
        "m": obligation.membership,
        "title": _("Delete the obligation"),
        "question": _("Delete this obligation from the membership? The history keeps it."),
        "subject": obligation.title,
        "submit": _("Delete"),
    }
    if request.method == "POST" and form.is_valid():
        try:
            services.obligation_delete(
                obligation=obligation,
                actor=request.membership,
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = {"message": exc.message, "history": history_rows(exc.events)}
            form = ConfirmForm(initial={"version": exc.version})
            return render_confirm(request, {**context, "form": form}, stale)
        messages.success(request, _("The obligation was deleted."))
        return back_to_membership(request.office.slug, obligation.membership_id, "obligations")
    return render_confirm(request, context)
