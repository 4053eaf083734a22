"""Reads for partnerships: lists, alerts, the public links of the home city, the trend."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Max, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from peyvand.accounts.models import Office
from peyvand.network.atlas.selectors import source_label
from peyvand.network.models import Twinning
from peyvand.places.models import City
from peyvand.records import history as records_history

from . import health as hs
from .models import (
    Activity,
    Agreement,
    Commitment,
    CommitmentStatus,
    HealthLabel,
    HealthSettings,
    NotOurs,
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


def activities_of(partnership: Partnership) -> QuerySet:
    return (
        partnership.activities.select_related("department", "created_by")
        .prefetch_related("areas", "outcomes", "partnerships__partner_city")
        .order_by("-date", "-pk")
    )


def commitments_of(partnership: Partnership) -> QuerySet:
    return partnership.commitments.select_related("area", "department").order_by("due_on", "pk")


def agreements_of(partnership: Partnership) -> QuerySet:
    return partnership.agreements.prefetch_related("files")


def history_of(partnership: Partnership, limit: int = 100) -> QuerySet:
    return records_history.history_of(partnership)[:limit]


def health_trend(
    *, partnership: Partnership, today: dt.date | None = None
) -> list[tuple[dt.date, int]]:
    """The score at the end of each of the last 24 months (computed, never typed in)."""
    today = today or timezone.localdate()
    activities, commitments = health_facts([partnership.pk])[partnership.pk]
    return hs.trend(
        activities=activities,
        commitments=commitments,
        signed_on=partnership.signed_on,
        as_of=today,
        weights=health_weights(partnership.office),
    )


# ---------------------------------------------------------------- public links of the city


@dataclass
class HomeLink:
    twinning: Twinning
    partner: City
    partnership: Partnership | None
    not_ours: NotOurs | None

    @property
    def source_labels(self) -> list[str]:
        """The sources that state the link, named in the reader's language."""
        return [source_label(s) for s in self.twinning.sources.split(";") if s]


def home_city_links(*, office: Office, include_not_ours: bool = False) -> list[HomeLink]:
    """The public twinnings of the office's city beside its registry."""
    home = office.home_city_id
    if home is None:
        return []
    twinnings = Twinning.objects.filter(Q(city_a_id=home) | Q(city_b_id=home)).select_related(
        "city_a", "city_a__country", "city_b", "city_b__country"
    )
    pacts = {
        p.partner_city_id: p
        for p in Partnership.objects.for_office(office).only(
            "pk", "partner_city_id", "status", "archived", "office_id"
        )
    }
    marks = {n.partner_city_id: n for n in NotOurs.objects.for_office(office)}
    links = []
    for t in twinnings:
        partner = t.city_b if t.city_a_id == home else t.city_a
        mark = marks.get(partner.pk)
        if mark is not None and not include_not_ours:
            continue
        links.append(HomeLink(t, partner, pacts.get(partner.pk), mark))
    links.sort(key=lambda link: (link.partnership is not None, link.partner.name_en))
    return links


# ---------------------------------------------------------------- alerts


@dataclass
class Alert:
    kind: str  # turning_dormant / pact_expiring / agreement_expiring / overdue / anniversary
    day: dt.date
    partnership: Partnership
    subject: str = ""
    years: int = 0


def alerts(*, office: Office, today: dt.date | None = None) -> list[Alert]:
    """What needs attention: sorted by the day it concerns."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=90)
    live = list(
        Partnership.objects.for_office(office)
        .filter(archived=False)
        .exclude(status__in=[PartnershipStatus.ENDED])
        .select_related("partner_city", "office")
    )
    by_id = {p.pk: p for p in live}
    out: list[Alert] = []
    weights = health_weights(office)
    facts = health_facts(by_id)
    for p in live:
        activities, commitments = facts[p.pk]
        if p.status in (PartnershipStatus.ACTIVE, PartnershipStatus.SUSPENDED):
            day = hs.project_dormancy(
                activities=activities,
                commitments=commitments,
                signed_on=p.signed_on,
                as_of=today,
                weights=weights,
            )
            if day is not None:
                out.append(Alert("turning_dormant", day, p))
        if p.valid_until and today <= p.valid_until <= horizon:
            out.append(Alert("pact_expiring", p.valid_until, p))
        if p.signed_on and p.status == PartnershipStatus.ACTIVE:
            for year in (today.year, today.year + 1):
                try:
                    anniversary = p.signed_on.replace(year=year)
                except ValueError:  # 29 February
                    anniversary = dt.date(year, 3, 1)
                if today <= anniversary <= today + dt.timedelta(days=30) and year > (
                    p.signed_on.year
                ):
                    out.append(Alert("anniversary", anniversary, p, years=year - p.signed_on.year))
    for agreement in Agreement.objects.filter(
        partnership_id__in=by_id, valid_until__gte=today, valid_until__lte=horizon
    ):
        assert agreement.valid_until is not None
        out.append(
            Alert(
                "agreement_expiring",
                agreement.valid_until,
                by_id[agreement.partnership_id],
                agreement.title,
            )
        )
    for c in Commitment.objects.filter(
        partnership_id__in=by_id,
        due_on__lt=today,
        status__in=[CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS],
    ):
        out.append(Alert("overdue", c.due_on, by_id[c.partnership_id], c.title))
    out.sort(key=lambda a: (a.day, a.kind, a.partnership.pk))
    return out


# ---------------------------------------------------------------- for other apps


def signed_partner_edges(office: Office) -> list[tuple[int, int]]:
    """(home city, partner city) of the office's signed pacts, for the network app."""
    if office is None or office.home_city_id is None:
        return []
    home = office.home_city_id
    partners = (
        Partnership.objects.for_office(office)
        .filter(archived=False)
        .filter(
            Q(status__in=[PartnershipStatus.ACTIVE, PartnershipStatus.SUSPENDED])
            | Q(signed_on__isnull=False)
        )
        .values_list("partner_city_id", flat=True)
        .distinct()
    )
    return [(home, pid) for pid in partners if pid != home]


