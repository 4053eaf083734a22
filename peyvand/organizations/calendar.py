"""The memberships' dated things in the office's calendar (accounts.calendar): unpaid fees'
due dates and open obligations' due dates."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from peyvand.accounts.calendar import CalendarItem
from peyvand.accounts.models import Office

from .models import Membership, Obligation


def _url(office: Office, pk: int) -> str:
    return reverse("organizations:membership_detail", kwargs={"office_slug": office.slug, "pk": pk})


def fee_items(office: Office, start: dt.date, end: dt.date) -> list[CalendarItem]:
    rows = (
        Membership.objects.for_office(office)
        .filter(fee_due_on__range=(start, end), fee_paid_on__isnull=True)
        .select_related("organization")
        .order_by("fee_due_on", "pk")
    )
    return [
        CalendarItem(
            kind="fee",
            uid=f"fee-{m.pk}",
            title=_("Fee due: %(organization)s") % {"organization": m.organization.name},
            start=m.fee_due_on,
            end=m.fee_due_on,
            url=_url(office, m.pk),
        )
        for m in rows
        if m.fee_due_on is not None
    ]


def obligation_items(office: Office, start: dt.date, end: dt.date) -> list[CalendarItem]:
    rows = (
        Obligation.objects.for_office(office)
        .filter(due_on__range=(start, end), done_on__isnull=True)
        .select_related("membership__organization")
        .order_by("due_on", "pk")
    )
    return [
        CalendarItem(
            kind="obligation",
            uid=f"obligation-{o.pk}",
            title=o.title,
            start=o.due_on,
            end=o.due_on,
            url=_url(office, o.membership_id),
            detail=o.membership.organization.name,
        )
        for o in rows
    ]
