"""The transfer pipeline of a practice: idea → studied → proposed → piloting → adopted, or
rejected with a reason from any open stage (decision 0011).

One table says which move takes a practice from which stage to which: forward to any
later stage (a practice studied may go straight to a pilot), back one stage, rejected
(a reason required) from any open stage, a rejected practice reopened to the stage it
left; adopted is final. An officer moves (viewers and liaisons may not). A refused move
changes nothing: an unknown stage answers a field error (422), a role that may not
PermissionDenied (403), a stale version StaleVersion (412), a move the table does not
allow NotAllowedNow (409), a missing reason a field error (422).

Every move is recorded in the history (who, when, from, to, why) and closes the stay in
the stage it leaves (`StageSpan`), opening one in the stage it reaches. Adopting a
practice linked to pacts logs one dated activity "Practice adopted: …" on them through
the pacts' own services, with a "practice transferred" outcome, once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.core.validation import NotAllowedNow, create_valid
from peyvand.partnerships.models import ActivityKind, OutcomeKind
from peyvand.partnerships.services import activity_log, outcome_add
from peyvand.records.history import check_version, record_event

from ..models import REASON_MAX, Practice, Stage, StageSpan

S = Stage
# The pipeline's stages in order; the open ones are those a practice can still leave.
PIPELINE: tuple[str, ...] = (S.IDEA, S.STUDIED, S.PROPOSED, S.PILOTING, S.ADOPTED)
OPEN: tuple[str, ...] = PIPELINE[:-1]
FORWARD, BACK, REJECT, REOPEN = "forward", "back", "reject", "reopen"
# The history's action for each kind of move (adopting is a forward move of its own name).
ACTION = {FORWARD: "advanced", BACK: "moved_back", REJECT: "rejected", REOPEN: "reopened"}


@dataclass(frozen=True)
class Move:
    source: str
    target: str
    kind: str
    role: str = Role.OFFICER
    needs_reason: bool = False

    @property
    def action(self) -> str:
        return "adopted" if self.target == S.ADOPTED else ACTION[self.kind]

    @property
    def label(self) -> str:
        """The button's words."""
        stage = Stage(self.target).label
        if self.kind == REJECT:
            return _("Reject")
        if self.kind == REOPEN:
            return _("Reopen at “%(stage)s”") % {"stage": stage}
        if self.kind == BACK:
            return _("Back to “%(stage)s”") % {"stage": stage}
        if self.target == S.ADOPTED:
            return _("Mark as adopted")
        return _("Move to “%(stage)s”") % {"stage": stage}


def _table() -> dict[tuple[str, str], Move]:
    moves: dict[tuple[str, str], Move] = {}
    for n, source in enumerate(OPEN):
        for target in PIPELINE[n + 1 :]:
            moves[source, target] = Move(source, target, FORWARD)
        if n > 0:
            moves[source, PIPELINE[n - 1]] = Move(source, PIPELINE[n - 1], BACK)
        moves[source, S.REJECTED] = Move(source, S.REJECTED, REJECT, needs_reason=True)
        # Only to the stage it left (the service checks `rejected_from`).
        moves[S.REJECTED, source] = Move(S.REJECTED, source, REOPEN)
    return moves


MOVES: dict[tuple[str, str], Move] = _table()


def _move_for(practice: Practice, target: str) -> Move | None:
    move = MOVES.get((practice.stage, target))
    if move is not None and move.kind == REOPEN and target != practice.rejected_from:
        return None
    return move


def allowed_moves(practice: Practice, actor: Actor) -> list[Move]:
    """The moves this actor may make on the practice now: forward ones first (in the
    pipeline's order), then back, reopen and reject."""
    order = {FORWARD: 0, BACK: 1, REOPEN: 2, REJECT: 3}
    found = [
        m
        for target in (*PIPELINE, S.REJECTED)
        if (m := _move_for(practice, target)) is not None and actor.has_role(m.role)
    ]
    return sorted(found, key=lambda m: order[m.kind])


