"""The demo office's memberships in international bodies (marked as demo data).

Dated relative to today, so the demo always shows the same alerts: the UCLG fee falls due
within 60 days, a Metropolis report is overdue; the others are in order.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office, OfficeMembership, Role

from . import services
from .models import Membership, Organization


@transaction.atomic
def load_demo_memberships(office: Office, *, today: dt.date | None = None) -> str:
    """Create the demo memberships (once); returns a sentence saying what was done."""
    today = today or timezone.localdate()
    if Membership.objects.for_office(office).filter(is_demo=True).exists():
        return "The demo memberships exist already."
    by_acronym = {o.acronym: o for o in Organization.objects.exclude(acronym="")}
    focal = (
        OfficeMembership.objects.for_office(office)
        .filter(role=Role.OFFICER)
        .select_related("user")
        .first()
    )
    day = dt.timedelta(days=1)
    made = 0

    def join(acronym: str, **kw: object) -> Membership | None:
        nonlocal made
        organization = by_acronym.get(acronym)
        if organization is None:
            return None
        made += 1
        return services.membership_create(
            office=office,
            actor=SYSTEM,
            organization=organization,
            focal_person=focal.user if focal else None,
            is_demo=True,
            **kw,  # type: ignore[arg-type]
        )

    uclg = join(
        "UCLG",
        since=dt.date(2004, 5, 5),
        annual_fee=Decimal("12000"),
        fee_currency="EUR",
        fee_due_on=today + 40 * day,
        notes="عضو شورای جهانی؛ هزینه عضویت سالانه از بودجه امور بین‌الملل پرداخت می‌شود.",
    )
    if uclg is not None:
        services.role_create(
            membership=uclg,
            actor=SYSTEM,
            kind="board",
            title="عضو شورای جهانی",
            term_start=dt.date(today.year - 1, 11, 1),
            term_end=dt.date(today.year + 3, 10, 31),
        )
    metropolis = join(
        "Metropolis",
        since=dt.date(1985, 4, 1),
        annual_fee=Decimal("9500"),
        fee_currency="EUR",
        fee_due_on=today - 100 * day,
        fee_paid_on=today - 110 * day,
    )
    if metropolis is not None:
        services.role_create(
            membership=metropolis,
            actor=SYSTEM,
            kind="working_group",
            title="گروه کاری تاب‌آوری شهری",
            term_start=dt.date(today.year - 1, 1, 1),
            term_end=dt.date(today.year + 1, 12, 31),
        )
        services.obligation_create(
            membership=metropolis,
            actor=SYSTEM,
            kind="report",
            title="گزارش سالانه فعالیت‌های عضو",
            due_on=today - 10 * day,
        )
        services.obligation_create(
            membership=metropolis,
            actor=SYSTEM,
            kind="survey",
            title="پرسش‌نامه شاخص‌های کلان‌شهری",
            due_on=today + 75 * day,
        )
    join("UNIDO", status="applied", since=today - 60 * day)
    oicc = join(
        "OICC",
        since=dt.date(1980, 1, 1),
        annual_fee=Decimal("5000"),
        fee_currency="USD",
        fee_due_on=today - 30 * day,
        fee_paid_on=today - 45 * day,
    )
    if oicc is not None:
        services.role_create(
            membership=oicc, actor=SYSTEM, kind="executive_committee", title="عضو هیئت اجرایی"
        )
    amf = join("AMF", since=dt.date(2000, 1, 1))
    if amf is not None:
        services.obligation_create(
            membership=amf,
            actor=SYSTEM,
            kind="hosting",
            title="میزبانی نشست سالانه مجمع",
            due_on=today + 200 * day,
        )
    return f"Created {made} demo memberships."
