"""The pacts' dated things in the office's calendar (accounts.calendar): the deadlines of
open commitments and the anniversaries of signed pacts in force."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from peyvand.accounts.calendar import CalendarItem
from peyvand.accounts.models import Office

from .models import Commitment, CommitmentStatus, Partnership, PartnershipStatus

OPEN = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)


def _pact_url(office: Office, pk: int) -> str:
    return reverse("partnerships:detail", kwargs={"office_slug": office.slug, "pk": pk})


def commitment_items(office: Office, start: dt.date, end: dt.date) -> list[CalendarItem]:
    rows = (
        Commitment.objects.for_office(office)
        .filter(status__in=OPEN, due_on__range=(start, end))
        .select_related("partnership__partner_city")
        .order_by("due_on", "pk")
    )
    return [
        CalendarItem(
            kind="commitment",
            uid=f"commitment-{c.pk}",
            title=_("Due: %(title)s") % {"title": c.title},
            start=c.due_on,
            end=c.due_on,
            url=_pact_url(office, c.partnership_id),
            detail=c.partnership.partner_city.name,
        )
        for c in rows
    ]


def anniversary_on(signed: dt.date, year: int) -> dt.date:
    """The pact's anniversary in `year` (a pact signed on 29 February: the 28th)."""
    try:
        return signed.replace(year=year)
    except ValueError:
        return signed.replace(year=year, day=28)


def anniversary_items(office: Office, start: dt.date, end: dt.date) -> list[CalendarItem]:
    pacts = (
        Partnership.objects.for_office(office)
        .filter(status=PartnershipStatus.ACTIVE, signed_on__isnull=False, signed_on__lt=end)
        .select_related("partner_city")
        .order_by("pk")
    )
    items = []
    for pact in pacts:
        assert pact.signed_on is not None
        for year in range(start.year, end.year + 1):
            day = anniversary_on(pact.signed_on, year)
            years = year - pact.signed_on.year
            if years < 1 or not start <= day <= end:
                continue
            items.append(
                CalendarItem(
                    kind="anniversary",
                    uid=f"anniversary-{pact.pk}-{year}",
                    title=_("%(years)s years of the pact with %(city)s")
                    % {"years": years, "city": pact.partner_city.name},
                    start=day,
                    end=day,
                    url=_pact_url(office, pact.pk),
                )
            )
    return items
