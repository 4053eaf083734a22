"""The secret address of a member's feed: signed, never stored (see models.FeedKey)."""

from __future__ import annotations

from typing import Any

from django.core import signing

from peyvand.accounts.models import Office, OfficeMembership

from .models import FeedKey

SALT = "peyvand.agenda.feed"


def generation(office: Office, user: Any) -> int:
    """The feed's current generation (1 until the member first regenerates it)."""
    found = (
        FeedKey.objects.for_office(office).filter(user=user).values_list("generation", flat=True)
    )
    return found.first() or 1


def feed_token(office: Office, user: Any) -> str:
    """The same address every time it is asked for (no timestamp), until regenerated."""
    return signing.Signer(salt=SALT).sign_object([user.pk, office.pk, generation(office, user)])


def feed_member(token: str) -> OfficeMembership | None:
    """The membership a feed token was made for, while it is current and the person is
    still an active member of the office; None for anything else."""
    try:
        user_pk, office_pk, made = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not all(isinstance(v, int) for v in (user_pk, office_pk, made)):
        return None
    membership: OfficeMembership | None = (
        OfficeMembership.objects.select_related("office", "user")
        .filter(user_id=user_pk, office_id=office_pk, user__is_active=True)
        .first()
    )
    if membership is None or generation(membership.office, membership.user) != made:
        return None
    return membership
