"""Demo partnerships for the demo office: Tehran's public links, with an illustrative history.

The pacts are the home city's public twinnings that Wikipedia (English) lists. Their
activities, commitments and outcomes are ILLUSTRATIVE (marked as demo data), dated
relative to today so that the demo always shows the same mix: a few active pacts, a few
weakening ones and many that never went beyond paper. Deterministic: the same world data
and the same day give the same demo.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office, OfficeMembership, Role
from peyvand.network.models import Twinning

from . import services
from .health import add_months
from .models import CooperationArea, Partnership

DEMO_SOURCE = "wikipedia_en"
# Profiles by position in the (code-sorted) list of partners.
PROFILE_ACTIVE = "active"
PROFILE_WEAKENING = "weakening"
PROFILE_PAPER = "paper"

ACTIVITY_TITLES = [
    ("visit_out", "us", "transport", "سفر هیئت حمل‌ونقل برای بازدید از سامانه اتوبوس تندرو"),
    ("online_meeting", "partner", "environment", "نشست برخط درباره پایش کیفیت هوا"),
    ("exchange", "joint", "smart-city", "دوره آموزشی مشترک شهر هوشمند"),
    ("visit_in", "partner", "culture", "بازدید هیئت فرهنگی شهر همکار از تهران"),
    ("cultural", "joint", "culture", "هفته فرهنگی مشترک"),
    ("joint_project", "joint", "waste", "پروژه مشترک تفکیک پسماند از مبدأ"),
    ("business", "partner", "economy", "همایش فرصت‌های سرمایه‌گذاری شهری"),
    ("online_meeting", "us", "crisis", "نشست تبادل تجربه مدیریت بحران و زلزله"),
    ("event", "partner", "education", "اردوی تبادل دانشجویی"),
    ("online_meeting", "joint", "water", "کارگاه برخط مدیریت منابع آب"),
    ("correspondence", "us", "governance", "مکاتبه درباره برنامه همکاری سالانه"),
    ("exchange", "partner", "health", "تبادل تجربه خدمات سلامت شهری"),
]
# The demo office writes in Persian, as its titles do; an English unit read "million EUR"
# in the middle of a Persian page.
OUTCOMES = [
    {"kind": "investment", "value": 2.5, "unit": "میلیون یورو"},
    {"kind": "people", "value": 40, "unit": "دانشجو"},
    {"kind": "practice", "value": 1, "unit": "روش"},
    {"kind": "agreement", "value": 1, "unit": "تفاهم‌نامه"},
]
COMMITMENTS = [
    ("مطالعه مشترک خطوط اتوبوس تندرو", "transport"),
    ("تبادل داده‌های پایش کیفیت هوا", "environment"),
    ("برگزاری هفته فرهنگی در هر دو شهر", "culture"),
]


def _profile(index: int, total: int) -> str:
    if index < 3:
        return PROFILE_ACTIVE
    if index < 6:
        return PROFILE_WEAKENING
    return PROFILE_PAPER


def demo_twinnings(office: Office) -> list[tuple[Any, Any]]:
    """(twinning, partner city) of the home city that the demo source lists, sorted by code."""
    home = office.home_city_id
    if home is None:
        return []
    rows = (
        Twinning.objects.filter(Q(city_a_id=home) | Q(city_b_id=home))
        .filter(sources__contains=DEMO_SOURCE)
        .select_related("city_a", "city_b")
    )
    pairs = []
    for t in rows:
        if DEMO_SOURCE not in t.sources.split(";"):
            continue
        pairs.append((t, t.city_b if t.city_a_id == home else t.city_a))
    return sorted(pairs, key=lambda pair: pair[1].code)


@transaction.atomic
def load_demo_partnerships(office: Office, *, today: dt.date | None = None) -> str:
    """Create the demo pacts; returns a sentence saying what was done (or why nothing)."""
    today = today or timezone.localdate()
    if office.home_city_id is None:
        return "The world data is not imported (no home city): no demo partnerships."
    if Partnership.objects.for_office(office).filter(is_demo=True).exists():
        return "The demo partnerships exist already."
    pairs = demo_twinnings(office)
    if not pairs:
        return "The home city has no public links from Wikipedia: no demo partnerships."
    areas = {a.code: a for a in CooperationArea.objects.all()}
    departments = list(office.departments.order_by("pk"))
    officer = (
        OfficeMembership.objects.for_office(office)
        .filter(role=Role.OFFICER)
        .select_related("user")
        .first()
    )
    created: list[Partnership] = []
    counts = {PROFILE_ACTIVE: 0, PROFILE_WEAKENING: 0, PROFILE_PAPER: 0}
    for index, (twinning, partner) in enumerate(pairs):
        profile = _profile(index, len(pairs))
        counts[profile] += 1
        signed_on = (
            dt.date(twinning.year, 6, 1)
            if twinning.year
            else add_months(today, -(12 * (6 + index % 9) + index))
        )
        p = services.partnership_create(
            office=office,
            actor=SYSTEM,
            partner_city=partner,
            kind="sister",
            status="active",
            signed_on=signed_on,
            summary_fa="نمونه‌ی نمایشی: پیوند خواهرخواندگی برگرفته از شبکه‌ی عمومی.",
            summary_en="Demo data: a sister-city pact taken from the public network.",
            responsible=officer.user if officer else None,
            is_demo=True,
            note="demo",
        )
        if profile == PROFILE_ACTIVE:
            p.areas.set([areas[c] for c in ("transport", "environment", "culture") if c in areas])
            _history(office, p, today, areas, departments, months=list(range(1, 25)), index=index)
        elif profile == PROFILE_WEAKENING:
            p.areas.set([areas[c] for c in ("culture",) if c in areas])
            _history(
                office, p, today, areas, departments, months=[7 + index, 16 + index], index=index
            )
        else:
            # Paper only: at most a courtesy letter since signing.
            if index % 2 == 0:
                services.activity_log(
                    office=office,
                    actor=SYSTEM,
                    partnerships=[p],
                    date=add_months(today, -(10 + index)),
                    kind="correspondence",
                    initiated_by="us",
                    title="نامه تبریک نوروز",
                    is_demo=True,
                    refresh=False,
                    today=today,
                )
        created.append(p)
    services.health_refresh(partnerships=created, today=today)
    return (
        f"Created {len(created)} demo partnerships "
        f"({counts[PROFILE_ACTIVE]} lively, {counts[PROFILE_WEAKENING]} fading, "
        f"{counts[PROFILE_PAPER]} on paper only)."
    )


def _history(
    office: Office,
    p: Partnership,
    today: dt.date,
    areas: dict[str, CooperationArea],
    departments: list[Any],
    *,
    months: list[int],
    index: int,
) -> None:
    for n, back in enumerate(months):
        kind, initiated_by, area_code, title = ACTIVITY_TITLES[(n + index) % len(ACTIVITY_TITLES)]
        outcomes = [OUTCOMES[(n + index) % len(OUTCOMES)]] if n % 5 == 0 else []
        services.activity_log(
            office=office,
            actor=SYSTEM,
            partnerships=[p],
            date=add_months(today, -back),
            kind=kind,
            initiated_by=initiated_by,
            title=title,
            areas=[areas[area_code]] if area_code in areas else [],
            participants=10 + (n * 7 + index) % 40,
            outcomes=outcomes,
            is_demo=True,
            refresh=False,
            today=today,
        )
    for n, (title, area_code) in enumerate(COMMITMENTS):
        due = add_months(today, -(months[-1] // 2) - n * 3)
        c = services.commitment_create(
            partnership=p,
            actor=SYSTEM,
            title=title,
            due_on=due,
            area=areas.get(area_code),
            department=departments[n % len(departments)] if departments else None,
            is_demo=True,
            refresh=False,
        )
        services.commitment_update(commitment=c, actor=SYSTEM, status="done", done_on=due)
