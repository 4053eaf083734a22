from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import ApiToken, Invitation, InvitationState, Office, OfficeMembership


def memberships_of(*, user: Any) -> QuerySet[OfficeMembership]:
    return (
        OfficeMembership.objects.filter(user=user)
        .select_related("office")
        .order_by("office__name_en")
    )


def office_members(*, office: Office) -> QuerySet[OfficeMembership]:
    return (
        OfficeMembership.objects.for_office(office)
        .select_related("user", "department")
        .order_by("role", "user__username")
    )


def pending_invitations(*, office: Office) -> QuerySet[Invitation]:
    return (
        Invitation.objects.for_office(office)
        .filter(state=InvitationState.PENDING, expires_at__gt=timezone.now())
        .select_related("department")
        .order_by("-created_at")
    )


def invitations_for(*, user: Any) -> QuerySet[Invitation]:
    """The open invitations naming the user's username or email address."""
    match = Q(invitee=user.get_username().casefold())
    if user.email:
        match |= Q(invitee=user.email.strip().casefold())
    return (
        Invitation.objects.filter(
            match, state=InvitationState.PENDING, expires_at__gt=timezone.now()
        )
        .select_related("office", "department")
        .order_by("-created_at")
    )


def invitation_by_token(token_hash: str) -> Invitation | None:
    invitation: Invitation | None = (
        Invitation.objects.filter(token_hash=token_hash)
        .select_related("office", "department")
        .first()
    )
    return invitation


def tokens_of(*, user: Any) -> QuerySet[ApiToken]:
    """The user's access tokens, newest first, with their offices."""
    return ApiToken.objects.filter(user=user).select_related("office").order_by("-created_at")


def token_by_secret(digest: str) -> ApiToken | None:
    """The token whose secret has this digest (with its user and office), or None."""
    return ApiToken.objects.select_related("user", "office").filter(digest=digest).first()
