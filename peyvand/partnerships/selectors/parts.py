"""The parts of a pact: its activities, commitments, agreements, history."""

from __future__ import annotations

from django.db.models import QuerySet

from peyvand.records import history as records_history

from ..models import (
    Activity,
    Partnership,
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


def pacts_of_activity(activity: Activity) -> list[Partnership]:
    """The pacts an activity concerns, with their office (for the history and the score)."""
    return list(activity.partnerships.select_related("office").order_by("pk"))
