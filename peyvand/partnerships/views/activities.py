"""Activities: log one under a pact, correct it, delete it (asking first)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, get_for_office, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.records.binning import KEEP_DAYS

from .. import selectors, services
from ..forms import (
    ActivityEditForm,
    ActivityForm,
)
from ..models import (
    Activity,
)
from .common import (
    _confirm,
    _confirm_form,
    back_pact,
    back_to_detail,
    linked_pacts,
    stale_context,
)
from .detail import Inline, render_detail


def _activity_input(data: dict[str, Any]) -> dict[str, Any]:
    """The activity form's cleaned data as keyword arguments of activity_log/_update:
    the fields a correction saves, and the cooperation areas."""
    return {name: data[name] for name in (*services.ACTIVITY_FIELDS, "areas")}


def _activity(request: OfficeRequest, pk: int) -> Activity:
    activity = get_for_office(Activity, request.office, pk=pk)
    if not services.can_edit_activity(request.membership, activity):
        raise PermissionDenied
    return activity


@office_view(Role.LIAISON)
def activity_log(request: OfficeRequest, pk: int) -> HttpResponse:
    """Log an activity (the detail page posts its short form here)."""
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    initial = {"date": timezone.localdate(), "partnerships": [p], "kind": "online_meeting"}
    form = ActivityForm(request.POST or None, office=office, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = {
            "kind": data["outcome_kind"],
            "value": data["outcome_value"],
            "unit": data["outcome_unit"],
        }
        # An outcome is sent when any of it was typed: the service refuses a value
        # without a kind instead of the page dropping it.
        outcomes = [outcome] if any(v not in (None, "") for v in outcome.values()) else []
        try:
            services.activity_log(
                office=office,
                actor=request.membership,
                partnerships=list(data["partnerships"]),
                outcomes=outcomes,
                **_activity_input(data),
            )
        except ValidationError as exc:
            # The form's one outcome is the service's outcomes.0 (outcome_value...).
            if hasattr(exc, "error_dict"):
                exc = ValidationError(
                    {
                        name.replace("outcomes.0.", "outcome_"): msgs
                        for name, msgs in exc.message_dict.items()
                    }
                )
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The activity was logged and the score updated."))
            return back_to_detail(office.slug, p.pk, "health")
    if request.method == "POST" and request.POST.get("inline") and _inline_errors_only(form):
        # Posted from the pact page's short form: shown there again, open.
        return render_detail(request, p, Inline("activity_form", form))
    return render(request, "partnerships/activity_form.html", {"form": form, "p": p})


# The fields of the pact page's short form of an activity (the others are on this page).
INLINE_ACTIVITY_FIELDS = {"title", "kind", "initiated_by", "date", "partnerships"}


def _inline_errors_only(form: ActivityForm) -> bool:
    """Whether the short form can show every error of the form beside its own fields."""
    return set(form.errors) <= INLINE_ACTIVITY_FIELDS | {"__all__"}


@office_view(Role.LIAISON)
def activity_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    activity = _activity(request, pk)
    back = back_pact(request, linked_pacts(activity))
    form = ActivityEditForm(
        request.POST or None,
        office=office,
        activity=activity,
        initial=ActivityEditForm.initial_from(activity),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pacts = list(data["partnerships"])
        try:
            services.activity_update(
                activity=activity,
                actor=request.membership,
                expected_version=data["version"],
                partnerships=pacts,
                **_activity_input(data),
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The activity was saved and the scores updated."))
            target = back if back in {p.pk for p in pacts} else pacts[0].pk
            return back_to_detail(office.slug, target, "activities")
    context = {
        "form": form,
        "activity": activity,
        "outcomes": list(activity.outcomes.all()),
        "back": back,
        "can_delete": request.membership.has_role(Role.OFFICER),
        "stale": stale,
    }
    return render(request, "partnerships/activity_edit.html", context, status=409 if stale else 200)


@office_view(Role.OFFICER)
def activity_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    activity = get_for_office(Activity, office, pk=pk)
    back = back_pact(request, linked_pacts(activity))
    form = _confirm_form(request, activity.version)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            pacts = services.activity_delete(
                activity=activity,
                actor=request.membership,
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
            activity.refresh_from_db()  # the question names the activity as it is now
        else:
            messages.success(
                request, _("The activity was moved to the bin and the scores updated.")
            )
            target = back if back in {p.pk for p in pacts} else pacts[0].pk
            return back_to_detail(office.slug, target, "activities")
    pacts = list(activity.partnerships.select_related("partner_city").order_by("pk"))
    return _confirm(
        request,
        {
            "title": _("Delete the activity"),
            "question": _(
                "Delete the activity “%(title)s”? It is removed from the timeline of every "
                "partnership it concerns, with its outcomes, and their scores are recomputed. "
                "It goes to the office's bin, where it can be restored for %(days)s days."
            )
            % {"title": activity.title, "days": KEEP_DAYS},
            "details": [p.partner_city.name for p in pacts],
            "details_label": _("Partnerships it concerns:"),
            "n_outcomes": activity.outcomes.count(),
            "back": back,
            "submit": _("Delete the activity"),
            "form": form,
        },
        stale,
    )
