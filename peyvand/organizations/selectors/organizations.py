"""Reads of the organisations (world data), as one office sees them."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from peyvand.accounts.models import Office
from peyvand.places.models import Country
from peyvand.records.history import history_of
from peyvand.records.models import Event

from ..models import Membership, Organization, OrganizationKind

ORGANIZATION_SORTS = {
    "name": ("name_en", "pk"),
    "-name": ("-name_en", "-pk"),
    "acronym": ("acronym", "name_en", "pk"),
    "kind": ("kind", "name_en", "pk"),
    "-added": ("-created_at", "-pk"),
}


def organization_list(*, office: Office, filters: dict[str, Any]) -> QuerySet[Organization]:
    """The organisations, filtered (kind, q over names and acronym, country of the
    headquarters) and sorted; each says whether the office is a member (`is_ours`)."""
    qs = Organization.objects.select_related("headquarters", "headquarters__country").annotate(
        is_ours=Exists(Membership.objects.for_office(office).filter(organization=OuterRef("pk")))
    )
    kind = filters.get("kind") or ""
    if kind in OrganizationKind.values:
        qs = qs.filter(kind=kind)
    q = (filters.get("q") or "").strip()[:100]
    if q:
        qs = qs.filter(Q(name_en__icontains=q) | Q(name_fa__icontains=q) | Q(acronym__icontains=q))
    country = (filters.get("country") or "").strip().upper()[:3]
    if country:
        qs = qs.filter(headquarters__country__code=country)
    if filters.get("ours") == "1":
        qs = qs.filter(is_ours=True)
    return qs.order_by(*ORGANIZATION_SORTS.get(filters.get("sort") or "", ("name_en", "pk")))


def organization_for_detail(pk: int) -> Organization:
    return get_object_or_404(
        Organization.objects.select_related(
            "headquarters", "headquarters__country", "added_by_office", "added_by"
        ).prefetch_related("areas"),
        pk=pk,
    )


def organization_history(org: Organization, limit: int = 50) -> list[Event]:
    """The corrections of an organisation, newest first, each with its office and person."""
    return list(history_of(org).select_related("office", "actor")[:limit])


def headquarters_countries() -> QuerySet[Country]:
    """The countries that hold an organisation's headquarters (the list's filter)."""
    return Country.objects.filter(
        code__in=Organization.objects.filter(headquarters__isnull=False).values(
            "headquarters__country__code"
        )
    ).order_by("name_en")
