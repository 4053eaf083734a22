"""Reads of the opportunities app: the lists with their filters, one record's page, the
deadline alerts. Always through `.for_office(office)`; selectors never write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from peyvand.accounts.models import Office
from peyvand.core.i18n import bilingual

from .models import (
    Application,
    ApplicationStatus,
    FundingCall,
    InterestedParty,
    PartyFollowUp,
    Pitch,
    PitchStatus,
)

# Days before a call's deadline from which an application still in preparation is flagged.
DEADLINE_HORIZON_DAYS = 21

PITCH_SORTS = {
    "-updated": ("-updated_at", "-pk"),
    "title": ("title_en", "title_fa", "pk"),
    "-financing": ("-financing_sought", "-pk"),
    "status": ("status", "-updated_at", "-pk"),
    "stage": ("stage", "-updated_at", "-pk"),
}
PITCH_DEFAULT_SORT = "-updated"
APPLICATION_SORTS = {
    "-updated": ("-updated_at", "-pk"),
    "deadline": ("call__deadline", "pk"),
    "status": ("status", "-updated_at", "-pk"),
}
APPLICATION_DEFAULT_SORT = "-updated"
# The statuses of an application whose funding was granted (accepted, and what follows).
GRANTED = (
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.IMPLEMENTATION,
    ApplicationStatus.COMPLETED,
)


# ---------------------------------------------------------------- pitches


def pitch_list(*, office: Office, filters: dict[str, Any] | None = None) -> QuerySet[Pitch]:
    filters = filters or {}
    qs: QuerySet[Pitch] = Pitch.objects.for_office(office).select_related("area")
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("instrument"):
        qs = qs.filter(instrument=filters["instrument"])
    if filters.get("area"):
        qs = qs.filter(area__code=filters["area"])
    if filters.get("q"):
        q = filters["q"]
        qs = qs.filter(
            Q(title_fa__icontains=q) | Q(title_en__icontains=q) | Q(location__icontains=q)
        )
    qs = qs.annotate(n_parties=Count("parties", distinct=True))
    sort = PITCH_SORTS.get(
        filters.get("sort") or PITCH_DEFAULT_SORT, PITCH_SORTS[PITCH_DEFAULT_SORT]
    )
    return qs.order_by(*sort)


def pitch_status_counts(*, office: Office) -> dict[str, int]:
    counts = dict.fromkeys(PitchStatus.values, 0)
    for row in Pitch.objects.for_office(office).values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return counts


def pitch_for_detail(*, office: Office, pk: int) -> Pitch:
    parties = InterestedParty.objects.select_related(
        "contact", "organization", "city__country"
    ).prefetch_related(
        Prefetch("follow_ups", queryset=PartyFollowUp.objects.order_by("done", "date", "pk"))
    )
    qs = (
        Pitch.objects.for_office(office)
        .select_related("area", "created_by")
        .prefetch_related(
            Prefetch("parties", queryset=parties),
            "documents",
            Prefetch("applications", queryset=Application.objects.select_related("call")),
        )
    )
    found: Pitch = get_object_or_404(qs, pk=pk)
    return found


def party_for_office(*, office: Office, pk: int) -> InterestedParty:
    found: InterestedParty = get_object_or_404(
        InterestedParty.objects.for_office(office).select_related(
            "pitch", "contact", "organization", "city"
        ),
        pk=pk,
    )
    return found


# ---------------------------------------------------------------- calls


def call_list(
    *, office: Office, today: dt.date, filters: dict[str, Any] | None = None
) -> QuerySet[FundingCall]:
    """Upcoming deadlines first (soonest first), then the passed ones (latest first)."""
    filters = filters or {}
    qs: QuerySet[FundingCall] = FundingCall.objects.for_office(office).select_related("funder")
    if filters.get("area"):
        qs = qs.filter(areas__code=filters["area"])
    if filters.get("funder"):
        qs = qs.filter(funder_id=filters["funder"])
    if filters.get("q"):
        q = filters["q"]
        qs = qs.filter(Q(title_fa__icontains=q) | Q(title_en__icontains=q))
    if filters.get("open"):
        qs = qs.filter(deadline__gte=today)
    passed = Case(
        When(deadline__lt=today, then=Value(1)), default=Value(0), output_field=IntegerField()
    )
    soonest = Case(When(deadline__gte=today, then="deadline"), default=Value(None))
    return (
        qs.annotate(
            passed=passed,
            n_applications=Count("applications", distinct=True),
        )
        .order_by("passed", soonest.asc(nulls_last=True), "-deadline", "pk")
        .prefetch_related("areas")
    )


def call_for_detail(*, office: Office, pk: int) -> FundingCall:
    qs = (
        FundingCall.objects.for_office(office)
        .select_related("funder", "created_by")
        .prefetch_related(
            "areas", Prefetch("applications", queryset=Application.objects.select_related("pitch"))
        )
    )
    found: FundingCall = get_object_or_404(qs, pk=pk)
    return found


# ---------------------------------------------------------------- applications


def application_list(
    *, office: Office, filters: dict[str, Any] | None = None
) -> QuerySet[Application]:
    """The office's applications: `status`, `call`, `pitch`, `granted` (accepted or
    after: GRANTED), `start`/`end` (the call's deadline within them), `sort`."""
    filters = filters or {}
    qs: QuerySet[Application] = Application.objects.for_office(office).select_related(
        "call", "call__funder", "pitch"
    )
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("call"):
        qs = qs.filter(call_id=filters["call"])
    if filters.get("pitch"):
        qs = qs.filter(pitch_id=filters["pitch"])
    if filters.get("granted"):
        qs = qs.filter(status__in=GRANTED)
    if filters.get("start"):
        qs = qs.filter(call__deadline__gte=filters["start"])
    if filters.get("end"):
        qs = qs.filter(call__deadline__lte=filters["end"])
    sort = APPLICATION_SORTS.get(
        filters.get("sort") or APPLICATION_DEFAULT_SORT, APPLICATION_SORTS[APPLICATION_DEFAULT_SORT]
    )
    return qs.order_by(*sort)


def application_status_counts(*, office: Office) -> dict[str, int]:
    counts = dict.fromkeys(ApplicationStatus.values, 0)
    rows = Application.objects.for_office(office).values("status").annotate(n=Count("pk"))
    for row in rows.order_by():
        counts[row["status"]] = row["n"]
    return counts


def application_for_detail(*, office: Office, pk: int) -> Application:
    qs = (
        Application.objects.for_office(office)
        .select_related("call", "call__funder", "pitch", "created_by")
        .prefetch_related("partner_cities__country", "partner_organizations")
    )
    found: Application = get_object_or_404(qs, pk=pk)
    return found


# ---------------------------------------------------------------- alerts


@dataclass(frozen=True)
class DeadlineAlert:
    application_id: int
    deadline: dt.date
    overdue: bool
    call_title_fa: str
    call_title_en: str

    @property
    def call_title(self) -> str:
        return bilingual(self, "call_title")


def deadline_alerts(*, office: Office, today: dt.date) -> list[DeadlineAlert]:
    """Applications still in preparation whose call's deadline falls within
    DEADLINE_HORIZON_DAYS days (or has passed), in one query."""
    rows = (
        Application.objects.for_office(office)
        .filter(
            status=ApplicationStatus.PREPARATION,
            call__deadline__lte=today + dt.timedelta(days=DEADLINE_HORIZON_DAYS),
        )
        .values_list("pk", "call__deadline", "call__title_fa", "call__title_en")
        .order_by("call__deadline", "pk")
    )
    return [
        DeadlineAlert(pk, deadline, deadline < today, title_fa, title_en)
        for pk, deadline, title_fa, title_en in rows
    ]
