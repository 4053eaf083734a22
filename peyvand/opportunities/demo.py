"""Demo pitches, funding calls and an application for the demo office (Tehran).

ILLUSTRATIVE data (marked as demo): a light-rail line for district 22, in talks with the
Asian Development Bank, and a biogas plant at the Aradkouh waste complex offered to a
partner city; a World Bank call whose deadline falls 14 days after `today`, with the
office's application still in preparation (so the demo always shows the deadline alert),
and an AIIB call later in the year. The office writes in Persian.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.missions.models import Contact
from peyvand.organizations.models import Organization, OrganizationKind
from peyvand.partnerships.models import CooperationArea, Partnership

from . import services
from .models import Pitch

# The shipped development banks (organizations.seed), made again on an empty table.
BANKS = {
    "ADB": ("Asian Development Bank", "بانک توسعهٔ آسیایی"),
    "WB": ("World Bank", "بانک جهانی"),
    "AIIB": ("Asian Infrastructure Investment Bank", "بانک سرمایه‌گذاری زیرساخت آسیا"),
}
CALL_DEADLINE_DAYS = 14


def _bank(acronym: str) -> Organization:
    name_en, name_fa = BANKS[acronym]
    found = Organization.objects.filter(acronym=acronym).first()
    if found is None:
        found, _ = Organization.objects.get_or_create(
            name_en=name_en,
            defaults={
                "acronym": acronym,
                "name_fa": name_fa,
                "kind": OrganizationKind.DEVELOPMENT_BANK,
            },
        )
    return found


def _area(code: str) -> CooperationArea | None:
    return CooperationArea.objects.filter(code=code).first()


@transaction.atomic
def load_demo_opportunities(office: Office, *, today: dt.date | None = None) -> str:
    """Create the demo pitches, calls and application (once); a sentence says what was done."""
    today = today or timezone.localdate()
    if Pitch.objects.for_office(office).filter(is_demo=True).exists():
        return "Demo opportunities: already loaded."
    day = dt.timedelta(days=1)
    adb, world_bank, aiib = _bank("ADB"), _bank("WB"), _bank("AIIB")

    rail = services.pitch_create(
        office=office,
        actor=SYSTEM,
        title_fa="قطار سبک شهری منطقهٔ ۲۲",
        title_en="Light rail for district 22",
        description_fa=(
            "خط قطار سبک به طول ۱۴ کیلومتر که محله‌های منطقهٔ ۲۲ را به خط ۷ مترو می‌رساند. "
            "مطالعات امکان‌سنجی تمام شده و طراحی پایه در حال انجام است؛ شهرداری یک‌سوم "
            "هزینه را از بودجهٔ خود تأمین می‌کند."
        ),
        description_en=(
            "A 14 km light-rail line linking the neighbourhoods of district 22 to metro line "
            "7. The feasibility study is done and the basic design is under way; the "
            "municipality funds a third of the cost from its own budget."
        ),
        area=_area("transport"),
        location="بزرگراه همت تا دریاچهٔ چیتگر",
        district=22,
        budget=Decimal(450_000_000),
        financing_sought=Decimal(300_000_000),
        currency="EUR",
        instrument="loan",
        stage="feasibility",
        status="in_talks",
        is_demo=True,
    )
    talks = services.party_add(
        pitch=rail,
        actor=SYSTEM,
        organization=adb,
        note=(
            "کارشناسان بانک در نشست پل شهرها به طرح علاقه نشان دادند و خلاصهٔ طرح و "
            "گزارش امکان‌سنجی را خواستند."
        ),
    )
    services.follow_up_done(
        follow_up=services.follow_up_add(
            party=talks,
            actor=SYSTEM,
            date=today - 20 * day,
            note="ارسال خلاصهٔ طرح و گزارش امکان‌سنجی به دفتر بانک",
        ),
        actor=SYSTEM,
    )
    services.follow_up_add(
        party=talks,
        actor=SYSTEM,
        date=today + 10 * day,
        note="جلسهٔ برخط با تیم حمل‌ونقل بانک دربارهٔ شرایط وام",
    )

    biogas = services.pitch_create(
        office=office,
        actor=SYSTEM,
        title_fa="نیروگاه زیست‌گاز مجتمع پسماند آراد‌کوه",
        title_en="Biogas plant at the Aradkouh waste complex",
        description_fa=(
            "تبدیل پسماند تر شهر به برق و کود؛ این طرح روزانه دو هزار تن پسماند را از "
            "دفن بیرون نگه می‌دارد. برای ساخت و بهره‌برداری، مشارکت عمومی‌خصوصی پیشنهاد "
            "می‌شود."
        ),
        description_en=(
            "Turning the city's organic waste into power and compost, keeping two thousand "
            "tonnes a day out of landfill; built and run as a public–private partnership."
        ),
        area=_area("waste"),
        location="مجتمع پردازش و دفع پسماند آراد‌کوه",
        budget=Decimal(60_000_000),
        financing_sought=Decimal(45_000_000),
        currency="EUR",
        instrument="ppp",
        stage="pre_feasibility",
        status="offered",
        is_demo=True,
    )
    pact = (
        Partnership.objects.for_office(office)
        .filter(is_demo=True)
        .select_related("partner_city")
        .order_by("-health_score", "pk")
        .first()
    )
    partners = []
    if pact is not None:
        partners = [pact.partner_city]
        services.party_add(
            pitch=biogas,
            actor=SYSTEM,
            city=pact.partner_city,
            note="شهر همکار تجربهٔ ساخت نیروگاه زیست‌گاز دارد و برای انتقال دانش فنی آماده است.",
        )
    official = Contact.objects.for_office(office).filter(is_demo=True).order_by("pk").first()
    if official is not None:
        services.party_add(
            pitch=biogas,
            actor=SYSTEM,
            contact=official,
            note="پیشنهاد داد طرح را در نشست بعدی شهرهای همکار معرفی کنیم.",
        )

    resilience = services.call_create(
        office=office,
        actor=SYSTEM,
        funder=world_bank,
        title_fa="صندوق تاب‌آوری و زیرساخت سبز شهری",
        title_en="Urban resilience and green infrastructure facility",
        deadline=today + CALL_DEADLINE_DAYS * day,
        amount_min=Decimal(5_000_000),
        amount_max=Decimal(50_000_000),
        currency="USD",
        areas=[a for a in (_area("environment"), _area("waste"), _area("crisis")) if a],
        link="https://www.worldbank.org/en/topic/urbandevelopment",
        notes="درخواست‌ها باید با تأیید وزارت امور اقتصادی و دارایی فرستاده شوند.",
        is_demo=True,
    )
    services.call_create(
        office=office,
        actor=SYSTEM,
        funder=aiib,
        title_fa="برنامهٔ تأمین مالی حمل‌ونقل پایدار شهری",
        title_en="Sustainable urban transport financing programme",
        deadline=today + 120 * day,
        amount_min=Decimal(20_000_000),
        amount_max=Decimal(400_000_000),
        currency="USD",
        areas=[a for a in (_area("transport"),) if a],
        link="https://www.aiib.org",
        is_demo=True,
    )
    services.application_create(
        office=office,
        actor=SYSTEM,
        call=resilience,
        pitch=biogas,
        partner_cities=partners,
        amount_requested=Decimal(30_000_000),
        notes="پیش‌نویس درخواست آماده است؛ نامهٔ پشتیبانی شهر همکار هنوز نرسیده است.",
        is_demo=True,
    )
    return "Demo opportunities: 2 pitches, 2 funding calls, 1 application in preparation."
