"""Messages to the office from a published pitch's contact form: private, for its officers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.core.validation import validate_fields

from ..models import LINKS_MAX, MESSAGE_MAX, InboxMessage, MessageStatus
from . import guard


def message_send(
    *,
    office: Office,
    pitch: Any,
    name: Any,
    organization: Any,
    email: Any,
    body: Any,
    sender: guard.Sender,
) -> InboxMessage:
    """A message about `pitch` (a pitch the portal shows) to the office's inbox. Refused
    with `Trapped`, `RateLimited` or field errors (nothing written)."""
    guard.admit(form="contact", sender=sender, target=f"{office.pk}:pitch:{pitch.pk}")
    row = InboxMessage(
        office=office,
        pitch=pitch,
        name=str(name or "").strip(),
        organization=str(organization or "").strip(),
        email=str(email or "").strip(),
        body=str(body or "").strip(),
    )
    errors: dict[str, list[str]] = {}
    if not row.name:
        errors["name"] = [_("Give your name.")]
    if not row.email:
        errors["email"] = [_("Give an email address the office can answer.")]
    if len(row.body) < 3:
        errors["body"] = [_("Write your message.")]
    elif len(row.body) > MESSAGE_MAX:
        errors["body"] = [
            _("Ensure this value has at most %(limit_value)s characters.")
            % {"limit_value": MESSAGE_MAX}
        ]
    if errors:
        raise ValidationError(errors)
    guard.check_links(row.body, field="body", limit=LINKS_MAX)
    validate_fields(row)
    row.save()
    return row


@transaction.atomic
def message_handle(*, message: InboxMessage, actor: Actor, handled: bool = True) -> InboxMessage:
    """Mark a message as handled (or new again), officer and up."""
    require_role(actor, Role.OFFICER)
    current: InboxMessage = InboxMessage.objects.select_for_update().get(pk=message.pk)
    status = MessageStatus.HANDLED if handled else MessageStatus.NEW
    if current.status != status:
        current.status = status
        current.handled_by = actor.user if handled else None
        current.save(update_fields=["status", "handled_by", "updated_at"])
    return current
