"""No double entry: a completed (or reported) mission keeps one activity on each of its
pacts (an outgoing or incoming visit with the mission's dates, linked back through
`MissionActivity`), so each pact's timeline, history and health score show it. Editing
the mission updates exactly those activities; unlinking a pact removes its activity; a
mission that is no longer completed or reported keeps none."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peyvand.accounts.actors import Actor
from peyvand.partnerships.models import Activity, ActivityKind, InitiatedBy
from peyvand.partnerships.services import activity_delete, activity_log, activity_update

from ..models import Direction, Mission, MissionActivity, MissionStatus

# The states in which a mission's activities exist.
DONE = (MissionStatus.COMPLETED, MissionStatus.REPORTED)


def activity_values(mission: Mission) -> dict[str, Any]:
    """What the activity of a mission says, from the mission."""
    outgoing = mission.direction == Direction.OUTGOING
    return {
        "date": mission.start_date,
        "kind": ActivityKind.VISIT_OUT if outgoing else ActivityKind.VISIT_IN,
        "initiated_by": InitiatedBy.US if outgoing else InitiatedBy.PARTNER,
        "title": (mission.title_fa or mission.title_en)[:300],
        "participants": mission.participants.count() or None,
    }


def _differs(activity: Activity, values: dict[str, Any]) -> bool:
    return any(getattr(activity, name) != value for name, value in values.items())


def sync_activities(*, mission: Mission, actor: Actor, today: dt.date | None = None) -> None:
    links = {
        link.partnership_id: link
        for link in MissionActivity.objects.filter(mission=mission).select_related("activity")
    }
    wanted = {p.pk: p for p in mission.partnerships.all()} if mission.status in DONE else {}
    for pact_id, link in list(links.items()):
        if pact_id not in wanted:
            # The pact left the mission: its activity goes to the bin (restorable there as
            # the pact's record), the link goes.
            if link.activity.deleted_at is None:
                activity_delete(activity=link.activity, actor=actor, today=today)
            link.delete()
            del links[pact_id]
    if not wanted:
        return
    values = activity_values(mission)
    contacts = list(mission.contacts.all())
    for pact_id, pact in wanted.items():
        link = links.get(pact_id)
        if link is None:
            activity = activity_log(
                office=mission.office,
                actor=actor,
                partnerships=[pact],
                is_demo=mission.is_demo,
                today=today,
                **values,
            )
            MissionActivity.objects.create(
                office_id=mission.office_id, mission=mission, partnership=pact, activity=activity
            )
        elif link.activity.deleted_at is not None:
            continue  # a member put it in the bin: it stays there until restored
        else:
            activity = link.activity
            if _differs(activity, values):
                activity_update(
                    activity=activity,
                    actor=actor,
                    partnerships=[pact],
                    description=activity.description,
                    areas=list(activity.areas.all()),
                    today=today,
                    **values,
                )
        activity.contacts.set(contacts)
