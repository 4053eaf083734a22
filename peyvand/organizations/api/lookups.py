"""What the API's endpoints look up by the ids a client sends, refused as field errors."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from peyvand.accounts.models import Office

from ..models import Membership, Obligation, Organization, RoleHeld


def organization(pk: int) -> Organization:
    found = Organization.objects.filter(pk=pk).first()
    if found is None:
        raise ValidationError({"organization": [_("There is no organisation with this id.")]})
    return found


def person(pk: int | None) -> Any:
    """The user a focal person names (whether they are a member is the service's rule)."""
    if pk is None:
        return None
    found = get_user_model().objects.filter(pk=pk).first()
    if found is None:
        raise ValidationError(
            {"focal_person": [_("The focal person must be a member of the office.")]}
        )
    return found


def with_parts(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    """Memberships with their seats and obligations, as the API answers them."""
    return memberships.select_related("organization", "focal_person").prefetch_related(
        Prefetch("roles", queryset=RoleHeld.objects.order_by("term_start", "pk")),
        Prefetch("obligations", queryset=Obligation.objects.order_by("due_on", "pk")),
    )


def membership(office: Office, pk: int) -> Membership:
    found: Membership = get_object_or_404(with_parts(Membership.objects.for_office(office)), pk=pk)
    return found


def role(office: Office, pk: int) -> RoleHeld:
    found: RoleHeld = get_object_or_404(
        RoleHeld.objects.for_office(office).select_related("membership"), pk=pk
    )
    return found


def obligation(office: Office, pk: int) -> Obligation:
    found: Obligation = get_object_or_404(
        Obligation.objects.for_office(office).select_related("membership"), pk=pk
    )
    return found
