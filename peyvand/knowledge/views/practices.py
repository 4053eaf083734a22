"""The practice pages: list, detail (with its stays in stages and its history), create
(from a trip report's observation too), edit, delete."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, get_for_office, office_page, office_view
from peyvand.accounts.models import Office, Role
from peyvand.core.forms import DateRangeForm, apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import is_record_id
from peyvand.missions.models import PracticeObserved
from peyvand.missions.views.contacts import chosen_cities
from peyvand.records.binning import KEEP_DAYS
from peyvand.records.history import history_of
from peyvand.records.presenters import stale_context

from .. import selectors, services
from ..forms import ConfirmForm, DocumentForm, PracticeForm
from ..models import Practice, Stage
from ..presenters import history_rows

HISTORY_SHOWN = 50
FILTERS = ("stage", "area", "city", "tag", "q", "sort")
PERSIAN = re.compile(r"[\u0600-\u06ff]")


def detail_url(office: Office, pk: int) -> str:
    return reverse("knowledge:detail", kwargs={"office_slug": office.slug, "pk": pk})


@office_view()
@office_page
def practice_list(request: OfficeRequest) -> HttpResponse:
    office = request.office
    filters = {key: request.GET.get(key, "").strip()[:200] for key in FILTERS}
    if filters["stage"] not in Stage.values:
        filters["stage"] = ""
    if filters["sort"] not in selectors.SORTS:
        filters["sort"] = ""
    dates = DateRangeForm(request.GET or None)
    start, end = dates.dates()
    page = paginate(
        request,
        selectors.practice_list(office=office, filters={**filters, "start": start, "end": end}),
    )
    context = {
        "page_obj": page,
        "filters": filters,
        "date_form": dates.shown(),
        "filtered": any(filters[k] for k in FILTERS if k != "sort") or bool(start or end),
        "querystring": querystring_without(request, "page"),
        "counts": selectors.stage_counts(office),
        "stages": Stage.choices,
        **selectors.filter_choices(office),
    }
    return render(request, "knowledge/list.html", context)


@office_view()
@office_page
def practice_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    p = selectors.practice_for_detail(office=request.office, pk=pk)
    return render_detail(request, p)


def render_detail(
    request: OfficeRequest,
    p: Practice,
    *,
    document_form: DocumentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "p": p,
        "moves": services.allowed_moves(p, request.membership),
        "stays": selectors.time_in_stages(p),
        "spans": list(p.spans.all()),
        "document_form": document_form or DocumentForm(),
        "history": history_rows(list(history_of(p)[:HISTORY_SHOWN])),
        "history_shown": HISTORY_SHOWN,
        "can_edit": request.membership.has_role(Role.OFFICER),
    }
    return render(request, "knowledge/detail.html", context, status=status)


def _observation(request: OfficeRequest, wanted: Any) -> PracticeObserved | None:
    if not is_record_id(wanted or ""):
        return None
    found: PracticeObserved | None = (
        PracticeObserved.objects.for_office(request.office)
        .select_related("report__mission")
        .filter(pk=int(wanted))
        .first()
    )
    return found


def _from_observation(o: PracticeObserved) -> dict[str, Any]:
    """The form prefilled from a trip report's observation: its title and description (in
    the language they are written in), the mission, its pacts, its first city."""
    mission = o.report.mission
    lang = "fa" if PERSIAN.search(o.title) else "en"
    said = "fa" if PERSIAN.search(o.description) else "en"
    first_city = mission.cities.order_by("pk").first()
    return {
        f"title_{lang}": o.title,
        f"summary_{said}": o.description,
        "missions": [mission],
        "partnerships": list(mission.partnerships.all()),
        "source_city": first_city.code if first_city else "",
        "observation": o.pk,
    }


@office_view(Role.OFFICER)
def practice_create(request: OfficeRequest) -> HttpResponse:
    office = request.office
    observation = _observation(
        request, request.POST.get("observation") or request.GET.get("observation")
    )
    if observation is not None:
        made = Practice.objects.for_office(office).filter(observation=observation).first()
        if made is not None:
            messages.info(request, _("This observation is already a practice of the office."))
            return redirect(detail_url(office, made.pk))
    initial = _from_observation(observation) if observation else {}
    form = PracticeForm(request.POST or None, office=office, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            p = services.practice_create(
                office=office,
                actor=request.membership,
                observation=observation,
                **form.service_data(),
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The practice was saved as an idea."))
            return redirect(detail_url(office, p.pk))
    context = {
        "form": form,
        "creating": True,
        "observation": observation,
        "chosen": chosen_cities(request, form),
    }
    return render(request, "knowledge/form.html", context)


@office_view(Role.OFFICER)
def practice_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = get_for_office(Practice, office, pk=pk)
    form = PracticeForm(request.POST or None, office=office, initial=PracticeForm.initial_from(p))
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_update(
                practice=p,
                actor=request.membership,
                changes=form.service_data(),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc, history_rows)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The practice was saved."))
            return redirect(detail_url(office, p.pk))
    context = {
        "form": form,
        "p": p,
        "creating": False,
        "stale": stale,
        "chosen": chosen_cities(request, form),
    }
    return render(request, "knowledge/form.html", context, status=409 if stale else 200)


@office_view(Role.OFFICER)
def practice_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    """Asks first (GET), deletes on POST."""
    office = request.office
    p = get_for_office(Practice, office, pk=pk)
    form = ConfirmForm(request.POST or None, initial={"version": p.version})
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_delete(
                practice=p, actor=request.membership, expected_version=form.cleaned_data["version"]
            )
        except services.StaleVersion as exc:
            stale = {"message": exc.message, "history": history_rows(exc.events)}
            form = ConfirmForm(initial={"version": exc.version})
        else:
            messages.success(request, _("The practice was moved to the bin."))
            return redirect("knowledge:list", office_slug=office.slug)
    return render(
        request,
        "knowledge/delete.html",
        {"p": p, "form": form, "stale": stale, "days": KEEP_DAYS},
        status=409 if stale else 200,
    )
