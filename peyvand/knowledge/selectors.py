"""Reads of practices: the list, the board by stage, one practice's page, the counts for
the dashboard, the practices made of a mission's observations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from peyvand.accounts.models import Office
from peyvand.missions.selectors.contacts import ListHas
from peyvand.partnerships.models import CooperationArea
from peyvand.places.models import City

from .models import Practice, PracticeDocument, Stage, StageSpan

SORTS = {
    "-updated": ("-updated_at", "-pk"),
    "title": ("title_en", "title_fa", "pk"),
    "stage": ("stage", "-updated_at", "pk"),
    "-since": ("-stage_since", "-pk"),
    "city": ("source_city__name_en", "-updated_at", "pk"),
}
DEFAULT_SORT = "-updated"
# The board's columns: the pipeline, then the rejected ones.
BOARD_COLUMNS = (
    Stage.IDEA,
    Stage.STUDIED,
    Stage.PROPOSED,
    Stage.PILOTING,
    Stage.ADOPTED,
    Stage.REJECTED,
)
PER_COLUMN = 12


def practice_list(*, office: Office, filters: dict[str, Any] | None = None) -> QuerySet[Practice]:
    """The office's practices: `stage`, `area`, `city`, `tag`, `start`/`end` (adopted
    within them, `adoptions_between`), `q`, `sort`."""
    filters = filters or {}
    qs: QuerySet[Practice] = Practice.objects.for_office(office).select_related(
        "source_city__country", "department"
    )
    if filters.get("stage"):
        qs = qs.filter(stage=filters["stage"])
    if filters.get("area"):
        qs = qs.filter(areas__code=filters["area"])
    if filters.get("city"):
        qs = qs.filter(source_city__code=filters["city"])
    if filters.get("tag"):
        tag = " ".join(str(filters["tag"]).split()).lower()
        qs = qs.filter(ListHas(F("tags"), tag))
    if filters.get("start") or filters.get("end"):
        adoptions = adoptions_between(
            office=office, start=filters.get("start"), end=filters.get("end")
        )
        qs = qs.filter(pk__in=adoptions.values("practice_id"))
    if filters.get("q"):
        q = filters["q"]
        qs = qs.filter(
            Q(title_fa__icontains=q)
            | Q(title_en__icontains=q)
            | Q(summary_fa__icontains=q)
            | Q(summary_en__icontains=q)
        )
    sort = SORTS.get(filters.get("sort") or DEFAULT_SORT, SORTS[DEFAULT_SORT])
    return qs.prefetch_related("areas").order_by(*sort)


def adoptions_between(
    *, office: Office, start: dt.date | None, end: dt.date | None
) -> QuerySet[StageSpan]:
    """The office's adoptions (stays in the adopted stage) that began within start..end
    (a missing bound is open): a practice adopted, then rejected, was still adopted then."""
    qs = StageSpan.objects.for_office(office).filter(stage=Stage.ADOPTED)
    if start is not None:
        qs = qs.filter(entered_on__gte=start)
    if end is not None:
        qs = qs.filter(entered_on__lte=end)
    return qs


def stage_counts(office: Office) -> dict[str, int]:
    """How many practices the office has at each stage (every stage named, 0 included)."""
    counts = dict.fromkeys(Stage.values, 0)
    rows = Practice.objects.for_office(office).values("stage").annotate(n=Count("pk"))
    for row in rows.order_by():
        counts[row["stage"]] = row["n"]
    return counts


def board(*, office: Office, per_column: int = PER_COLUMN) -> list[dict[str, Any]]:
    """Each stage with its count and the practices most recently moved there (bounded)."""
    counts = stage_counts(office)
    labels = dict(Stage.choices)
    return [
        {
            "stage": stage,
            "label": labels[stage],
            "count": counts[stage],
            "practices": list(
                Practice.objects.for_office(office)
                .filter(stage=stage)
                .select_related("source_city")
                .order_by("-stage_since", "-pk")[:per_column]
            ),
        }
        for stage in BOARD_COLUMNS
    ]


def practice_for_detail(*, office: Office, pk: int) -> Practice:
    qs = (
        Practice.objects.for_office(office)
        .select_related(
            "source_city__country",
            "department",
            "created_by",
            "observation__report__mission",
            "adoption_activity",
        )
        .prefetch_related(
            "areas",
            "partnerships__partner_city",
            "missions",
            "contacts",
            Prefetch("documents", queryset=PracticeDocument.objects.order_by("pk")),
            Prefetch("spans", queryset=StageSpan.objects.order_by("entered_on", "pk")),
        )
    )
    practice: Practice = get_object_or_404(qs, pk=pk)
    return practice


def time_in_stages(practice: Practice, today: dt.date | None = None) -> list[dict[str, Any]]:
    """The days spent in each stage the practice has been in (stays added up), in the
    pipeline's order, and its stays one by one."""
    today = today or timezone.localdate()
    totals: dict[str, int] = {}
    for span in practice.spans.all():
        totals[span.stage] = totals.get(span.stage, 0) + span.days(today)
    labels = dict(Stage.choices)
    return [
        {"stage": stage, "label": labels[stage], "days": totals[stage]}
        for stage in BOARD_COLUMNS
        if stage in totals
    ]


def practices_of_observations(
    *, office: Office, observation_ids: Iterable[int]
) -> dict[int, Practice]:
    """The practice made of each observation (by observation id), in one query."""
    rows = Practice.objects.for_office(office).filter(observation_id__in=list(observation_ids))
    return {p.observation_id: p for p in rows.only("pk", "title_fa", "title_en", "observation")}


def filter_choices(office: Office) -> dict[str, Any]:
    """What the list's filters offer: the areas and source cities its practices have."""
    mine = Practice.objects.for_office(office)
    return {
        "areas": CooperationArea.objects.filter(pk__in=mine.values("areas")).order_by(
            "order", "code"
        ),
        "cities": City.objects.filter(pk__in=mine.values("source_city"))
        .select_related("country")
        .order_by("name_en")[:200],
    }


def practices_by_source_city(office: Office, codes: Sequence[str]) -> dict[int, int]:
    """City pk -> how many of the office's practices in those areas come from that city
    (a rejected practice is no reason to partner; the goal-areas signal of discovery)."""
    rows = (
        Practice.objects.for_office(office)
        .filter(source_city__isnull=False, areas__code__in=codes)
        .exclude(stage=Stage.REJECTED)
        .values("source_city_id")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["source_city_id"]: row["n"] for row in rows}
