"""The parts of a pact: its activities, commitments, agreements, history."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet, Sum

from peyvand.records import history as records_history

from ..models import (
    Activity,
    Outcome,
    OutcomeKind,
    Partnership,
)


def activities_of(partnership: Partnership) -> QuerySet:
    return (
        partnership.activities.select_related("department", "created_by")
        .prefetch_related("areas", "outcomes", "partnerships__partner_city")
        .order_by("-date", "-pk")
    )


def activity_count(partnership: Partnership) -> int:
    """How many activities concern the pact: counted on the link table alone (its index),
    not on the join the timeline query makes."""
    return int(
        Activity.partnerships.through.objects.filter(
            partnership=partnership, activity__deleted_at__isnull=True
        ).count()
    )


def outcome_totals(partnership: Partnership) -> list[dict[str, Any]]:
    """What the pact's activities delivered: per outcome kind and unit, how many outcomes
    and the sum of their values (one aggregate query, however many activities)."""
    rows = (
        Outcome.objects.filter(activity__partnerships=partnership)
        .values("kind", "unit")
        .annotate(count=Count("pk"), total=Sum("value"))
        .order_by("kind", "unit")
    )
    return [{**row, "label": OutcomeKind(row["kind"]).label} for row in rows]


def commitments_of(partnership: Partnership) -> QuerySet:
    return partnership.commitments.select_related("area", "department").order_by("due_on", "pk")


def agreements_of(partnership: Partnership) -> QuerySet:
    return partnership.agreements.prefetch_related("files")


def history_of(partnership: Partnership, limit: int = 100) -> QuerySet:
    return records_history.history_of(partnership)[:limit]


def pacts_of_activity(activity: Activity) -> list[Partnership]:
    """The pacts an activity concerns, with their office (for the history and the score)."""
    return list(activity.partnerships.select_related("office").order_by("pk"))
