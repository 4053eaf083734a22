"""The registry: the list with its filters and counts, one pact, who and where."""

from __future__ import annotations

import importlib
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from peyvand.accounts.models import Office
from peyvand.places.models import City

from ..models import (
    Activity,
    HealthLabel,
    Partnership,
    PartnershipStatus,
)

SORTS = {
    "score": ("health_score", "pk"),
    "-score": ("-health_score", "pk"),
    "city": ("partner_city__name_en", "pk"),
    "-city": ("-partner_city__name_en", "pk"),
    "signed": ("signed_on", "pk"),
    "-signed": ("-signed_on", "pk"),
    "status": ("status", "pk"),
}
DEFAULT_SORT = "-score"


def partnership_list(*, office: Office, filters: dict[str, Any] | None = None) -> QuerySet:
    """The office's registry, filtered and sorted by the stored score (never computed here)."""
    filters = filters or {}
    qs = Partnership.objects.for_office(office).select_related(
        "partner_city", "partner_city__country", "responsible"
    )
    qs = qs.filter(archived=bool(filters.get("archived")))
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("label"):
        qs = qs.filter(health_label=filters["label"])
    if filters.get("paper_only"):
        qs = qs.filter(paper_only=True)
    if filters.get("area"):
        qs = qs.filter(areas__code=filters["area"])
    if filters.get("country"):
        qs = qs.filter(partner_city__country__code=filters["country"])
    if filters.get("responsible"):
        qs = qs.filter(responsible_id=filters["responsible"])
    if filters.get("q"):
        q = filters["q"]
        qs = qs.filter(
            Q(partner_city__name_en__icontains=q)
            | Q(partner_city__name_fa__icontains=q)
            | Q(partner_city__search_text__icontains=q)
        )
    sort = SORTS.get(filters.get("sort") or DEFAULT_SORT, SORTS[DEFAULT_SORT])
    if sort[0].lstrip("-") == "health_score":
        field = F("health_score")
        ordering = (
            field.desc(nulls_last=True) if sort[0].startswith("-") else field.asc(nulls_last=True)
        )
        return qs.distinct().order_by(ordering, "pk")
    return qs.distinct().order_by(*sort)


def label_counts(*, office: Office) -> dict[str, int]:
    rows = (
        Partnership.objects.for_office(office)
        .filter(archived=False)
        .exclude(status=PartnershipStatus.ENDED)
        .values("health_label")
        .annotate(n=Count("pk"))
    )
    counts = {label: 0 for label in HealthLabel.values}
    for row in rows:
        if row["health_label"] in counts:
            counts[row["health_label"]] = row["n"]
    counts["paper_only"] = (
        Partnership.objects.for_office(office)
        .filter(archived=False, paper_only=True)
        .exclude(status=PartnershipStatus.ENDED)
        .count()
    )
    return counts


def partnership_for_detail(*, office: Office, pk: int) -> Partnership:
    """Another office's pact answers 404, as with get_for_office."""
    return get_object_or_404(
        Partnership.objects.for_office(office).select_related(
            "partner_city", "partner_city__country", "responsible", "office", "office__home_city"
        ),
        pk=pk,
    )


def partner_countries(*, office: Office) -> list[Any]:
    """The countries of the office's partners, for the list filter, in the alphabetical
    order of the reader's language."""
    from peyvand.places.models import Country
    from peyvand.places.selectors import countries_by_name

    return countries_by_name(
        Country.objects.filter(
            cities__pk__in=Partnership.objects.for_office(office).values("partner_city_id")
        ).distinct()
    )


def responsible_officers(*, office: Office) -> list[Any]:
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(memberships__office=office, memberships__role__in=["director", "officer"])
        .order_by("username")
    )


def city_search(query: str, limit: int = 10) -> list[City]:
    """Cities for the partner chooser (the atlas's search when it exists)."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    # The atlas's indexed search when it exists; a plain query otherwise (or when the
    # search keys of a city were not built, as with hand-made test cities).
    found: list[City] = []
    for module_name in ("peyvand.places.search", "peyvand.places.selectors"):
        try:
            search = getattr(importlib.import_module(module_name), "city_search", None)
        except ImportError:
            search = None
        if search is not None:
            found = list(search(query, limit=limit))
            break
    if found:
        return found
    from peyvand.core.text import search_key

    key = search_key(query)
    return list(
        City.objects.filter(
            Q(name_en__icontains=query)
            | Q(name_fa__icontains=query)
            | Q(search_text__icontains=key)
        )
        .select_related("country")
        .order_by("-degree", "name_en")[:limit]
    )


def office_activities(*, office: Office) -> QuerySet:
    return Activity.objects.for_office(office).prefetch_related(
        Prefetch("partnerships", queryset=Partnership.objects.select_related("partner_city"))
    )
