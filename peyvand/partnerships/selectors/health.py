"""What the health score reads: the facts of many pacts, the weights, the trend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Count

from peyvand.accounts.models import Office

from .. import health as hs
from ..models import (
    Activity,
    Commitment,
    HealthSettings,
    Partnership,
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


def portal_shows_health(office: Office) -> bool:
    """Whether the office chose to show health labels on its public portal."""
    return bool(HealthSettings.objects.for_office(office).filter(portal_health=True).exists())


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
    # The activities by a subquery, not a list of their ids: a busy office has more
    # activities than a database takes parameters in one statement.
    of_these = through.objects.filter(partnership_id__in=ids).values("activity_id")
    rows = {
        row["pk"]: row
        for row in Activity.objects.filter(pk__in=of_these)
        .annotate(n_outcomes=Count("outcomes", distinct=True))
        .values("pk", "date", "kind", "initiated_by", "n_outcomes")
    }
    area_map: dict[int, set[int]] = {}
    for activity_id, area_id in Activity.areas.through.objects.filter(
        activity_id__in=of_these
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
        if activity_id in built:  # an activity in the bin counts for no pact
            facts[pid][0].append(built[activity_id])
    for row in Commitment.objects.filter(partnership_id__in=ids).values(
        "partnership_id", "due_on", "status", "done_on"
    ):
        facts[row["partnership_id"]][1].append(
            hs.CommitmentFact(due_on=row["due_on"], status=row["status"], done_on=row["done_on"])
        )
    return facts


def health_trend(*, partnership: Partnership) -> list[tuple[dt.date, int]]:
    """The score at the end of each of the last 24 months, as stored with the score
    (services.health_refresh computes it; never typed in)."""
    return [(dt.date.fromisoformat(day), score) for day, score in partnership.health_trend]
