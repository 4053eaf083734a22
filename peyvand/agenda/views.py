"""The calendar pages (month and agenda), the feed's address and its regeneration, and the
feed itself (no login: its secret address is the key)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.calendar import calendar_items
from peyvand.core.dates import is_persian
from peyvand.core.pagination import querystring_without

from . import selectors, services
from .feeds import feed_member, feed_token
from .forms import CalendarForm
from .ics import feed_calendar

# What the feed holds: a year back and two ahead.
FEED_PAST_DAYS = 366
FEED_FUTURE_DAYS = 2 * 366


def feed_url(request: HttpRequest, office: Any, user: Any) -> str:
    path = reverse("feeds:calendar", kwargs={"token": feed_token(office, user)})
    return request.build_absolute_uri(path)


def _context(request: OfficeRequest, form: CalendarForm, view: str) -> dict[str, Any]:
    return {
        "form": form,
        "view": view,
        "feed_url": feed_url(request, request.office, request.user),
        "kinds_query": querystring_without(request, "y", "m", "start"),
    }


@office_view()
@office_page
def month(request: OfficeRequest) -> HttpResponse:
    form = CalendarForm(request.GET or None)
    persian = is_persian()
    today = timezone.localdate()
    year, number = selectors.current_month(today, persian)
    if form.is_bound and form.is_valid():
        year = form.cleaned_data["y"] or year
        number = form.cleaned_data["m"] or number
    shown = selectors.month_view(
        request.office, year, number, persian=persian, today=today, kinds=form.kinds()
    )
    context = _context(request, form, "month")
    context["month"] = shown
    return render(request, "agenda/month.html", context)


@office_view()
@office_page
def agenda(request: OfficeRequest) -> HttpResponse:
    form = CalendarForm(request.GET or None)
    start = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["start"]:
        start = form.cleaned_data["start"]
    days = selectors.AGENDA_DAYS
    context = _context(request, form, "agenda")
    context.update(
        {
            "start": start,
            "end": start + dt.timedelta(days=days - 1),
            "days": selectors.agenda(request.office, start, days=days, kinds=form.kinds()),
            "earlier": selectors.date_param(start - dt.timedelta(days=days)),
            "later": selectors.date_param(start + dt.timedelta(days=days)),
        }
    )
    return render(request, "agenda/agenda.html", context)


@office_view()
def feed_regenerate(request: OfficeRequest) -> HttpResponse:
    """GET asks for confirmation (the old address stops working); POST makes a new one."""
    if request.method == "POST":
        services.feed_regenerate(office=request.office, actor=request.membership)
        messages.success(
            request,
            _("Your calendar has a new address. Subscribe to it again in your calendar app."),
        )
        return redirect("agenda:month", office_slug=request.office.slug)
    return render(request, "agenda/feed_regenerate.html")


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The member's calendar as iCal: what they may see in that office, nothing else."""
    membership = feed_member(token)
    if membership is None:
        raise Http404
    office = membership.office
    today = timezone.localdate()
    items = calendar_items(
        office,
        today - dt.timedelta(days=FEED_PAST_DAYS),
        today + dt.timedelta(days=FEED_FUTURE_DAYS),
    )
    body = feed_calendar(
        office,
        items,
        name=_("%(office)s | Peyvand") % {"office": office.name},
        absolute=request.build_absolute_uri,
        stamp=timezone.now(),
        domain=request.get_host().split(":")[0] or "peyvand",
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="peyvand.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
