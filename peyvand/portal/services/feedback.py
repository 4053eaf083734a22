"""Citizens' feedback on a published record, and its moderation by the office.

A comment is stored as typed (plain text: pages escape it) and waits for an officer; only
approved comments are shown and counted in the average rating. The email a citizen may give
for a reply is never shown and is erased when the comment is rejected, marked as spam or
answered."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.core.validation import validate_fields
from peyvand.records.history import check_version, record_event

from ..models import COMMENT_MAX, COMMENT_MIN, LINKS_MAX, Feedback, FeedbackStatus, TargetKind
from . import guard

# A moderation action: the status it sets (None: the status stays) and whether the reply
# email is erased.
MODERATION = {
    "approve": (FeedbackStatus.APPROVED, False),
    "reject": (FeedbackStatus.REJECTED, True),
    "spam": (FeedbackStatus.SPAM, True),
    "answered": (None, True),
}


def _target_fields(kind: str, target: Any) -> dict[str, Any]:
    if kind not in TargetKind.values:
        raise ValueError(f"not a feedback target: {kind}")
    return {kind: target}


def feedback_submit(
    *,
    office: Office,
    kind: str,
    target: Any,
    comment: Any,
    rating: Any,
    email: Any,
    language: str,
    sender: guard.Sender,
) -> Feedback:
    """A citizen's comment on `target` (a record the portal shows: the caller found it
    through the portal's selectors), waiting for moderation. Refused with `Trapped`,
    `RateLimited` or field errors (nothing written)."""
    guard.admit(form="feedback", sender=sender, target=f"{office.pk}:{kind}:{target.pk}")
    text = str(comment or "").strip()
    errors: dict[str, list[str]] = {}
    if len(text) < COMMENT_MIN:
        errors["comment"] = [_("Write your comment (a few words at least).")]
    elif len(text) > COMMENT_MAX:
        errors["comment"] = [
            _("Ensure this value has at most %(limit_value)s characters.")
            % {"limit_value": COMMENT_MAX}
        ]
    if rating in ("", None):
        rating = None
    elif not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
        errors["rating"] = [_("Choose a rating from 1 to 5, or none.")]
    if errors:
        raise ValidationError(errors)
    guard.check_links(text, field="comment", limit=LINKS_MAX)
    row = Feedback(
        office=office,
        comment=text,
        rating=rating,
        email=str(email or "").strip(),
        language="en" if language == "en" else "fa",
        **_target_fields(kind, target),
    )
    validate_fields(row)
    row.save()
    return row


@transaction.atomic
def feedback_moderate(
    *, feedback: Feedback, actor: Actor, action: str, expected_version: int | None = None
) -> Feedback:
    """Approve, reject, mark as spam, or mark as answered (officer and up); refused with
    StaleVersion when another officer moderated it since `expected_version`. Recorded in
    the comment's history; the email is erased by every action but approval (and the
    history never holds it)."""
    require_role(actor, Role.OFFICER)
    if action not in MODERATION:
        raise ValidationError({"action": [_("Choose a valid moderation action.")]})
    current: Feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    check_version(current, expected_version)
    status, erase = MODERATION[action]
    changes: dict[str, Any] = {}
    if status is not None and status != current.status:
        changes["status"] = [current.status, status]
        current.status = status
    if action == "answered" and not current.answered:
        changes["answered"] = [False, True]
        current.answered = True
    if erase and current.email:
        current.email = ""
        changes["email_erased"] = [False, True]
    if not changes:
        return current
    current.moderated_by = actor.user
    current.moderated_at = timezone.now()
    current.version += 1
    current.save()
    record_event(target=current, actor=actor, action=action, changes=changes)
    feedback.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return current