def _not_now(practice: Practice, target: str) -> NotAllowedNow:
    labels = dict(Stage.choices)
    here, there = labels[practice.stage], labels[target]
    if practice.stage == target:
        return NotAllowedNow(_("The practice is already at “%(stage)s”.") % {"stage": here})
    if practice.stage == S.ADOPTED:
        return NotAllowedNow(_("An adopted practice is final: it no longer moves."))
    if practice.stage == S.REJECTED:
        left = labels.get(practice.rejected_from, labels[S.IDEA])
        return NotAllowedNow(
            _("A rejected practice is reopened at the stage it left, “%(stage)s”.")
            % {"stage": left}
        )
    return NotAllowedNow(
        _(
            "A practice moves forward to any later stage or back one stage: from "
            "“%(here)s” it cannot go to “%(there)s”."
        )
        % {"here": here, "there": there}
    )


@transaction.atomic
def practice_move(
    *,
    practice: Practice,
    actor: Actor,
    stage: str,
    reason: str = "",
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Practice:
    """Move the practice to `stage`; recorded in its history and its stays in stages."""
    if stage not in Stage.values:
        raise ValidationError({"stage": [_("Choose a stage of the pipeline.")]})
    require_role(actor, Role.OFFICER)
    current: Practice = Practice.objects.select_for_update().get(pk=practice.pk)
    check_version(current, expected_version)
    move = _move_for(current, stage)
    if move is None:
        raise _not_now(current, stage)
    require_role(actor, move.role)
    reason = (reason or "").strip()
    if move.needs_reason and not reason:
        raise ValidationError(
            {"reason": [_("Say why the practice is rejected: the reason is kept with it.")]}
        )
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": [_("Keep the reason within %(max)s characters.") % {"max": REASON_MAX}]}
        )
    if "\x00" in reason:
        raise ValidationError({"reason": [_("Null characters are not allowed.")]})
    today = today or timezone.localdate()
    before = current.stage
    StageSpan.objects.filter(practice=current, left_on__isnull=True).update(left_on=today)
    create_valid(
        StageSpan, office_id=current.office_id, practice=current, stage=stage, entered_on=today
    )
    current.stage = stage
    current.stage_since = today
    if move.kind == REJECT:
        current.stage_reason, current.rejected_from = reason, before
    elif move.kind == REOPEN:
        current.stage_reason, current.rejected_from = "", ""
    if stage == S.ADOPTED:
        current.adopted_on = today
    current.version += 1
    current.save(
        update_fields=[
            "stage",
            "stage_since",
            "stage_reason",
            "rejected_from",
            "adopted_on",
            "version",
            "updated_at",
        ]
    )
    changes: dict[str, list[str | None]] = {"stage": [before, stage]}
    if reason:
        changes["reason"] = [None, reason]
    record_event(target=current, actor=actor, action=move.action, changes=changes, note=reason)
    if stage == S.ADOPTED:
        _record_adoption(current, actor, today)
    return current


def _record_adoption(practice: Practice, actor: Actor, today: dt.date) -> None:
    """One activity on the practice's pacts, with a "practice transferred" outcome: what
    the pacts' timelines and health scores show of it. Made once."""
    if practice.adoption_activity_id is not None:
        return
    pacts = list(practice.partnerships.all())
    if not pacts:
        return
    # The activity is written in the practice's language (Persian when it has a title).
    with translation.override("fa" if practice.title_fa else "en"):
        title = _("Practice adopted: %(title)s") % {"title": practice.title}
        note = _("The practice “%(title)s” was adopted at home.") % {"title": practice.title}
    activity = activity_log(
        office=practice.office,
        actor=actor,
        partnerships=pacts,
        date=today,
        kind=ActivityKind.OTHER,
        title=title[:300],
        description=(practice.summary_fa or practice.summary_en)[:5000],
        areas=list(practice.areas.all()),
        is_demo=practice.is_demo,
        today=today,
    )
    outcome_add(activity=activity, actor=actor, kind=OutcomeKind.PRACTICE, value=1, note=note[:300])
    practice.adoption_activity = activity
    practice.save(update_fields=["adoption_activity"])
    record_event(
        target=practice,
        actor=actor,
        action="adoption_logged",
        changes={"partnerships": sorted(str(p.partner_city) for p in pacts)},
    )
