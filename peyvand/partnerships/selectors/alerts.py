"""Alerts: what needs the office's attention, most urgent first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from peyvand.accounts.models import Office

from ..models import (
    Agreement,
    Commitment,
    CommitmentStatus,
    Partnership,
    PartnershipStatus,
)


@dataclass
class Alert:
    kind: str  # turning_dormant / pact_expiring / agreement_expiring / overdue / anniversary
    day: dt.date
    partnership: Partnership
    subject: str = ""
    years: int = 0


def alerts(*, office: Office, today: dt.date | None = None) -> list[Alert]:
    """What needs attention: sorted by the day it concerns."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=90)
    live = list(
        Partnership.objects.for_office(office)
        .filter(archived=False)
        .exclude(status__in=[PartnershipStatus.ENDED])
        .select_related("partner_city", "office")
    )
    by_id = {p.pk: p for p in live}
    out: list[Alert] = []
    for p in live:
        # Projected when the score was stored (services.health), not recomputed here.
        day = p.dormant_projected_on
        if p.in_force and day is not None and today <= day <= horizon:
            out.append(Alert("turning_dormant", day, p))
        if p.valid_until and today <= p.valid_until <= horizon:
            out.append(Alert("pact_expiring", p.valid_until, p))
        if p.signed_on and p.status == PartnershipStatus.ACTIVE:
            for year in (today.year, today.year + 1):
                try:
                    anniversary = p.signed_on.replace(year=year)
                except ValueError:  # 29 February
                    anniversary = dt.date(year, 3, 1)
                if today <= anniversary <= today + dt.timedelta(days=30) and year > (
                    p.signed_on.year
                ):
                    out.append(Alert("anniversary", anniversary, p, years=year - p.signed_on.year))
    for agreement in Agreement.objects.filter(
        partnership_id__in=by_id, valid_until__gte=today, valid_until__lte=horizon
    ):
        assert agreement.valid_until is not None
        out.append(
            Alert(
                "agreement_expiring",
                agreement.valid_until,
                by_id[agreement.partnership_id],
                agreement.title,
            )
        )
    for c in Commitment.objects.filter(
        partnership_id__in=by_id,
        due_on__lt=today,
        status__in=[CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS],
    ):
        out.append(Alert("overdue", c.due_on, by_id[c.partnership_id], c.title))
    out.sort(key=lambda a: (a.day, a.kind, a.partnership.pk))
    return out
