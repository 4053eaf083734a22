from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import ApiToken, Office, OfficeMembership


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


def tokens_of(*, user: Any) -> QuerySet[ApiToken]:
    """The user's access tokens, newest first, with their offices."""
    return ApiToken.objects.filter(user=user).select_related("office").order_by("-created_at")


def token_by_secret(digest: str) -> ApiToken | None:
    """The token whose secret has this digest (with its user and office), or None."""
    return ApiToken.objects.select_related("user", "office").filter(digest=digest).first()
