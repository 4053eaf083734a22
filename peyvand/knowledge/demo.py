"""Demo practices: what the office learned in Vienna and Berlin, at every stage of the
pipeline, dated relative to today. The Vienna trip report's observation (the integrated
annual ticket) became a practice that was piloted and adopted at home, with its outcome
on the pact the mission served; others wait as ideas, are being studied, proposed,
piloted; one was rejected. Persian text written as a Persian writer would. Loaded once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.missions.models import Mission, PracticeObserved
from peyvand.partnerships.models import CooperationArea, Partnership
from peyvand.places.models import City

from . import services
from .models import Practice

VIENNA = "gn:2761369"
BERLIN = "gn:2950159"


@dataclass(frozen=True)
class DemoPractice:
    title_fa: str
    title_en: str
    summary_fa: str
    city: str
    areas: tuple[str, ...]
    sdgs: tuple[int, ...]
    # The stages it went through, each entered this many days ago.
    path: tuple[tuple[str, int], ...]
    cost_band: str = ""
    transferability: str = ""
    tags: tuple[str, ...] = ()
    evidence: str = ""
    source_link: str = ""
    reason: str = ""
    extra: dict[str, str] = field(default_factory=dict)


PRACTICES = (
    DemoPractice(
        title_fa="بلیت سالانه یکپارچه",
        title_en="Integrated annual ticket",
        summary_fa="بلیت سالانه‌ی ارزان برای همه‌ی شیوه‌های حمل‌ونقل عمومی که استفاده از "
        "مترو، اتوبوس و تراموا را افزایش داده است.",
        city=VIENNA,
        areas=("transport",),
        sdgs=(11, 13),
        path=(("idea", 30), ("studied", 26), ("piloting", 15), ("adopted", 3)),
        cost_band="medium",
        transferability="adapt",
        tags=("حمل‌ونقل عمومی", "بلیت"),
        evidence="در وین شمار دارندگان بلیت سالانه از شمار خودروهای شخصی بیشتر شده است.",
        source_link="https://www.wienerlinien.at/",
    ),
    DemoPractice(
        title_fa="تفکیک پسماند از مبدأ با سطل‌های رنگی",
        title_en="Colour-coded waste separation at source",
        summary_fa="هر خانه سطل‌های رنگی جداگانه برای کاغذ، پلاستیک، شیشه و پسماند تر دارد و "
        "جمع‌آوری هر نوع در روز خودش انجام می‌شود.",
        city=BERLIN,
        areas=("waste", "environment"),
        sdgs=(11, 12),
        path=(("idea", 120), ("studied", 95), ("proposed", 60), ("piloting", 20)),
        cost_band="low",
        transferability="easy",
        tags=("پسماند", "بازیافت"),
        evidence="نرخ بازیافت پسماند خانگی برلین به حدود نیمی از کل پسماند رسیده است.",
    ),
    DemoPractice(
        title_fa="مسکن اجتماعی با اجاره‌ی مهارشده",
        title_en="Social housing with capped rents",
        summary_fa="شهرداری وین خود مالک و سازنده‌ی مسکن است و اجاره‌ها را پایین نگه می‌دارد؛ "
        "تجربه‌ها نشان می‌دهد که محله‌ها از نظر اجتماعی آمیخته می‌مانند.",
        city=VIENNA,
        areas=("urban-planning", "social"),
        sdgs=(1, 10, 11),
        path=(("idea", 80), ("studied", 50), ("proposed", 12)),
        cost_band="very_high",
        transferability="hard",
        tags=("مسکن",),
    ),
    DemoPractice(
        title_fa="بزرگراه‌های دوچرخه",
        title_en="Cycle superhighways",
        summary_fa="مسیرهای پهن و پیوسته‌ی دوچرخه میان محله‌های بیرونی و مرکز شهر، جدا از سواره‌رو.",
        city=BERLIN,
        areas=("transport",),
        sdgs=(3, 11, 13),
        path=(("idea", 40), ("studied", 18)),
        cost_band="high",
        transferability="adapt",
        tags=("دوچرخه",),
    ),
    DemoPractice(
        title_fa="پیاده‌راه‌سازی خیابان‌های خرید",
        title_en="Pedestrianising shopping streets",
        summary_fa="بازطراحی خیابان ماریاهیلفر در وین به فضایی مشترک برای پیاده‌ها با "
        "درخت‌کاری و نیمکت.",
        city=VIENNA,
        areas=("urban-planning",),
        sdgs=(11,),
        path=(("idea", 9),),
        tags=("پیاده‌راه",),
    ),
    DemoPractice(
        title_fa="پارکینگ هوشمند با حسگر",
        title_en="Sensor-based smart parking",
        summary_fa="حسگرهای زیر جای پارک، جای خالی را به راننده‌ها نشان می‌دهند.",
        city=BERLIN,
        areas=("smart-city", "transport"),
        sdgs=(9, 11),
        path=(("idea", 70), ("studied", 55), ("proposed", 35), ("rejected", 25)),
        cost_band="high",
        transferability="hard",
        reason="هزینه‌ی نگهداری حسگرها زیاد است و طرح پارک‌سوار همین نیاز را ارزان‌تر برآورده می‌کند.",
    ),
)


def _observation(mission: Mission | None, title: str) -> PracticeObserved | None:
    if mission is None:
        return None
    found: PracticeObserved | None = PracticeObserved.objects.filter(
        report__mission=mission, title=title
    ).first()
    return found


@transaction.atomic
def load_demo_practices(office: Office, *, today: dt.date | None = None) -> str:
    """Create the demo practices (once); returns a sentence saying what was done."""
    if Practice.objects.for_office(office).filter(is_demo=True).exists():
        return "The demo practices exist already."
    today = today or timezone.localdate()
    areas = {a.code: a for a in CooperationArea.objects.all()}
    cities = {c.code: c for c in City.objects.filter(code__in=(VIENNA, BERLIN))}
    demo_missions = Mission.objects.for_office(office).filter(is_demo=True)
    by_city = {
        code: demo_missions.filter(cities__code=code).order_by("start_date", "pk").first()
        for code in (VIENNA, BERLIN)
    }
    department = office.departments.order_by("pk").first()
    made = 0
    for demo in PRACTICES:
        mission = by_city.get(demo.city)
        # The first practice is the Vienna trip report's observation made a practice.
        observation = _observation(mission, demo.title_fa) if made == 0 else None
        pacts: list[Partnership] = list(mission.partnerships.all()) if mission else []
        entered = today - dt.timedelta(days=demo.path[0][1])
        p = services.practice_create(
            office=office,
            actor=SYSTEM,
            title_fa=demo.title_fa,
            title_en=demo.title_en,
            summary_fa=demo.summary_fa,
            source_city=cities.get(demo.city),
            areas=[areas[c] for c in demo.areas if c in areas],
            sdgs=list(demo.sdgs),
            cost_band=demo.cost_band,
            transferability=demo.transferability,
            tags=list(demo.tags),
            evidence=demo.evidence,
            source_link=demo.source_link,
            department=department,
            partnerships=pacts,
            missions=[mission] if mission else [],
            observation=observation,
            is_demo=True,
            today=entered,
        )
        for stage, days_ago in demo.path[1:]:
            p = services.practice_move(
                practice=p,
                actor=SYSTEM,
                stage=stage,
                reason=demo.reason if stage == "rejected" else "",
                today=today - dt.timedelta(days=days_ago),
            )
        made += 1
    return (
        f"Created {made} demo practices (an idea, studied, proposed, piloting, adopted, rejected)."
    )
