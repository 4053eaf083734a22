"""The mission's workflow: draft → submitted → approved or rejected → completed →
reported (the trip report, `reports.py`); cancelled from any state before completed.

One table says which action moves a mission from which states to which, and who may take
it; pages and the API offer and refuse actions from it. A refused action changes nothing:
a role that may not answers PermissionDenied (403), a state that does not allow it
NotAllowedNow (409), a missing reason a field error (422).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.core.validation import NotAllowedNow
from peyvand.records.history import check_version, record_event

from ..models import Mission, MissionStatus
from ..models.missions import REASON_MAX
from .sync import sync_activities

S = MissionStatus


@dataclass(frozen=True)
class Action:
    name: str
    label: Promise  # the button
    sources: tuple[str, ...]
    target: str
    role: str
    needs_reason: bool = False


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action(
            "submit",
            gettext_lazy("Submit for approval"),
            (S.DRAFT, S.REJECTED),
            S.SUBMITTED,
            Role.OFFICER,
        ),
        Action("approve", gettext_lazy("Approve"), (S.SUBMITTED,), S.APPROVED, Role.DIRECTOR),
        Action(
            "reject",
            gettext_lazy("Reject"),
            (S.SUBMITTED,),
            S.REJECTED,
            Role.DIRECTOR,
            needs_reason=True,
        ),
        Action(
            "complete", gettext_lazy("Mark as completed"), (S.APPROVED,), S.COMPLETED, Role.OFFICER
        ),
        Action(
            "cancel",
            gettext_lazy("Cancel the mission"),
            (S.DRAFT, S.SUBMITTED, S.APPROVED, S.REJECTED),
            S.CANCELLED,
            Role.OFFICER,
            needs_reason=True,
        ),
    )
}
# Which action leads to a status (the API's PATCH of `status` takes it).
ACTION_TO = {a.target: a for a in ACTIONS.values()}


def allowed_actions(mission: Mission, actor: Actor) -> list[Action]:
    """The actions this actor may take on the mission now, in the table's order."""
    return [a for a in ACTIONS.values() if mission.status in a.sources and actor.has_role(a.role)]


def _not_now(action: Action, mission: Mission) -> NotAllowedNow:
    status = mission.get_status_display()
    messages = {
        "submit": _(
            "A mission can be submitted only as a draft or after a rejection; it is %(status)s."
        ),
        "approve": _("Only a submitted mission can be approved; this one is %(status)s."),
        "reject": _("Only a submitted mission can be rejected; this one is %(status)s."),
        "complete": _("Only an approved mission can be completed; this one is %(status)s."),
        "cancel": _(
            "A mission can be cancelled only before it is completed; this one is %(status)s."
        ),
    }
    return NotAllowedNow(messages[action.name] % {"status": status})


@transaction.atomic
def mission_transition(
    *,
    mission: Mission,
    actor: Actor,
    action: str,
    reason: str = "",
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Mission:
    """Take `action` on the mission; recorded in its history (who, when, from, to, why)."""
    step = ACTIONS.get(action)
    if step is None:
        raise ValidationError({"action": [_("Choose a valid action.")]})
    require_role(actor, step.role)
    current: Mission = Mission.objects.select_for_update().get(pk=mission.pk)
    check_version(current, expected_version)
    if current.status not in step.sources:
        raise _not_now(step, current)
    reason = (reason or "").strip()
    if step.needs_reason and not reason:
        raise ValidationError({"reason": [_("Say why: the reason is kept with the mission.")]})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": [_("Keep the reason within %(max)s characters.") % {"max": REASON_MAX}]}
        )
    if step.name == "complete" and current.start_date > (today or timezone.localdate()):
        raise NotAllowedNow(_("A mission can be completed once it has started."))
    if step.name == "submit" and not current.objectives.exists():
        raise ValidationError(
            {"objectives": [_("Give the mission at least one objective before submitting it.")]}
        )
    before = current.status
    current.status = step.target
    current.status_reason = reason if step.needs_reason else ""
    current.version += 1
    current.save(update_fields=["status", "status_reason", "version", "updated_at"])
    changes: dict[str, list[str | None]] = {"status": [before, current.status]}
    if reason:
        changes["reason"] = [None, reason]
    record_event(target=current, actor=actor, action=step.name, changes=changes, note=reason)
    if step.name == "complete":
        sync_activities(mission=current, actor=actor, today=today)
    return current
