"""Reads of the office's events: the list with its filters, one event, its missions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from peyvand.accounts.models import Office

from ..models import Event, Mission

WHEN = ("upcoming", "past")
SORTS = ("date", "-date")


def event_list(
    *, office: Office, filters: dict[str, Any] | None = None, today: dt.date | None = None
) -> QuerySet[Event]:
    """The office's events, filtered. Upcoming ones (not ended yet) soonest first by
    default; otherwise newest first."""
    filters = filters or {}
    today = today or timezone.localdate()
    qs = Event.objects.for_office(office).select_related(
        "organizer_organization", "organizer_city", "host_city", "host_city__country"
    )
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    year = filters.get("year")
    if year:
        qs = qs.filter(starts_on__year=int(year))
    when = filters.get("when")
    if when == "upcoming":
        qs = qs.filter(ends_on__gte=today)
    elif when == "past":
        qs = qs.filter(ends_on__lt=today)
    if filters.get("q"):
        q = str(filters["q"]).strip()
        qs = qs.filter(Q(title_fa__icontains=q) | Q(title_en__icontains=q))
    sort = filters.get("sort") or ("date" if when == "upcoming" else "-date")
    if sort == "date":
        return qs.order_by("starts_on", "pk")
    return qs.order_by("-starts_on", "-pk")


def event_for_detail(*, office: Office, pk: int) -> Event:
    """Another office's event answers 404."""
    event: Event = get_object_or_404(
        Event.objects.for_office(office)
        .select_related(
            "organizer_organization", "organizer_city", "host_city", "host_city__country", "office"
        )
        .prefetch_related("areas"),
        pk=pk,
    )
    return event


def event_missions(*, event: Event) -> QuerySet[Mission]:
    """The office's missions linked to the event, by start date."""
    return Mission.objects.filter(office_id=event.office_id, event=event).order_by(
        "start_date", "pk"
    )


def event_years(*, office: Office) -> list[int]:
    """The years the office's events start in, newest first (for the list filter)."""
    return sorted(
        {d.year for d in Event.objects.for_office(office).dates("starts_on", "year")},
        reverse=True,
    )
