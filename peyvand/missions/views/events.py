"""The events pages: list (upcoming and past), detail with the office's missions to it,
create, edit, delete."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import NotAllowedNow
from peyvand.partnerships.forms import ConfirmForm

from .. import selectors, services
from ..forms import EventForm
from ..models import Event, EventKind, Mission
from .contacts import chosen_cities, stale_context

LIST_FILTERS = ("kind", "year", "q", "when", "sort")


@office_view()
@office_page
def event_list(request: OfficeRequest) -> HttpResponse:
    office = request.office
    filters = {key: request.GET.get(key, "").strip() for key in LIST_FILTERS}
    years = selectors.event_years(office=office)
    if not (filters["year"].isdigit() and int(filters["year"]) in years):
        filters["year"] = ""
    if filters["when"] not in selectors.events.WHEN:
        filters["when"] = ""
    if filters["sort"] not in selectors.events.SORTS:
        filters["sort"] = ""
    today = timezone.localdate()
    page = paginate(request, selectors.event_list(office=office, filters=filters, today=today))
    context = {
        "page_obj": page,
        "filters": filters,
        "filtered": any(v for k, v in filters.items() if k != "sort"),
        "querystring": querystring_without(request, "page"),
        "kinds": EventKind.choices,
        "years": years,
        "today": today,
    }
    return render(request, "missions/events/list.html", context)


def mission_rows(office_slug: str, missions: list[Mission]) -> list[dict[str, Any]]:
    """The event's missions, each with the link to its page once the missions pages
    exist (without a link until then)."""
    rows = []
    for mission in missions:
        try:
            link = reverse("missions:detail", kwargs={"office_slug": office_slug, "pk": mission.pk})
        except NoReverseMatch:
            link = ""
        rows.append({"mission": mission, "url": link})
    return rows


@office_view()
@office_page
def event_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    event = selectors.event_for_detail(office=office, pk=pk)
    missions = list(selectors.event_missions(event=event))
    return render(
        request,
        "missions/events/detail.html",
        {
            "event": event,
            "missions": mission_rows(office.slug, missions),
            "can_edit": request.membership.can_edit,
            "today": timezone.localdate(),
        },
    )


@office_view(Role.OFFICER)
def event_create(request: OfficeRequest) -> HttpResponse:
    office = request.office
    form = EventForm(request.POST or None, initial={"kind": EventKind.CONFERENCE})
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                office=office, actor=request.membership, **form.service_data()
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The event was added."))
            return redirect("events:detail", office_slug=office.slug, pk=event.pk)
    return render(
        request,
        "missions/events/form.html",
        {"form": form, "creating": True, "chosen": chosen_cities(request, form)},
    )


@office_view(Role.OFFICER)
def event_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    event = selectors.event_for_detail(office=office, pk=pk)
    form = EventForm(request.POST or None, initial=EventForm.initial_from(event))
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                event=event,
                actor=request.membership,
                expected_version=form.cleaned_data["version"],
                data=form.service_data(),
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The event was saved."))
            return redirect("events:detail", office_slug=office.slug, pk=event.pk)
    return render(
        request,
        "missions/events/form.html",
        {
            "form": form,
            "event": event,
            "creating": False,
            "stale": stale,
            "chosen": chosen_cities(request, form),
        },
        status=409 if stale else 200,
    )


@office_view(Role.OFFICER)
def event_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    """Ask, then delete; refused while a mission is linked to the event."""
    office = request.office
    event: Event = selectors.event_for_detail(office=office, pk=pk)
    form = ConfirmForm(
        request.POST if request.method == "POST" else None, initial={"version": event.version}
    )
    stale = None
    refusal = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.event_delete(
                event=event,
                actor=request.membership,
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except NotAllowedNow as exc:
            refusal = exc.message
        else:
            messages.success(request, _("The event was deleted."))
            return redirect("events:list", office_slug=office.slug)
    n_missions = event.missions.count()
    return render(
        request,
        "missions/events/delete.html",
        {
            "event": event,
            "form": form,
            "stale": stale,
            "refusal": refusal,
            "n_missions": n_missions,
        },
        status=409 if stale or refusal else 200,
    )
