"""Reads of an office's memberships: the list, one membership, the next obligation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from peyvand.accounts.models import Office
from peyvand.records.history import history_of
from peyvand.records.models import Event

from ..models import Membership, MembershipStatus, Obligation, Organization, RoleHeld
from .fees import FeeState, fee_state_filter

MEMBERSHIP_SORTS = {
    "organization": ("organization__name_en", "pk"),
    "-since": ("-since", "organization__name_en", "pk"),
    "since": ("since", "organization__name_en", "pk"),
    "fee_due": ("fee_due_on", "organization__name_en", "pk"),
    "status": ("status", "organization__name_en", "pk"),
}


def _next_obligation() -> QuerySet[Obligation]:
    return Obligation.objects.filter(membership=OuterRef("pk"), done_on__isnull=True).order_by(
        "due_on", "pk"
    )


def membership_list(
    *, office: Office, filters: dict[str, Any], today: dt.date
) -> QuerySet[Membership]:
    """The office's memberships, filtered (status, fee state, `start`/`end`: the fee's
    due date within them) and sorted, each with the due date and title of its next
    obligation not done (`next_due_on`, `next_title`)."""
    nxt = _next_obligation()
    qs = (
        Membership.objects.for_office(office)
        .select_related("organization", "focal_person")
        .annotate(
            next_due_on=Subquery(nxt.values("due_on")[:1]),
            next_title=Subquery(nxt.values("title")[:1]),
        )
    )
    status = filters.get("status") or ""
    if status in MembershipStatus.values:
        qs = qs.filter(status=status)
    fee = filters.get("fee") or ""
    if fee in FeeState.values:
        qs = qs.filter(fee_state_filter(fee, today))
    if filters.get("start"):
        qs = qs.filter(fee_due_on__gte=filters["start"])
    if filters.get("end"):
        qs = qs.filter(fee_due_on__lte=filters["end"])
    q = (filters.get("q") or "").strip()[:100]
    if q:
        qs = qs.filter(
            Q(organization__name_en__icontains=q)
            | Q(organization__name_fa__icontains=q)
            | Q(organization__acronym__icontains=q)
        )
    ordered: QuerySet[Membership] = qs.order_by(
        *MEMBERSHIP_SORTS.get(filters.get("sort") or "", ("organization__name_en", "pk"))
    )
    return ordered


def membership_for_detail(*, office: Office, pk: int) -> Membership:
    """One of the office's memberships with its roles and obligations; another office's
    id answers 404."""
    found: Membership = get_object_or_404(
        Membership.objects.for_office(office)
        .select_related("organization", "organization__headquarters", "focal_person", "office")
        .prefetch_related(
            Prefetch("roles", queryset=RoleHeld.objects.order_by("term_start", "pk")),
            Prefetch("obligations", queryset=Obligation.objects.order_by("due_on", "pk")),
        ),
        pk=pk,
    )
    return found


def membership_in(*, office: Office, organization: Organization) -> Membership | None:
    """The office's membership in the organisation, if any (never another office's)."""
    found: Membership | None = (
        Membership.objects.for_office(office)
        .select_related("focal_person")
        .filter(organization=organization)
        .first()
    )
    return found


def membership_history(m: Membership, limit: int = 50) -> list[Event]:
    return list(history_of(m)[:limit])


def focal_candidates(office: Office) -> QuerySet[Any]:
    """The people who may be a membership's focal person: the office's members."""
    return get_user_model().objects.filter(memberships__office=office).order_by("username")
