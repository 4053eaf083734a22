"""The demo office's contacts (two city ambassadors among them) and events."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.organizations.models import Organization
from peyvand.partnerships.models import Partnership
from peyvand.places.models import City

from .. import services
from ..models import Contact, Event

VIENNA = "gn:2761369"


def _existing(office: Office) -> dict[str, Any]:
    contacts = {
        c.tags[0]: c for c in Contact.objects.for_office(office).filter(is_demo=True) if c.tags
    }
    events = list(Event.objects.for_office(office).filter(is_demo=True).order_by("pk"))
    out: dict[str, Any] = {f"contact_{key}": c for key, c in contacts.items()}
    out.update(
        {
            "ambassador_1": contacts.get("ambassador-1"),
            "ambassador_2": contacts.get("ambassador-2"),
            "official": contacts.get("partner-official"),
            "unido_staff": contacts.get("unido"),
            "event_unido": events[0] if events else None,
        }
    )
    return out


@transaction.atomic
def load_demo_people(office: Office, *, today: dt.date | None = None) -> dict[str, Any]:
    """Create the demo contacts and events (once); returns them by key."""
    today = today or timezone.localdate()
    if Contact.objects.for_office(office).filter(is_demo=True).exists():
        return _existing(office)
    org = {o.acronym: o for o in Organization.objects.exclude(acronym="")}
    vienna = City.objects.filter(code=VIENNA).first()
    pacts = list(
        Partnership.objects.for_office(office)
        .filter(is_demo=True)
        .select_related("partner_city")
        .order_by("-health_score", "pk")
    )

    def person(**kw: Any) -> Contact:
        return services.contact_create(office=office, actor=SYSTEM, is_demo=True, **kw)

    people: dict[str, Any] = {
        "ambassador_1": person(
            name_fa="دکتر مریم احمدی",
            name_en="Dr Maryam Ahmadi",
            kind="city_ambassador",
            title="استاد برنامه‌ریزی شهری، دانشگاه تهران",
            languages=["fa", "en", "de"],
            tags=["ambassador-1", "urban-planning"],
            notes="سفیر شهری در حوزه دانشگاهی؛ با دانشگاه‌های وین و برلین در ارتباط است.",
            partnerships=pacts[:1],
        ),
        "ambassador_2": person(
            name_fa="علی رضایی",
            name_en="Ali Rezaei",
            kind="city_ambassador",
            title="مدیر بنیاد فرهنگی شهر",
            languages=["fa", "en"],
            tags=["ambassador-2", "culture"],
            partnerships=pacts[1:2],
        ),
        "unido_staff": person(
            name_en="Anna Berger",
            kind="organization_staff",
            title="Programme officer, Bridge for Cities",
            organization=org.get("UNIDO"),
            email="a.berger@example.org",
            languages=["de", "en"],
            tags=["unido"],
        ),
    }
    if pacts:
        partner = pacts[1 if len(pacts) > 1 else 0]
        people["official"] = person(
            name_en="Deputy mayor for international relations",
            name_fa="معاون شهردار در امور بین‌الملل",
            kind="partner_official",
            title="Deputy mayor",
            city=partner.partner_city,
            languages=["en"],
            tags=["partner-official"],
            partnerships=[partner],
        )
    people["embassy"] = person(
        name_en="Cultural attaché",
        name_fa="رایزن فرهنگی",
        kind="embassy_staff",
        title="Embassy of Austria in Tehran",
        languages=["de", "en", "fa"],
        tags=["embassy"],
    )
    unido_start = today - 40 * dt.timedelta(days=1)
    people["event_unido"] = services.event_create(
        office=office,
        actor=SYSTEM,
        title_fa="نشست «پل شهرها»ی یونیدو",
        title_en="UNIDO Bridge for Cities",
        kind="forum",
        organizer_organization=org.get("UNIDO"),
        host_city=vienna,
        starts_on=unido_start,
        ends_on=unido_start + dt.timedelta(days=2),
        website="https://www.unido.org/",
        is_demo=True,
    )
    congress = today + 120 * dt.timedelta(days=1)
    people["event_metropolis"] = services.event_create(
        office=office,
        actor=SYSTEM,
        title_fa="کنگره جهانی متروپلیس",
        title_en="Metropolis World Congress",
        kind="summit",
        organizer_organization=org.get("Metropolis"),
        starts_on=congress,
        ends_on=congress + dt.timedelta(days=3),
        is_demo=True,
    )
    return people
