"""Reads of missions: the list, the board by status, one mission's page, a pact's
missions, the missions whose report is due."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from peyvand.accounts.models import Office
from peyvand.partnerships.models import Partnership

from ..models import Mission, MissionStatus, Participant

# Days after its end within which a completed mission's report is due.
REPORT_DUE_DAYS = 30

SORTS = {
    "-start": ("-start_date", "-pk"),
    "start": ("start_date", "pk"),
    "title": ("title_en", "title_fa", "pk"),
    "status": ("status", "-start_date", "pk"),
}
DEFAULT_SORT = "-start"
# The board's columns, in the workflow's order.
BOARD_COLUMNS = (
    MissionStatus.DRAFT,
    MissionStatus.SUBMITTED,
    MissionStatus.APPROVED,
    MissionStatus.COMPLETED,
    MissionStatus.REPORTED,
    MissionStatus.REJECTED,
    MissionStatus.CANCELLED,
)


def mission_list(*, office: Office, filters: dict[str, Any] | None = None) -> QuerySet[Mission]:
    """The office's missions: `status`, `direction`, `event`, `partnership`, `year` (of
    the start, Gregorian), `start`/`end` (the start date within them), `q`, `sort`."""
    filters = filters or {}
    qs: QuerySet[Mission] = Mission.objects.for_office(office).select_related("event")
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("direction"):
        qs = qs.filter(direction=filters["direction"])
    if filters.get("event"):
        qs = qs.filter(event_id=filters["event"])
    if filters.get("partnership"):
        qs = qs.filter(partnerships__pk=filters["partnership"])
    if filters.get("year"):
        qs = qs.filter(start_date__year=filters["year"])
    if filters.get("start"):
        qs = qs.filter(start_date__gte=filters["start"])
    if filters.get("end"):
        qs = qs.filter(start_date__lte=filters["end"])
    if filters.get("q"):
        q = filters["q"]
        qs = qs.filter(
            Q(title_fa__icontains=q) | Q(title_en__icontains=q) | Q(purpose__icontains=q)
        )
    qs = qs.annotate(n_partnerships=Count("partnerships", distinct=True))
    sort = SORTS.get(filters.get("sort") or DEFAULT_SORT, SORTS[DEFAULT_SORT])
    return qs.order_by(*sort)


def status_counts(*, office: Office) -> dict[str, int]:
    counts = dict.fromkeys(MissionStatus.values, 0)
    for row in Mission.objects.for_office(office).values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


def board(*, office: Office, per_column: int = 12) -> list[dict[str, Any]]:
    """Each status with its count and its most recent missions (bounded)."""
    counts = status_counts(office=office)
    labels = dict(MissionStatus.choices)
    return [
        {
            "status": status,
            "label": labels[status],
            "count": counts[status],
            "missions": list(
                Mission.objects.for_office(office)
                .filter(status=status)
                .select_related("event")
                .order_by("-start_date", "-pk")[:per_column]
            ),
        }
        for status in BOARD_COLUMNS
    ]


def mission_for_detail(*, office: Office, pk: int) -> Mission:
    qs = (
        Mission.objects.for_office(office)
        .select_related("event", "created_by", "report", "report__filed_by")
        .prefetch_related(
            "cities__country",
            "partnerships__partner_city",
            "objectives",
            "documents",
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("user", "contact", "department"),
            ),
            "activity_links__activity",
            "activity_links__partnership__partner_city",
        )
    )
    mission: Mission = get_object_or_404(qs, pk=pk)
    return mission


def report_parts(mission: Mission) -> dict[str, Any]:
    """The practices and follow-ups of a filed report (or nothing)."""
    report = getattr(mission, "report", None) if hasattr(mission, "report") else None
    if report is None:
        return {"practices": [], "follow_ups": []}
    return {
        "practices": list(report.practices.all()),
        "follow_ups": list(
            report.follow_ups.select_related(
                "commitment", "commitment__partnership__partner_city", "commitment__department"
            )
        ),
    }


def missions_of_partnership(
    *, office: Office, partnership: Partnership, limit: int = 8
) -> dict[str, Any]:
    qs = Mission.objects.for_office(office).filter(partnerships=partnership)
    return {
        "missions": list(qs.order_by("-start_date", "-pk")[:limit]),
        "count": qs.count(),
    }


def reports_due(*, office: Office) -> QuerySet[Mission]:
    """Completed missions (ended, report not filed yet)."""
    return Mission.objects.for_office(office).filter(status=MissionStatus.COMPLETED)


def report_due_on(mission: Mission) -> dt.date:
    return mission.end_date + dt.timedelta(days=REPORT_DUE_DAYS)
