"""What the memberships need the office to do soon: the fee and the obligations.

A fee due within 60 days or overdue, an obligation due within 30 days or overdue; a paid
fee, a done obligation and a membership the office has left raise nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from peyvand.accounts.models import Office

from ..models import Membership, MembershipStatus, Obligation

FEE_HORIZON_DAYS = 60
OBLIGATION_HORIZON_DAYS = 30


@dataclass(frozen=True)
class MembershipAlert:
    kind: str  # fee_due / fee_overdue / obligation_due / obligation_overdue
    day: dt.date
    membership: Membership
    title: str = ""  # the obligation's

    @property
    def urgent(self) -> bool:
        return self.kind.endswith("_overdue")


def membership_alerts(*, office: Office, today: dt.date) -> list[MembershipAlert]:
    """The office's fee and obligation alerts, by the day they concern."""
    out: list[MembershipAlert] = []
    fee_horizon = today + dt.timedelta(days=FEE_HORIZON_DAYS)
    fees = (
        Membership.objects.for_office(office)
        .exclude(status=MembershipStatus.LEFT)
        .filter(fee_paid_on__isnull=True, fee_due_on__isnull=False, fee_due_on__lte=fee_horizon)
        .select_related("organization")
    )
    for m in fees:
        assert m.fee_due_on is not None
        kind = "fee_overdue" if m.fee_due_on < today else "fee_due"
        out.append(MembershipAlert(kind, m.fee_due_on, m))
    obligation_horizon = today + dt.timedelta(days=OBLIGATION_HORIZON_DAYS)
    obligations = (
        Obligation.objects.for_office(office)
        .filter(done_on__isnull=True, due_on__lte=obligation_horizon)
        .filter(~Q(membership__status=MembershipStatus.LEFT))
        .select_related("membership", "membership__organization")
    )
    for o in obligations:
        kind = "obligation_overdue" if o.due_on < today else "obligation_due"
        out.append(MembershipAlert(kind, o.due_on, o.membership, o.title))
    out.sort(key=lambda a: (a.day, a.kind, a.membership.pk, a.title))
    return out
