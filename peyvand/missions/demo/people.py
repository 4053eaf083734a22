"""Demo contacts and events for the demo office: two city ambassadors, an official of a
partner city, a UNIDO staff member, an embassy staff member; UNIDO's "Bridge for Cities"
meeting in Vienna and a Metropolis annual meeting. ILLUSTRATIVE people (marked as demo
data), dated relative to today. Idempotent: a second call returns what the first made.

The missions demo reads the returned dict by key ("ambassador_1", "official",
"event_unido", ...).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.organizations.models import Organization
from peyvand.partnerships.models import Activity, Partnership
from peyvand.places.models import City

from .. import services
from ..models import Contact, Event

VIENNA = "gn:2761369"
BARCELONA = "gn:3128760"

# key → the English name that finds the contact again (demo contacts are never renamed
# by the demo; an office that renames one gets it back as made).
CONTACT_NAMES = {
    "ambassador_1": "Dr Maryam Rezaei",
    "ambassador_2": "Ali Mohammadi",
    "official": "Elena Marković",
    "unido_staff": "Dr Thomas Gruber",
    "embassy_staff": "Markus Huber",
}
EVENT_TITLES = {
    "event_unido": "UNIDO Bridge for Cities",
    "event_congress": "Metropolis Annual Meeting",
}


def _city(code: str, name_en: str) -> City | None:
    """A city of the atlas by its id, else by its English name (None when the atlas does
    not have it: the demo then simply names no city)."""
    found = City.objects.filter(code=code).first()
    if found is None:
        found = City.objects.filter(name_en=name_en).order_by("-population", "pk").first()
    return found


def _organization(acronym: str) -> Organization | None:
    return Organization.objects.filter(acronym=acronym).first()


def _existing(office: Office) -> dict[str, Any]:
    contacts = {c.name_en: c for c in Contact.objects.for_office(office).filter(is_demo=True)}
    events = {e.title_en: e for e in Event.objects.for_office(office).filter(is_demo=True)}
    found: dict[str, Any] = {
        key: contacts[name] for key, name in CONTACT_NAMES.items() if name in contacts
    }
    found.update({key: events[t] for key, t in EVENT_TITLES.items() if t in events})
    return found


@transaction.atomic
def load_demo_people(office: Office, *, today: dt.date | None = None) -> dict[str, Any]:
    """Create the demo contacts and events of the office (once); the records by key."""
    if Contact.objects.for_office(office).filter(is_demo=True).exists():
        return _existing(office)
    today = today or timezone.localdate()
    home = office.home_city
    vienna = _city(VIENNA, "Vienna")
    unido = _organization("UNIDO")
    metropolis = _organization("Metropolis")
    pact = (
        Partnership.objects.for_office(office)
        .filter(is_demo=True)
        .select_related("partner_city")
        .order_by("pk")
        .first()
    )

    def contact(key: str, **fields: Any) -> Contact:
        return services.contact_create(
            office=office,
            actor=SYSTEM,
            name_en=CONTACT_NAMES[key],
            confirm_duplicate=True,
            is_demo=True,
            **fields,
        )

    made: dict[str, Any] = {}
    made["ambassador_1"] = contact(
        "ambassador_1",
        name_fa="دکتر مریم رضایی",
        kind="city_ambassador",
        title="استاد برنامه‌ریزی شهری دانشگاه تهران",
        city=home,
        email="m.rezaei@example.ac.ir",
        languages=["fa", "en", "de"],
        tags=["دانشگاه", "شهر هوشمند", "سفیر شهر"],
        notes="نمونه‌ی نمایشی: در همایش‌های علمی خارج از کشور از تجربه‌های شهر سخن می‌گوید.",
        partnerships=[pact] if pact else [],
    )
    made["ambassador_2"] = contact(
        "ambassador_2",
        name_fa="علی محمدی",
        kind="city_ambassador",
        title="مدیرعامل بنیاد فرهنگی شهر",
        city=home,
        email="a.mohammadi@example.org",
        languages=["fa", "en", "fr"],
        tags=["فرهنگ", "هنر", "سفیر شهر"],
        notes="نمونه‌ی نمایشی: برگزارکننده‌ی هفته‌های فرهنگی مشترک با شهرهای همکار.",
    )
    partner = pact.partner_city if pact else None
    made["official"] = contact(
        "official",
        name_fa="النا مارکوویچ",
        kind="partner_official",
        title="مدیر روابط بین‌الملل شهرداری"
        + (f" {partner.name_fa_display or partner.name_en}" if partner else ""),
        city=partner,
        email="e.markovic@example.org",
        languages=["en"],
        tags=["روابط بین‌الملل"],
        partnerships=[pact] if pact else [],
    )
    if pact is not None:
        latest = (
            Activity.objects.filter(partnerships=pact, date__lte=today).order_by("-date").first()
        )
        if latest is not None:
            made["official"].activities.add(latest)
    made["unido_staff"] = contact(
        "unido_staff",
        name_fa="دکتر توماس گروبر",
        kind="organization_staff",
        title="کارشناس برنامهٔ شهرها و توسعهٔ صنعتی یونیدو",
        city=vienna,
        organization=unido,
        email="t.gruber@example.org",
        languages=["de", "en"],
        tags=["صنعت", "یونیدو"],
    )
    made["embassy_staff"] = contact(
        "embassy_staff",
        name_fa="مارکوس هوبر",
        kind="embassy_staff",
        title="رایزن فرهنگی سفارت اتریش در تهران",
        city=home,
        email="m.huber@example.org",
        languages=["de", "en", "fa"],
        tags=["سفارت", "فرهنگ"],
    )
    starts = today + dt.timedelta(days=75)
    made["event_unido"] = services.event_create(
        office=office,
        actor=SYSTEM,
        title_fa="نشست «پل برای شهرها»ی یونیدو",
        title_en=EVENT_TITLES["event_unido"],
        kind="forum",
        organizer_organization=unido,
        host_city=vienna,
        starts_on=starts,
        ends_on=starts + dt.timedelta(days=2),
        website="https://www.unido.org",
        description="نمونه‌ی نمایشی: نشست سالانه‌ی یونیدو برای همکاری شهرها در توسعه‌ی صنعتی "
        "پایدار، با نشست‌های دوجانبه میان شهرداری‌ها.",
        is_demo=True,
    )
    held = today - dt.timedelta(days=150)
    made["event_congress"] = services.event_create(
        office=office,
        actor=SYSTEM,
        title_fa="نشست سالانه‌ی متروپلیس",
        title_en=EVENT_TITLES["event_congress"],
        kind="conference",
        organizer_organization=metropolis,
        host_city=_city(BARCELONA, "Barcelona"),
        starts_on=held,
        ends_on=held + dt.timedelta(days=3),
        website="https://www.metropolis.org",
        description="نمونه‌ی نمایشی: نشست سالانه‌ی انجمن جهانی کلان‌شهرها و گفت‌وگو درباره‌ی "
        "حکمرانی کلان‌شهری.",
        is_demo=True,
    )
    return made
