"""Outcomes of an activity: record, correct, remove (asking first)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors

from .. import selectors, services
from ..forms import (
    OutcomeEditForm,
    OutcomeForm,
)
from ..models import (
    Activity,
    Outcome,
)
from .common import (
    _confirm,
    _confirm_form,
    back_pact,
    back_to_detail,
    linked_pacts,
    refused,
    stale_context,
)
from .detail import Inline, render_detail


def _outcome(request: OfficeRequest, pk: int) -> Outcome:
    outcome = get_object_or_404(
        Outcome.objects.for_office(request.office).select_related("activity"), pk=pk
    )
    if not services.can_edit_activity(request.membership, outcome.activity):
        raise PermissionDenied
    return outcome


@require_POST
@office_view(Role.LIAISON)
def outcome_add(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    activity = get_for_office(Activity, office, pk=pk)
    if not services.can_edit_activity(request.membership, activity):
        raise PermissionDenied
    target = back_pact(request, linked_pacts(activity))
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.outcome_add(activity=activity, actor=request.membership, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The outcome was recorded."))
            return back_to_detail(office.slug, target, "activities")
    p = selectors.partnership_for_detail(office=office, pk=target)
    return render_detail(request, p, Inline("outcome", form, row=activity.pk))


@office_view(Role.LIAISON)
def outcome_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    outcome = _outcome(request, pk)
    back = back_pact(request, linked_pacts(outcome.activity))
    form = OutcomeEditForm(request.POST or None, initial=OutcomeEditForm.initial_from(outcome))
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.outcome_update(
                outcome=outcome, actor=request.membership, expected_version=version, **data
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The outcome was saved."))
            return back_to_detail(office.slug, back, "activities")
    context = {
        "form": form,
        "outcome": outcome,
        "activity": outcome.activity,
        "back": back,
        "stale": stale,
    }
    return render(request, "partnerships/outcome_form.html", context, status=409 if stale else 200)


@office_view(Role.LIAISON)
def outcome_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    outcome = _outcome(request, pk)
    back = back_pact(request, linked_pacts(outcome.activity))
    form = _confirm_form(request, outcome.version)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.outcome_delete(
                outcome=outcome,
                actor=request.membership,
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
            outcome.refresh_from_db()  # the question names the outcome as it is now
        else:
            messages.success(request, _("The outcome was removed and the scores updated."))
            return back_to_detail(office.slug, back, "activities")
    return _confirm(
        request,
        {
            "title": _("Remove the outcome"),
            "question": _("Remove the outcome “%(outcome)s” of the activity “%(title)s”?")
            % {"outcome": outcome, "title": outcome.activity.title},
            "back": back,
            "submit": _("Remove the outcome"),
            "form": form,
        },
        stale,
    )
