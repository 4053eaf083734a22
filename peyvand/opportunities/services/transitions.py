"""An application's workflow: preparation → submitted → accepted or rejected →
implementation → completed.

One table says which action moves an application from which states to which, and who may
take it; pages and the API offer and refuse actions from it. A refused action changes
nothing: a role that may not answers PermissionDenied (403), a state that does not allow
it NotAllowedNow (409), a missing reason or amount a field error (422). The API's
`POST .../status` names the status to reach: the one action leading there is taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.core.validation import NUL_MESSAGE, NotAllowedNow
from peyvand.records.history import check_version, record_event

from ..models import Application, ApplicationStatus
from ..models.funding import REASON_MAX

S = ApplicationStatus


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
            "submit", gettext_lazy("Mark as submitted"), (S.PREPARATION,), S.SUBMITTED, Role.OFFICER
        ),
        Action(
            "accept",
            gettext_lazy("Accepted by the funder"),
            (S.SUBMITTED,),
            S.ACCEPTED,
            Role.OFFICER,
        ),
        Action(
            "reject",
            gettext_lazy("Rejected by the funder"),
            (S.SUBMITTED,),
            S.REJECTED,
            Role.OFFICER,
            needs_reason=True,
        ),
        Action(
            "implement",
            gettext_lazy("Start the implementation"),
            (S.ACCEPTED,),
            S.IMPLEMENTATION,
            Role.OFFICER,
        ),
        Action(
            "complete",
            gettext_lazy("Mark as completed"),
            (S.IMPLEMENTATION,),
            S.COMPLETED,
            Role.OFFICER,
        ),
    )
}
# Which action leads to a status (the API's POST .../status names the status).
ACTION_TO = {a.target: a for a in ACTIONS.values()}


def allowed_actions(application: Application, actor: Actor) -> list[Action]:
    """The actions this actor may take on the application now, in the table's order."""
    return [
        a for a in ACTIONS.values() if application.status in a.sources and actor.has_role(a.role)
    ]


def _not_now(action: Action, application: Application) -> NotAllowedNow:
    status = application.get_status_display()
    messages = {
        "submit": _("Only an application in preparation can be submitted; this one is %(status)s."),
        "accept": _("Only a submitted application can be accepted; this one is %(status)s."),
        "reject": _("Only a submitted application can be rejected; this one is %(status)s."),
        "implement": _(
            "Only an accepted application can go into implementation; this one is %(status)s."
        ),
        "complete": _(
            "Only an application in implementation can be completed; this one is %(status)s."
        ),
    }
    return NotAllowedNow(messages[action.name] % {"status": status})


@transaction.atomic
def application_transition(
    *,
    application: Application,
    actor: Actor,
    action: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Application:
    """Take `action`; recorded in the history (who, when, from, to, why)."""
    step = ACTIONS.get(action)
    if step is None:
        raise ValidationError({"action": [_("Choose a valid action.")]})
    require_role(actor, step.role)
    current: Application = Application.objects.select_for_update().get(pk=application.pk)
    check_version(current, expected_version)
    if current.status not in step.sources:
        raise _not_now(step, current)
    reason = (reason or "").strip()
    if "\x00" in reason:
        raise ValidationError({"reason": [str(NUL_MESSAGE)]})
    if step.needs_reason and not reason:
        raise ValidationError({"reason": [_("Say why: the reason is kept with the application.")]})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": [_("Keep the reason within %(max)s characters.") % {"max": REASON_MAX}]}
        )
    if step.name == "submit" and current.amount_requested is None:
        raise ValidationError(
            {"amount_requested": [_("Give the amount requested before submitting.")]}
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
    return current


def application_move_to(
    *,
    application: Application,
    actor: Actor,
    status: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Application:
    """Move to `status` by the one action that leads there: an unknown status is a field
    error, a status no action leads to from here (or at all) is refused as not now."""
    if status not in ApplicationStatus.values:
        raise ValidationError({"status": [_("Choose a valid status.")]})
    step = ACTION_TO.get(status)
    if step is None:
        raise NotAllowedNow(_("An application starts in preparation; it cannot go back to it."))
    return application_transition(
        application=application,
        actor=actor,
        action=step.name,
        reason=reason,
        expected_version=expected_version,
    )
