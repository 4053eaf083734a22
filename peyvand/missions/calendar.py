"""Events and missions in the office's calendar (accounts.calendar)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from peyvand.accounts.calendar import CalendarItem
from peyvand.accounts.models import Office

from .models import Event, Mission, MissionStatus

# A mission refused or called off is not on anyone's calendar.
NOT_GOING = (MissionStatus.REJECTED, MissionStatus.CANCELLED)


def event_items(office: Office, start: dt.date, end: dt.date) -> list[CalendarItem]:
    rows = (
        Event.objects.for_office(office)
        .filter(starts_on__lte=end, ends_on__gte=start)
        .select_related("host_city")
        .order_by("starts_on", "pk")
    )
    return [
        CalendarItem(
            kind="event",
            uid=f"event-{e.pk}",
            title=e.tr("title"),
            start=e.starts_on,
            end=e.ends_on,
            url=reverse("events:detail", kwargs={"office_slug": office.slug, "pk": e.pk}),
            detail=e.host_city.name if e.host_city_id else "",
        )
        for e in rows
    ]


def mission_items(office: Office, start: dt.date, end: dt.date) -> list[CalendarItem]:
    rows = (
        Mission.objects.for_office(office)
        .exclude(status__in=NOT_GOING)
        .filter(start_date__lte=end, end_date__gte=start)
        .order_by("start_date", "pk")
    )
    return [
        CalendarItem(
            kind="mission",
            uid=f"mission-{m.pk}",
            title=m.tr("title"),
            start=m.start_date,
            end=m.end_date,
            url=reverse("missions:detail", kwargs={"office_slug": office.slug, "pk": m.pk}),
            detail=m.get_status_display(),
        )
        for m in rows
    ]
