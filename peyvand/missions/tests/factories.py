"""Factories for missions tests: small, hand-made data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.missions import services
from peyvand.missions.models import Mission

TODAY = timezone.localdate()


def make_mission(office: Office, **kw: Any) -> Mission:
    kw.setdefault("title_en", "Study visit to Vienna")
    kw.setdefault("start_date", TODAY - dt.timedelta(days=10))
    kw.setdefault("end_date", TODAY - dt.timedelta(days=7))
    kw.setdefault("objectives", ["Learn how Vienna runs its metro", "Meet the UNIDO team"])
    actor = kw.pop("actor", SYSTEM)
    return services.mission_create(office=office, actor=actor, **kw)


def move(mission: Mission, *actions: str, actor: Any = SYSTEM, **kw: Any) -> Mission:
    """Take the actions in order (as the system unless an actor is given)."""
    for action in actions:
        reason = "Because" if action in ("reject", "cancel") else ""
        mission = services.mission_transition(
            mission=mission, actor=actor, action=action, reason=reason, **kw
        )
    return mission


def report_for(mission: Mission, **kw: Any) -> services.ReportIn:
    kw.setdefault("summary", "We saw the metro and met the team.")
    kw.setdefault("outcomes", {o.pk: ("met", "Done.") for o in mission.objectives.all()})
    return services.ReportIn(**kw)
