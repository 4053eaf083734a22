"""The funding-call pages: the watch list (upcoming deadlines first), detail, create,
edit, delete (confirmed)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, get_for_office, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import NotAllowedNow
from peyvand.partnerships.models import CooperationArea
from peyvand.records.history import history_of
from peyvand.records.presenters import stale_context

from .. import selectors, services
from ..forms import CallForm, VersionForm
from ..models import FundingCall
from ..presenters import history_rows
from .common import HISTORY_SHOWN, back, choice_filter, confirm_form, render_confirm


@office_view()
@office_page
def call_list(request: OfficeRequest) -> HttpResponse:
    # "Upcoming" is read against today: a kept page is kept for its day only (pagecache).
    areas = list(CooperationArea.objects.all())
    today = timezone.localdate()
    filters = {
        "area": choice_filter(request, "area", [a.code for a in areas]),
        "open": choice_filter(request, "open", ["1"]),
        "q": request.GET.get("q", "").strip()[:200],
    }
    qs = selectors.call_list(office=request.office, today=today, filters=filters)
    context = {
        "page_obj": paginate(request, qs),
        "filters": filters,
        "querystring": querystring_without(request, "page"),
        "areas": areas,
        "today": today,
        "filtered": any(filters.values()),
    }
    return render(request, "opportunities/calls/list.html", context)


@office_view()
@office_page
def call_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    call = selectors.call_for_detail(office=request.office, pk=pk)
    context = {
        "call": call,
        "today": timezone.localdate(),
        "history": history_rows(list(history_of(call)[:HISTORY_SHOWN])),
        "history_shown": HISTORY_SHOWN,
        "can_edit": request.membership.has_role(Role.OFFICER),
    }
    return render(request, "opportunities/calls/detail.html", context)


def _values(form: CallForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    return data


@office_view(Role.OFFICER)
def call_create(request: OfficeRequest) -> HttpResponse:
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_create(
                office=request.office, actor=request.membership, **_values(form)
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The funding call was saved."))
            return back(request, "call_detail", pk=call.pk)
    return render(request, "opportunities/calls/form.html", {"form": form, "creating": True})


@office_view(Role.OFFICER)
def call_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(
        FundingCall.objects.for_office(request.office).select_related("funder"), pk=pk
    )
    form = CallForm(request.POST or None, initial=CallForm.initial_from(call))
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.call_update(
                call=call,
                actor=request.membership,
                changes=_values(form),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc, history_rows)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The funding call was saved."))
            return back(request, "call_detail", pk=call.pk)
    context = {"form": form, "call": call, "stale": stale}
    return render(request, "opportunities/calls/form.html", context, status=409 if stale else 200)


@office_view(Role.OFFICER)
def call_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    call = get_for_office(FundingCall, request.office, pk=pk)
    form = confirm_form(request, call.version)
    context = {
        "form": form,
        "back_url": "call_detail",
        "back_pk": call.pk,
        "title": _("Delete the funding call"),
        "question": _("Take this call off the office's watch list? This cannot be undone."),
        "subject": call.title,
        "submit": _("Delete"),
    }
    if request.method == "POST" and form.is_valid():
        try:
            services.call_delete(
                call=call, actor=request.membership, expected_version=form.cleaned_data["version"]
            )
        except services.StaleVersion as exc:
            stale = {"message": exc.message, "history": history_rows(exc.events)}
            form = VersionForm(initial={"version": exc.version})
            return render_confirm(request, {**context, "form": form}, stale)
        except NotAllowedNow as exc:
            messages.error(request, exc.message)
            return back(request, "call_detail", pk=call.pk)
        messages.success(request, _("The funding call was deleted."))
        return back(request, "call_list")
    return render_confirm(request, context)
