"""The demo office's portal: what Tehran would publish. Its four liveliest pacts with their
activities and outcomes, the practice it adopted, the missions that served those pacts (with
a public summary), its pitches on offer and its upcoming events; health labels shown.
Everything through the publishing services (recorded in the histories). Loaded once: an
office with a published demo pact keeps what it has."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.knowledge.models import Practice, Stage
from peyvand.knowledge.services import practice_publish
from peyvand.missions.models import Event, Mission, MissionStatus
from peyvand.missions.services import event_publish, mission_update
from peyvand.opportunities.models import Pitch, PitchStatus
from peyvand.opportunities.services import pitch_publish
from peyvand.partnerships.models import Outcome, Partnership, PartnershipStatus
from peyvand.partnerships.services import (
    activity_publish,
    outcome_publish,
    partnership_publish,
    partnership_update,
    portal_health_set,
)

PACTS = 4
PLACEHOLDER_EN = "Demo data: a sister-city pact taken from the public network."

MISSION_SUMMARIES = {
    "Vienna": (
        "هیئت تهران در نشست «پل شهرها»ی یونیدو در وین سه طرح سرمایه‌گذاری شهر را معرفی کرد "
        "و از شبکه‌ی حمل‌ونقل عمومی وین بازدید کرد. بلیت سالانه‌ی یکپارچه‌ی وین از همین سفر "
        "به تهران آمد.",
        "Tehran's delegation presented three of the city's investment projects at UNIDO's "
        "Bridge for Cities meeting in Vienna and studied Vienna's public transport. Vienna's "
        "integrated annual ticket came home from this trip.",
    ),
}


def _summary(p: Partnership) -> dict[str, str]:
    """A public summary in place of the demo's placeholder."""
    city = p.partner_city
    year = p.signed_on.year if p.signed_on else None
    name_fa = city.name_fa_display or city.name_en
    if year:
        fa = (
            f"پیوند خواهرخواندگی تهران و {name_fa} از سال {year}. "
            "فعالیت‌های مشترک و دستاوردهای این همکاری در این صفحه آمده است."
        )
        en = (
            f"Tehran and {city.name_en} have been sister cities since {year}. This page "
            "shows what the partnership did and what it delivered."
        )
    else:
        fa = (
            f"پیوند خواهرخواندگی تهران و {name_fa}. فعالیت‌های مشترک و دستاوردهای این "
            "همکاری در این صفحه آمده است."
        )
        en = (
            f"The sister-city partnership of Tehran and {city.name_en}: what it did and "
            "what it delivered."
        )
    return {"summary_fa": fa, "summary_en": en}


@transaction.atomic
def load_demo_portal(office: Office, *, today: dt.date | None = None) -> str:
    today = today or timezone.localdate()
    demo = Partnership.objects.for_office(office).filter(is_demo=True)
    if demo.filter(published=True).exists():
        return "The demo portal is published already."
    pacts = list(
        demo.filter(status=PartnershipStatus.ACTIVE, archived=False)
        .select_related("partner_city", "office")
        .order_by("-health_score", "pk")[:PACTS]
    )
    if not pacts:
        return "No demo partnerships: nothing to publish on the portal."
    n_activities = n_outcomes = 0
    for p in pacts:
        if p.summary_en == PLACEHOLDER_EN:
            p = partnership_update(
                partnership=p, actor=SYSTEM, expected_version=None, data=_summary(p)
            )
        partnership_publish(record=p, actor=SYSTEM, published=True)
        for activity in p.activities.filter(published=False).order_by("pk"):
            activity_publish(record=activity, actor=SYSTEM, published=True)
            n_activities += 1
        outcomes = Outcome.objects.filter(activity__partnerships=p, published=False)
        for outcome in outcomes.select_related("activity").distinct().order_by("pk"):
            outcome_publish(record=outcome, actor=SYSTEM, published=True)
            n_outcomes += 1
    for practice in Practice.objects.for_office(office).filter(is_demo=True, stage=Stage.ADOPTED):
        practice_publish(record=practice, actor=SYSTEM, published=True)
    missions = Mission.objects.for_office(office).filter(
        is_demo=True,
        partnerships__in=pacts,
        status__in=(MissionStatus.COMPLETED, MissionStatus.REPORTED),
    )
    for mission in missions.distinct().order_by("pk"):
        fa, en = next(
            (texts for key, texts in MISSION_SUMMARIES.items() if key in mission.title_en),
            (mission.title_fa, mission.title_en),
        )
        mission_update(
            mission=mission,
            actor=SYSTEM,
            changes={"public_summary_fa": fa, "public_summary_en": en, "published": True},
        )
    offered = (PitchStatus.OFFERED, PitchStatus.IN_TALKS)
    for pitch in Pitch.objects.for_office(office).filter(is_demo=True, status__in=offered)[:2]:
        pitch_publish(record=pitch, actor=SYSTEM, published=True)
    upcoming = Event.objects.for_office(office).filter(is_demo=True, ends_on__gte=today)
    for event in upcoming.order_by("starts_on")[:3]:
        event_publish(record=event, actor=SYSTEM, published=True)
    portal_health_set(office=office, actor=SYSTEM, shown=True)
    return (
        f"Demo portal: {len(pacts)} partnerships published with {n_activities} activities "
        f"and {n_outcomes} outcomes."
    )
