"""The practices' and the pitches' and funding's sections of the annual report: each figure
equals a count made independently, another office never counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import jdatetime
import pytest
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services as knowledge
from peyvand.knowledge.models import Practice
from peyvand.opportunities import services as opportunities
from peyvand.opportunities.models import Application, Pitch
from peyvand.organizations.models import Organization
from peyvand.partnerships.tests.factories import area
from peyvand.reports import content

from .support import TODAY, YEAR


def _in_year(day: dt.date | None) -> bool:
    return day is not None and jdatetime.date.fromgregorian(date=day).year == YEAR


def _span() -> tuple[dt.date, dt.date]:
    start = jdatetime.date(YEAR, 1, 1).togregorian()
    return start, jdatetime.date(YEAR + 1, 1, 1).togregorian() - dt.timedelta(days=1)


def _records(office: Any) -> None:
    start, end = _span()
    for title, day in (
        ("Inside", start + dt.timedelta(days=40)),
        ("Before", start - dt.timedelta(days=3)),
    ):
        practice = knowledge.practice_create(office=office, actor=SYSTEM, title_en=title, today=day)
        knowledge.practice_move(practice=practice, actor=SYSTEM, stage="adopted", today=day)
    piloted = knowledge.practice_create(office=office, actor=SYSTEM, title_en="Pilot", today=start)
    knowledge.practice_move(practice=piloted, actor=SYSTEM, stage="piloting", today=start)
    bank = Organization.objects.get(acronym="ADB")
    pitch = opportunities.pitch_create(
        office=office, actor=SYSTEM, title_en="Light rail", area=area("transport"), currency="USD"
    )
    opportunities.pitch_set_status(pitch=pitch, actor=SYSTEM, status="in_talks")
    for deadline in (start + dt.timedelta(days=10), end + dt.timedelta(days=10)):
        call = opportunities.call_create(
            office=office,
            actor=SYSTEM,
            funder=bank,
            title_en="Green",
            deadline=deadline,
            currency="USD",
        )
        opportunities.application_create(
            office=office, actor=SYSTEM, call=call, pitch=pitch, amount_requested=Decimal(1000)
        )


def _figures(office: Any) -> dict[str, dict[str, Any]]:
    with translation.override("en"):
        built = content.build_content(office=office, today=TODAY, year=YEAR, calendar="jalali")
    return {
        s.key: {k.label + (f" {k.unit}" if k.unit else ""): k.value for k in s.kpis}
        for s in built.sections
    }


@pytest.mark.django_db
def test_practices_and_funding_figures_equal_independent_counts(
    office: Any, other_office: Any
) -> None:
    _records(office)
    _records(other_office)
    got = _figures(office)
    practices = [p for p in Practice.objects.all() if p.office_id == office.pk]
    assert (
        got["practices"]["Practices adopted in the year"]
        == sum(1 for p in practices if _in_year(p.adopted_on))
        == 1
    )
    assert (
        got["practices"]["Practices being piloted"]
        == sum(1 for p in practices if p.stage == "piloting")
        == 1
    )
    pitches = [p for p in Pitch.objects.all() if p.office_id == office.pk]
    assert got["opportunities"]["Pitches in talks"] == sum(
        1 for p in pitches if p.status == "in_talks"
    )
    apps = [a for a in Application.objects.select_related("call") if a.office_id == office.pk]
    assert (
        got["opportunities"]["Applications of the year"]
        == sum(1 for a in apps if _in_year(a.call.deadline))
        == 1
    )
