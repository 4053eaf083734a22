"""What the memberships need the office to do soon: the fee and the obligations.

A fee due within 60 days or overdue, an obligation due within 30 days or overdue; a paid
fee, a done obligation and a membership the office has left raise nothing. Read in one
query (the office home asks every module for its alerts on every visit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import CharField, Value

from peyvand.accounts.models import Office
from peyvand.core.i18n import bilingual

from ..models import Membership, MembershipStatus, Obligation

FEE_HORIZON_DAYS = 60
OBLIGATION_HORIZON_DAYS = 30


@dataclass(frozen=True)
class MembershipAlert:
    kind: str  # fee_due / fee_overdue / obligation_due / obligation_overdue
    day: dt.date
    membership_id: int
    acronym: str
    name_en: str
    name_fa: str
    title: str = ""  # the obligation's

    @property
    def urgent(self) -> bool:
        return self.kind.endswith("_overdue")

    @property
    def organization_name(self) -> str:
        """As `Organization.short_name`: the acronym, else the name in the reader's language."""
        return self.acronym or bilingual(self, "name")


def membership_alerts(*, office: Office, today: dt.date) -> list[MembershipAlert]:
    """The office's fee and obligation alerts, by the day they concern."""
    text = CharField()
    fees = (
        Membership.objects.for_office(office)
        .exclude(status=MembershipStatus.LEFT)
        .filter(
            fee_paid_on__isnull=True,
            fee_due_on__isnull=False,
            fee_due_on__lte=today + dt.timedelta(days=FEE_HORIZON_DAYS),
        )
        .values_list(
            Value("fee", output_field=text),
            "fee_due_on",
            "pk",
            "organization__acronym",
            "organization__name_en",
            "organization__name_fa",
            Value("", output_field=text),
        )
        .order_by()
    )
    obligations = (
        Obligation.objects.for_office(office)
        .exclude(membership__status=MembershipStatus.LEFT)
        .filter(
            done_on__isnull=True,
            due_on__lte=today + dt.timedelta(days=OBLIGATION_HORIZON_DAYS),
        )
        .values_list(
            Value("obligation", output_field=text),
            "due_on",
            "membership_id",
            "membership__organization__acronym",
            "membership__organization__name_en",
            "membership__organization__name_fa",
            "title",
        )
        .order_by()
    )
    out = [
        MembershipAlert(
            f"{source}_{'overdue' if day < today else 'due'}",
            day,
            pk,
            acronym,
            name_en,
            name_fa,
            title,
        )
        for source, day, pk, acronym, name_en, name_fa, title in fees.union(obligations, all=True)
    ]
    out.sort(key=lambda a: (a.day, a.kind, a.membership_id, a.title))
    return out
