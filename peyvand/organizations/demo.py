"""Demo memberships for the demo office (Tehran), in the shipped organisations.

The memberships, their seats, fees and obligations are ILLUSTRATIVE (marked as demo data),
dated relative to today so that the demo always shows the same alerts: the UCLG fee due
in 40 days, the Metropolis annual report 10 days overdue and an Asian Mayors Forum meeting
to host within a month; the OICC fee is paid. The office writes in Persian.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office, OfficeMembership, Role

from . import services
from .models import Membership, MembershipStatus, ObligationKind, Organization, SeatKind


def _focal_person(office: Office) -> Any:
    """An officer of the office, if it has one (the demo office has demo-officer)."""
    seat = (
        OfficeMembership.objects.filter(office=office, role=Role.OFFICER)
        .select_related("user")
        .order_by("user__username")
        .first()
    )
    return seat.user if seat else None


def _plan(today: dt.date) -> list[dict[str, Any]]:
    days = dt.timedelta(days=1)
    return [
        {
            "acronym": "UCLG",
            "status": MembershipStatus.MEMBER,
            "since": dt.date(2004, 5, 5),
            "annual_fee": Decimal("15000"),
            "fee_currency": "EUR",
            "fee_due_on": today + 40 * days,
            "notes": "عضو مؤسس؛ تهران در کنگره مؤسس پاریس حضور داشت.",
            "roles": [
                (SeatKind.BOARD, "عضو شورای جهانی", dt.date(2022, 10, 12), dt.date(2026, 10, 31)),
            ],
            "obligations": [
                (ObligationKind.VOTE, "رأی‌گیری انتخاب رئیس در کنگره جهانی", today + 90 * days),
            ],
        },
        {
            "acronym": "Metropolis",
            "status": MembershipStatus.MEMBER,
            "since": dt.date(1985, 4, 24),
            "annual_fee": Decimal("9200"),
            "fee_currency": "EUR",
            "fee_due_on": today + 150 * days,
            "notes": "",
            "roles": [
                (
                    SeatKind.WORKING_GROUP,
                    "گروه کاری تاب‌آوری و مدیریت بحران شهری",
                    dt.date(2023, 6, 1),
                    dt.date(2026, 6, 1),
                ),
            ],
            "obligations": [
                (ObligationKind.REPORT, "گزارش سالانه عضویت", today - 10 * days),
                (ObligationKind.SURVEY, "پرسشنامه شاخص‌های کلان‌شهری", today + 75 * days),
            ],
        },
        {
            "acronym": "UNIDO",
            "status": MembershipStatus.APPLIED,
            "since": None,
            "annual_fee": None,
            "fee_currency": "",
            "fee_due_on": None,
            "notes": "درخواست پیوستن به برنامه شهرهای صنعتی پایدار ارسال شده است.",
            "roles": [],
            "obligations": [],
        },
        {
            "acronym": "AMF",
            "status": MembershipStatus.MEMBER,
            "since": dt.date(2006, 11, 20),
            "annual_fee": None,
            "fee_currency": "",
            "fee_due_on": None,
            "notes": "",
            "roles": [
                (SeatKind.VICE_PRESIDENCY, "نایب‌رئیس مجمع", dt.date(2023, 1, 1), None),
            ],
            "obligations": [
                (ObligationKind.HOSTING, "میزبانی نشست شورای اجرایی", today + 25 * days),
            ],
        },
        {
            "acronym": "OICC",
            "status": MembershipStatus.MEMBER,
            "since": dt.date(1987, 3, 1),
            "annual_fee": Decimal("5000"),
            "fee_currency": "USD",
            "fee_due_on": today - 30 * days,
            "fee_paid_on": today - 45 * days,
            "notes": "",
            "roles": [],
            "obligations": [],
        },
    ]


@transaction.atomic
def load_demo_memberships(office: Office, *, today: dt.date | None = None) -> str:
    """Create the demo office's illustrative memberships (once: nothing is done when the
    office has demo memberships already). Returns a one-line summary."""
    if Membership.objects.for_office(office).filter(is_demo=True).exists():
        return "Demo memberships: already loaded."
    today = today or timezone.localdate()
    focal = _focal_person(office)
    taken = set(
        Membership.objects.for_office(office).values_list("organization__acronym", flat=True)
    )
    n = n_roles = n_obligations = 0
    for item in _plan(today):
        organization = Organization.objects.filter(acronym=item.pop("acronym")).first()
        if organization is None or organization.acronym in taken:
            continue
        roles = item.pop("roles")
        obligations = item.pop("obligations")
        m = services.membership_create(
            office=office,
            actor=SYSTEM,
            organization=organization,
            focal_person=focal,
            is_demo=True,
            **item,
        )
        n += 1
        for kind, title, start, end in roles:
            services.role_create(
                membership=m, actor=SYSTEM, kind=kind, title=title, term_start=start, term_end=end
            )
            n_roles += 1
        for kind, title, due in obligations:
            services.obligation_create(
                membership=m, actor=SYSTEM, kind=kind, title=title, due_on=due
            )
            n_obligations += 1
    return f"Demo memberships: {n} memberships, {n_roles} seats held, {n_obligations} obligations."
