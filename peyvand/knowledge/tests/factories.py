"""Factories for knowledge tests: small, hand-made data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.knowledge import services
from peyvand.knowledge.models import Practice
from peyvand.missions import services as missions
from peyvand.missions.models import Mission, PracticeObserved
from peyvand.missions.tests.factories import make_mission, move, report_for

TODAY = timezone.localdate()


def make_practice(office: Office, **kw: Any) -> Practice:
    kw.setdefault("title_en", "Integrated annual ticket")
    actor = kw.pop("actor", SYSTEM)
    return services.practice_create(office=office, actor=actor, **kw)


def walk(
    practice: Practice, *stages: str, actor: Any = SYSTEM, start: dt.date | None = None
) -> Practice:
    """Move the practice through the stages in order, a week apart from `start`."""
    day = start or TODAY
    for n, stage in enumerate(stages):
        reason = "Too costly" if stage == "rejected" else ""
        practice = services.practice_move(
            practice=practice,
            actor=actor,
            stage=stage,
            reason=reason,
            today=day + dt.timedelta(days=7 * (n + 1)) if start else None,
        )
    return practice


def reported_mission(office: Office, practices: list[tuple[str, str]], **kw: Any) -> Mission:
    """A mission moved to reported, whose report observed `practices`."""
    m = make_mission(office, **kw)
    move(m, "submit", "approve", "complete")
    missions.report_file(mission=m, actor=SYSTEM, report=report_for(m, practices=practices))
    return m


def observations(m: Mission) -> list[PracticeObserved]:
    return list(PracticeObserved.objects.filter(report__mission=m).order_by("pk"))
