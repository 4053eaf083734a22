"""Demo missions: one in every state, telling the story of the issue's seed.

The Vienna study visit for UNIDO's "Bridge for Cities" meeting went, was reported with a
lesson, a practice observed and a follow-up on a lively pact; a Berlin study visit is
approved; a partner city's delegation has asked to come (submitted); a draft is being
prepared; one was rejected and one cancelled. Dated relative to today, so the demo always
shows the same mix (and the Vienna report alert never fires: it is filed).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office, OfficeMembership, Role
from peyvand.partnerships.models import Partnership
from peyvand.places.models import City

from .. import services
from ..models import Contact, Event, Mission

VIENNA = "gn:2761369"
BERLIN = "gn:2950159"


def _city(code: str) -> list[City]:
    return list(City.objects.filter(code=code))


def _people(office: Office) -> list[services.ParticipantIn]:
    members = OfficeMembership.objects.for_office(office).select_related("department")
    chosen = [m for m in members if m.role in (Role.OFFICER, Role.LIAISON)]
    roles = ["سرپرست هیئت", "کارشناس حمل‌ونقل"]
    return [
        services.ParticipantIn(membership=m, role=roles[n % len(roles)])
        for n, m in enumerate(chosen[:2])
    ]


def _pacts(office: Office) -> list[Partnership]:
    """The demo pacts, the lively ones first (the demo's first three)."""
    return list(
        Partnership.objects.for_office(office)
        .filter(is_demo=True)
        .select_related("partner_city")
        .order_by("-health_score", "pk")
    )


@transaction.atomic
def load_demo_missions(
    office: Office, *, people: dict[str, Any] | None = None, today: dt.date | None = None
) -> str:
    """Create the demo missions (once); returns a sentence saying what was done."""
    today = today or timezone.localdate()
    if Mission.objects.for_office(office).filter(is_demo=True).exists():
        return "The demo missions exist already."
    people = people or {}
    pacts = _pacts(office)
    lively = pacts[:1]
    event = people.get("event_unido")
    if not isinstance(event, Event):
        event = Event.objects.for_office(office).filter(is_demo=True).order_by("pk").first()
    official = people.get("official")
    travellers = _people(office)
    day = dt.timedelta(days=1)

    vienna_start = today - 40 * day
    vienna = services.mission_create(
        office=office,
        actor=SYSTEM,
        direction="outgoing",
        title_fa="سفر مطالعاتی وین: نشست «پل شهرها»ی یونیدو",
        title_en="Vienna study visit: UNIDO's Bridge for Cities meeting",
        purpose="حضور در نشست «پل شهرها»ی یونیدو و بازدید از شبکه حمل‌ونقل عمومی وین.",
        start_date=vienna_start,
        end_date=vienna_start + 4 * day,
        cities=_city(VIENNA),
        event=event,
        partnerships=lively,
        objectives=[
            "معرفی طرح‌های سرمایه‌گذاری تهران در نشست پل شهرها",
            "آشنایی با مدیریت یکپارچه حمل‌ونقل عمومی وین",
        ],
        participants=travellers,
        budget_planned=Decimal("9000"),
        budget_currency="EUR",
        is_demo=True,
    )
    for action in ("submit", "approve", "complete"):
        services.mission_transition(mission=vienna, actor=SYSTEM, action=action, today=today)
    objectives = list(vienna.objectives.all())
    follow_ups = []
    if lively:
        follow_ups.append(
            services.FollowUpIn(
                partnership=lively[0],
                title="ارسال گزارش مطالعه بلیت یکپارچه به شهر همکار",
                due_on=today + 45 * day,
                department=office.departments.order_by("pk").first(),
            )
        )
    services.report_file(
        mission=vienna,
        actor=SYSTEM,
        today=vienna_start + 10 * day,
        report=services.ReportIn(
            summary=(
                "هیئت تهران در نشست پل شهرها سه طرح سرمایه‌گذاری را معرفی کرد و با مدیران "
                "شرکت حمل‌ونقل وین دیدار کرد."
            ),
            outcomes={
                objectives[0].pk: ("met", "دو سرمایه‌گذار برای پیگیری اعلام آمادگی کردند."),
                objectives[1].pk: ("partly", "بازدید از مرکز کنترل به زمان دیگری موکول شد."),
            },
            lessons="هماهنگی بازدیدهای فنی باید دست‌کم دو ماه پیش از سفر انجام شود.",
            people_exchanged=len(travellers) or None,
            budget_actual=Decimal("8400"),
            practices=[
                (
                    "بلیت سالانه یکپارچه",
                    "بلیت سالانه ارزان برای همه شیوه‌های حمل‌ونقل عمومی "
                    "که استفاده از آن را افزایش داده است.",
                )
            ],
            follow_ups=follow_ups,
        ),
    )

    berlin_start = today + 35 * day
    berlin = services.mission_create(
        office=office,
        actor=SYSTEM,
        title_fa="بازدید مطالعاتی برلین: مدیریت پسماند",
        title_en="Berlin study visit: waste management",
        purpose="آشنایی با نظام تفکیک پسماند از مبدأ در برلین.",
        start_date=berlin_start,
        end_date=berlin_start + 3 * day,
        cities=_city(BERLIN),
        objectives=["بازدید از مراکز بازیافت", "گفت‌وگو با شرکت خدمات شهری برلین"],
        participants=travellers[:1],
        budget_planned=Decimal("7000"),
        budget_currency="EUR",
        is_demo=True,
    )
    for action in ("submit", "approve"):
        services.mission_transition(mission=berlin, actor=SYSTEM, action=action, today=today)

    incoming_pact = pacts[1:2]
    partner = incoming_pact[0].partner_city if incoming_pact else None
    incoming_start = today + 20 * day
    guests = (
        [services.ParticipantIn(contact=official, role="رئیس هیئت")]
        if isinstance(official, Contact)
        else []
    )
    incoming = services.mission_create(
        office=office,
        actor=SYSTEM,
        direction="incoming",
        title_fa=f"هیئت شهر {partner.name_fa or partner.name_en} در تهران"
        if partner
        else "هیئت شهر همکار در تهران",
        title_en=f"Delegation of {partner.name_en} in Tehran"
        if partner
        else "A partner city's delegation in Tehran",
        purpose="بازدید هیئت شهر همکار از طرح‌های فرهنگی و حمل‌ونقل تهران.",
        start_date=incoming_start,
        end_date=incoming_start + 2 * day,
        cities=[partner] if partner else [],
        partnerships=incoming_pact,
        objectives=["تمدید برنامه همکاری فرهنگی", "بازدید از خط ۷ مترو"],
        participants=guests,
        is_demo=True,
    )
    services.mission_transition(mission=incoming, actor=SYSTEM, action="submit", today=today)

    services.mission_create(
        office=office,
        actor=SYSTEM,
        title_fa="شرکت در کنگره جهانی متروپلیس",
        title_en="Metropolis World Congress",
        start_date=today + 120 * day,
        end_date=today + 123 * day,
        objectives=["ارائه تجربه مدیریت بحران تهران"],
        is_demo=True,
    )
    rejected = services.mission_create(
        office=office,
        actor=SYSTEM,
        title_fa="نمایشگاه شهر هوشمند بارسلون",
        title_en="Smart City Expo, Barcelona",
        start_date=today + 60 * day,
        end_date=today + 63 * day,
        objectives=["آشنایی با فناوری‌های شهر هوشمند"],
        budget_planned=Decimal("15000"),
        budget_currency="EUR",
        is_demo=True,
    )
    services.mission_transition(mission=rejected, actor=SYSTEM, action="submit", today=today)
    services.mission_transition(
        mission=rejected,
        actor=SYSTEM,
        action="reject",
        reason="بودجه سفرهای این فصل تمام شده است؛ در سال آینده دوباره بررسی شود.",
        today=today,
    )
    return "Created 5 demo missions (reported, approved, submitted, draft, rejected)."
