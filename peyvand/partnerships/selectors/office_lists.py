"""The office-wide lists of what the pacts do: every activity, commitment and outcome of
the office, filtered by a date range, a pact, a kind and (commitments) a state. The
dashboard's figures count these same lists (`dashboard.kpis`): a figure's link opens the
rows it counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Office

from ..models import Activity, Commitment, CommitmentStatus, Outcome, Partnership

OPEN = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)


class CommitmentState(models.TextChoices):
    """What the commitments list filters by, beside the stored status: overdue is derived
    from the due date and today, never stored."""

    OPEN = "open", _("Open")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


def commitment_state_filter(state: str, today: dt.date) -> Q:
    """The commitments in `state` on `today`, as a query: overdue is open (planned or in
    progress) with its due date passed (the due date itself is not overdue yet)."""
    if state == CommitmentState.OVERDUE:
        return Q(status__in=OPEN, due_on__lt=today)
    if state == CommitmentState.OPEN:
        return Q(status__in=OPEN)
    if state in (CommitmentState.DONE, CommitmentState.DROPPED):
        return Q(status=state)
    return Q()


def date_range(field: str, start: dt.date | None, end: dt.date | None) -> Q:
    """`field` within start..end (both days included; a missing bound is open)."""
    q = Q()
    if start is not None:
        q &= Q(**{f"{field}__gte": start})
    if end is not None:
        q &= Q(**{f"{field}__lte": end})
    return q


def _pacts() -> Prefetch[Any]:
    return Prefetch(
        "partnerships", queryset=Partnership.objects.select_related("partner_city").order_by("pk")
    )


def activity_list(*, office: Office, filters: dict[str, Any]) -> QuerySet[Activity]:
    """The office's activities, newest first: `start`/`end` (their date), `partnership`
    (a pact's id), `kind`."""
    qs = Activity.objects.for_office(office).filter(
        date_range("date", filters.get("start"), filters.get("end"))
    )
    if filters.get("partnership"):
        qs = qs.filter(partnerships__pk=filters["partnership"])
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    return qs.prefetch_related(_pacts()).order_by("-date", "-pk")


def commitment_list(
    *, office: Office, filters: dict[str, Any], today: dt.date
) -> QuerySet[Commitment]:
    """The office's commitments by due date: `start`/`end` (the due date), `partnership`,
    `state` (CommitmentState on `today`)."""
    qs = Commitment.objects.for_office(office).filter(
        date_range("due_on", filters.get("start"), filters.get("end")),
        commitment_state_filter(filters.get("state") or "", today),
    )
    if filters.get("partnership"):
        qs = qs.filter(partnership_id=filters["partnership"])
    return qs.select_related("partnership__partner_city", "department").order_by("due_on", "pk")


def outcome_list(*, office: Office, filters: dict[str, Any]) -> QuerySet[Outcome]:
    """The office's outcomes, by their activity's date, newest first: `start`/`end` (the
    activity's date), `partnership` (a pact of the activity), `kind`."""
    qs = Outcome.objects.for_office(office).filter(
        date_range("activity__date", filters.get("start"), filters.get("end"))
    )
    if filters.get("partnership"):
        qs = qs.filter(activity__partnerships__pk=filters["partnership"])
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    return qs.select_related("activity").order_by("-activity__date", "-pk")


def office_pacts(*, office: Office) -> QuerySet[Partnership]:
    """The pacts a list's filter offers (archived ones too: their records stay)."""
    return (
        Partnership.objects.for_office(office)
        .select_related("partner_city")
        .order_by("partner_city__name_en", "pk")
    )
