from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import Office, OfficeMembership


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
