"""The application pages: list (by status), detail with the workflow's buttons, create,
edit; a workflow action."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import DateRangeForm, apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import NotAllowedNow, is_record_id
from peyvand.records.history import history_of
from peyvand.records.presenters import stale_context

from .. import selectors, services
from ..forms import ApplicationForm, TransitionForm
from ..models import Application, ApplicationStatus, FundingCall, Pitch
from ..presenters import history_rows
from .common import HISTORY_SHOWN, back, choice_filter


@office_view()
@office_page
def application_list(request: OfficeRequest) -> HttpResponse:
    office = request.office
    filters = {
        "status": choice_filter(request, "status", ApplicationStatus.values),
        "sort": choice_filter(request, "sort", selectors.APPLICATION_SORTS),
        "granted": choice_filter(request, "granted", ["1"]),
    }
    dates = DateRangeForm(request.GET or None)
    start, end = dates.dates()
    qs = selectors.application_list(office=office, filters={**filters, "start": start, "end": end})
    context = {
        "page_obj": paginate(request, qs),
        "filters": filters,
        "date_form": dates.shown(),
        "querystring": querystring_without(request, "page"),
        "counts": selectors.application_status_counts(office=office),
        "statuses": ApplicationStatus.choices,
        "filtered": bool(filters["status"] or filters["granted"] or start or end),
    }
    return render(request, "opportunities/applications/list.html", context)


@office_view()
@office_page
def application_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    a = selectors.application_for_detail(office=request.office, pk=pk)
    context = {
        "a": a,
        "actions": services.allowed_actions(a, request.membership),
        "history": history_rows(list(history_of(a)[:HISTORY_SHOWN])),
        "history_shown": HISTORY_SHOWN,
        "can_edit": request.membership.has_role(Role.OFFICER),
    }
    return render(request, "opportunities/applications/detail.html", context)


def _values(form: ApplicationForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    data["partner_cities"] = list(data["partner_cities"])
    data["partner_organizations"] = list(data["partner_organizations"])
    return data


@office_view(Role.OFFICER)
def application_create(request: OfficeRequest) -> HttpResponse:
    office = request.office
    initial: dict[str, Any] = {}
    for key, model in (("call", FundingCall), ("pitch", Pitch)):
        value = request.GET.get(key, "")
        if is_record_id(value):
            initial[key] = model.objects.for_office(office).filter(pk=value).first()
    form = ApplicationForm(request.POST or None, office=office, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            a = services.application_create(
                office=office, actor=request.membership, **_values(form)
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The application was saved, in preparation."))
            return back(request, "application_detail", pk=a.pk)
    context = {"form": form, "creating": True}
    return render(request, "opportunities/applications/form.html", context)


@office_view(Role.OFFICER)
def application_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    a = get_object_or_404(
        Application.objects.for_office(request.office).select_related("call", "pitch"), pk=pk
    )
    form = ApplicationForm(
        request.POST or None, office=request.office, initial=ApplicationForm.initial_from(a)
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.application_update(
                application=a,
                actor=request.membership,
                changes=_values(form),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc, history_rows)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The application was saved."))
            return back(request, "application_detail", pk=a.pk)
    context = {"form": form, "a": a, "stale": stale}
    return render(
        request, "opportunities/applications/form.html", context, status=409 if stale else 200
    )


@require_POST
@office_view(Role.OFFICER)
def application_status(request: OfficeRequest, pk: int) -> HttpResponse:
    """A workflow action from the application's page."""
    a = get_object_or_404(Application.objects.for_office(request.office), pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid action."))
        return back(request, "application_detail", pk=a.pk)
    data = form.cleaned_data
    try:
        done = services.application_transition(
            application=a,
            actor=request.membership,
            action=data["action"],
            reason=data["reason"],
            expected_version=data["version"],
        )
    except services.StaleVersion as exc:
        messages.error(request, exc.message)
    except NotAllowedNow as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The application is now %(status)s.") % {"status": done.get_status_display()},
        )
    return back(request, "application_detail", pk=a.pk)
