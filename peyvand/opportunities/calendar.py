"""Funding calls' deadlines in the office's calendar (accounts.calendar)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from peyvand.accounts.calendar import CalendarItem
from peyvand.accounts.models import Office

from .models import FundingCall


def call_items(office: Office, start: dt.date, end: dt.date) -> list[CalendarItem]:
    rows = (
        FundingCall.objects.for_office(office)
        .filter(deadline__range=(start, end))
        .select_related("funder")
        .order_by("deadline", "pk")
    )
    return [
        CalendarItem(
            kind="call",
            uid=f"call-{c.pk}",
            title=_("Call deadline: %(title)s") % {"title": c.tr("title")},
            start=c.deadline,
            end=c.deadline,
            url=reverse(
                "opportunities:call_detail", kwargs={"office_slug": office.slug, "pk": c.pk}
            ),
            detail=c.funder.name if c.funder_id else "",
        )
        for c in rows
    ]