def office_pacts_version(office: Office) -> str:
    """Changes whenever a pact of the office changes (for cache keys)."""
    row = Partnership.objects.for_office(office).aggregate(m=Max("updated_at"), n=Count("pk"))
    stamp = row["m"].isoformat() if row["m"] else "0"
    return f"{row['n']}-{stamp}-{office.home_city_id or 0}"


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


def partner_countries(*, office: Office) -> list[Any]:
    """The countries of the office's partners, for the list filter."""
    from peyvand.places.models import Country

    return list(
        Country.objects.filter(
            cities__pk__in=Partnership.objects.for_office(office).values("partner_city_id")
        )
        .distinct()
        .order_by("name_en")
    )


def responsible_officers(*, office: Office) -> list[Any]:
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(memberships__office=office, memberships__role__in=["director", "officer"])
        .order_by("username")
    )


def health_weights(office: Office) -> hs.Weights:
    row = HealthSettings.objects.for_office(office).first()
    if row is None:
        return hs.DEFAULT_WEIGHTS
    return hs.Weights(
        recency=row.w_recency,
        frequency=row.w_frequency,
        delivery=row.w_delivery,
        reciprocity=row.w_reciprocity,
        breadth=row.w_breadth,
        outcomes=row.w_outcomes,
    )


def health_facts(
    partnership_ids: Iterable[int],
) -> dict[int, tuple[list[hs.ActivityFact], list[hs.CommitmentFact]]]:
    """Plain facts for the pure health function, for many pacts in a few queries."""
    ids = list(partnership_ids)
    facts: dict[int, tuple[list[hs.ActivityFact], list[hs.CommitmentFact]]] = {
        pid: ([], []) for pid in ids
    }
    if not ids:
        return facts
    through = Activity.partnerships.through
    links = list(
        through.objects.filter(partnership_id__in=ids).values_list("activity_id", "partnership_id")
    )
    activity_ids = {a for a, _p in links}
    rows = {
        row["pk"]: row
        for row in Activity.objects.filter(pk__in=activity_ids)
        .annotate(n_outcomes=Count("outcomes", distinct=True))
        .values("pk", "date", "kind", "initiated_by", "n_outcomes")
    }
    area_map: dict[int, set[int]] = {}
    for activity_id, area_id in Activity.areas.through.objects.filter(
        activity_id__in=activity_ids
    ).values_list("activity_id", "cooperationarea_id"):
        area_map.setdefault(activity_id, set()).add(area_id)
    built: dict[int, hs.ActivityFact] = {
        pk: hs.ActivityFact(
            date=row["date"],
            kind=row["kind"],
            initiated_by=row["initiated_by"],
            areas=frozenset(area_map.get(pk, ())),
            outcomes=row["n_outcomes"],
        )
        for pk, row in rows.items()
    }
    for activity_id, pid in links:
        facts[pid][0].append(built[activity_id])
    for row in Commitment.objects.filter(partnership_id__in=ids).values(
        "partnership_id", "due_on", "status", "done_on"
    ):
        facts[row["partnership_id"]][1].append(
            hs.CommitmentFact(due_on=row["due_on"], status=row["status"], done_on=row["done_on"])
        )
    return facts


def pacts_of_activity(activity: Activity) -> list[Partnership]:
    """The pacts an activity concerns, with their office (for the history and the score)."""
    return list(activity.partnerships.select_related("office").order_by("pk"))
