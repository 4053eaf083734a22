"""The feed as an RFC 5545 calendar (through `icalendar`): one all-day VEVENT per item,
with the item's stable UID, so a calendar app updates an event instead of adding another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from icalendar import Calendar
from icalendar import Event as VEvent

from peyvand.accounts.calendar import CalendarItem
from peyvand.accounts.models import Office

PRODID = "-//Peyvand//City diplomacy calendar//EN"


def feed_calendar(
    office: Office,
    items: Sequence[CalendarItem],
    *,
    name: str,
    absolute: Callable[[str], str],
    stamp: dt.datetime,
    domain: str,
) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for item in items:
        event = VEvent()
        event.add("uid", f"{item.uid}.{office.slug}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.end + dt.timedelta(days=1))  # DTEND of a date is exclusive
        event.add("summary", item.title)
        if item.detail:
            event.add("description", item.detail)
        event.add("url", absolute(item.url))
        event.add("categories", [item.kind])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    body: bytes = cal.to_ical()
    return body
