"""Writes of dormancy reviews: the director revives or retires a dormant pact."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.core.validation import create_valid
from peyvand.records.history import record_event

from ..letters import retire_letters, revive_letters
from ..models import (
    DormancyReview,
    Partnership,
    PartnershipStatus,
    ReviewDecision,
)
from .commitments import commitment_create
from .health import health_refresh
from .partnerships import partnership_update


def review_refusal(partnership: Partnership) -> str | None:
    """Why this pact cannot have a dormancy review, or None: only a pact in force can."""
    if partnership.in_force:
        return None
    return _("Only a partnership in force can have a dormancy review; this one is %(status)s.") % {
        "status": partnership.get_status_display().lower()
    }


def _require_in_force(partnership: Partnership) -> None:
    refusal = review_refusal(partnership)
    if refusal:
        raise ValidationError(refusal)


def _both_blank(letter_fa: str | None, letter_en: str | None) -> bool:
    """Both letters sent, and both empty (a letter left out is the standard one)."""
    sent = [letter for letter in (letter_fa, letter_en) if letter is not None]
    return len(sent) == 2 and not any(letter.strip() for letter in sent)


def _standard_unless_sent(
    letter_fa: str | None, letter_en: str | None, standard: Callable[[], tuple[str, str]]
) -> tuple[str, str]:
    """The letters as sent, the standard one of the decision in place of one left out."""
    if letter_fa is not None and letter_en is not None:
        return letter_fa, letter_en
    standard_fa, standard_en = standard()
    return (
        standard_fa if letter_fa is None else letter_fa,
        standard_en if letter_en is None else letter_en,
    )


@transaction.atomic
def dormancy_review_revive(
    *,
    partnership: Partnership,
    actor: Actor,
    deadline: dt.date | None,
    commitments: Sequence[dict[str, Any]],
    letter_fa: str | None = None,
    letter_en: str | None = None,
    today: dt.date | None = None,
) -> DormancyReview:
    """The director revives a dormant pact: an action plan with owners and a deadline.

    Each commitment is a dict of `title` and optionally `due_on` (the deadline when
    missing), `department` and `area`. A letter left out (None) is the standard letter of
    `letters.revive_letters`; an empty one is no letter in that language."""
    require_role(actor, Role.DIRECTOR)
    _require_in_force(partnership)
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if deadline is None:
        errors["deadline"] = [_("Give the plan a deadline.")]
    elif deadline <= today:
        errors["deadline"] = [_("The deadline must be in the future.")]
    if not commitments:
        errors["commitments"] = [_("A rejuvenation plan needs at least one commitment.")]
    if _both_blank(letter_fa, letter_en):
        errors["letter_en"] = [_("Write the letter to the partner.")]
    if errors or deadline is None:
        raise ValidationError(errors)
    letter_fa, letter_en = _standard_unless_sent(
        letter_fa, letter_en, lambda: revive_letters(partnership, deadline)
    )
    review = create_valid(
        DormancyReview,
        office_id=partnership.office_id,
        partnership=partnership,
        decision=ReviewDecision.REVIVE,
        decided_by=actor.user,
        decided_on=today,
        score_at_review=partnership.health_score,
        deadline=deadline,
        letter_fa=letter_fa,
        letter_en=letter_en,
    )
    for item in commitments:
        commitment_create(
            partnership=partnership,
            actor=actor,
            title=item["title"],
            due_on=item.get("due_on") or deadline,
            department=item.get("department"),
            area=item.get("area"),
            refresh=False,
        )
    record_event(
        target=partnership,
        actor=actor,
        action="review_revive",
        changes={"deadline": [None, deadline.isoformat()], "commitments": len(commitments)},
        note=letter_en or letter_fa,
    )
    health_refresh(partnerships=[partnership], today=today)
    return review


@transaction.atomic
def dormancy_review_retire(
    *,
    partnership: Partnership,
    actor: Actor,
    reason: str,
    letter_fa: str | None = None,
    letter_en: str | None = None,
    today: dt.date | None = None,
) -> DormancyReview:
    """The director retires a dormant pact: it ends with the reason and a closing letter (a
    letter left out, None, is the standard one of `letters.retire_letters`)."""
    require_role(actor, Role.DIRECTOR)
    _require_in_force(partnership)
    today = today or timezone.localdate()
    letter_fa, letter_en = _standard_unless_sent(
        letter_fa, letter_en, lambda: retire_letters(partnership)
    )
    if not reason.strip():
        raise ValidationError({"reason": [_("Give the reason for retiring the partnership.")]})
    review = create_valid(
        DormancyReview,
        office_id=partnership.office_id,
        partnership=partnership,
        decision=ReviewDecision.RETIRE,
        decided_by=actor.user,
        decided_on=today,
        score_at_review=partnership.health_score,
        reason=reason.strip(),
        letter_fa=letter_fa,
        letter_en=letter_en,
    )
    partnership_update(
        partnership=partnership,
        actor=actor,
        expected_version=None,
        data={"status": PartnershipStatus.ENDED, "end_reason": reason.strip()},
        action="review_retire",
        note=letter_en or letter_fa,
    )
    return review


def dormancy_review(
    *,
    partnership: Partnership,
    actor: Actor,
    decision: str,
    deadline: dt.date | None = None,
    commitments: Sequence[dict[str, Any]] = (),
    reason: str = "",
    letter_fa: str | None = None,
    letter_en: str | None = None,
    today: dt.date | None = None,
) -> DormancyReview:
    """The director's decision on a dormant pact, `revive` (a plan: deadline and commitments)
    or `retire` (a reason); the fields of the other decision are not used."""
    if decision == ReviewDecision.REVIVE:
        return dormancy_review_revive(
            partnership=partnership,
            actor=actor,
            deadline=deadline,
            commitments=commitments,
            letter_fa=letter_fa,
            letter_en=letter_en,
            today=today,
        )
    if decision == ReviewDecision.RETIRE:
        return dormancy_review_retire(
            partnership=partnership,
            actor=actor,
            reason=reason,
            letter_fa=letter_fa,
            letter_en=letter_en,
            today=today,
        )
    require_role(actor, Role.DIRECTOR)
    raise ValidationError({"decision": [_("Choose to revive or to retire the partnership.")]})
