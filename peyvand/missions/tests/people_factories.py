"""Factories for the contacts and events tests: small, hand-made data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone, translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.missions import services
from peyvand.missions.models import Contact, Event, Mission, MissionStatus, Participant

TODAY = timezone.localdate()


def make_contact(office: Office, **kw: Any) -> Contact:
    kw.setdefault("name_en", "Anna Berger")
    kw.setdefault("kind", "partner_official")
    kw.setdefault("confirm_duplicate", True)
    return services.contact_create(office=office, actor=SYSTEM, **kw)


def make_event(office: Office, **kw: Any) -> Event:
    kw.setdefault("title_en", "Urban forum")
    kw.setdefault("starts_on", TODAY + dt.timedelta(days=30))
    kw.setdefault("ends_on", kw["starts_on"] + dt.timedelta(days=2))
    return services.event_create(office=office, actor=SYSTEM, **kw)


def make_mission(
    office: Office,
    *,
    contacts: list[Contact] = (),  # type: ignore[assignment]
    status: str = MissionStatus.COMPLETED,
    end_date: dt.date | None = None,
    **kw: Any,
) -> Mission:
    """A mission written directly (its workflow is the missions' services)."""
    end = end_date or TODAY - dt.timedelta(days=10)
    mission: Mission = Mission.objects.create(
        office=office,
        title_en=kw.pop("title_en", "Delegation to Vienna"),
        status=status,
        start_date=kw.pop("start_date", end - dt.timedelta(days=3)),
        end_date=end,
        **kw,
    )
    for contact in contacts:
        Participant.objects.create(office=office, mission=mission, contact=contact)
    return mission


def url(name: str, office: Any, lang: str = "en", **kw: Any) -> str:
    with translation.override(lang):
        return reverse(name, kwargs={"office_slug": office.slug, **kw})
