"""What the public portal shows: only what the office published, and only through here.

Every public page, count, map, feed, download, sitemap entry and public API answer reads
these functions, so the one rule of what is public lives in one place:

- a partnership: published and not archived;
- an activity: published, under at least one public partnership (and shown with those only);
- an outcome: published, of a public activity;
- a mission: published (its title, dates and public summary), shown on its public pacts;
- a practice: published and adopted;
- a pitch: published;
- an event: published and not over.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from peyvand.accounts.models import Office
from peyvand.knowledge.models import Practice, Stage
from peyvand.missions.models import Event, Mission
from peyvand.opportunities.models import Pitch
from peyvand.partnerships.models import Activity, Outcome, Partnership
from peyvand.partnerships.selectors import portal_shows_health

from .models import Feedback, FeedbackStatus, InboxMessage, MessageStatus, TargetKind


def portal_office(slug: str) -> Office:
    """The office whose portal the URL names (404 for none)."""
    return get_object_or_404(Office.objects.select_related("home_city__country"), slug=slug)


def office_version(slug: str) -> tuple[int, int] | None:
    """(id, data_version) of the office named, in one small query: what a kept public
    page is keyed on."""
    row = Office.objects.filter(slug=slug).values_list("pk", "data_version").first()
    return (int(row[0]), int(row[1])) if row else None


# ---------------------------------------------------------------- partnerships


def public_pacts(office: Office) -> QuerySet[Partnership]:
    return (
        Partnership.objects.for_office(office)
        .filter(published=True, archived=False)
        .select_related("partner_city__country")
        .order_by("partner_city__name_en", "pk")
    )


def public_pact(office: Office, pk: int) -> Partnership:
    return get_object_or_404(public_pacts(office).prefetch_related("areas"), pk=pk)


def shows_health(office: Office) -> bool:
    return portal_shows_health(office)


def _under_public_pact() -> Exists:
    through = Partnership.activities.through
    return Exists(
        through.objects.filter(
            activity_id=OuterRef("pk"),
            partnership__published=True,
            partnership__archived=False,
            partnership__deleted_at__isnull=True,
        )
    )


def public_activities(office: Office) -> QuerySet[Activity]:
    """Public activities, newest first, with their public outcomes and public pacts."""
    return (
        Activity.objects.for_office(office)
        .filter(published=True)
        .filter(_under_public_pact())
        .order_by("-date", "-pk")
        .prefetch_related(
            Prefetch("outcomes", queryset=Outcome.objects.filter(published=True).order_by("pk")),
            Prefetch(
                "partnerships",
                queryset=Partnership.objects.filter(published=True, archived=False)
                .select_related("partner_city")
                .order_by("pk"),
                to_attr="public_pacts",
            ),
        )
    )


def pact_activities(p: Partnership) -> QuerySet[Activity]:
    return public_activities(p.office).filter(partnerships=p)


def public_outcomes(office: Office) -> QuerySet[Outcome]:
    return (
        Outcome.objects.for_office(office)
        .filter(published=True, activity__published=True)
        .filter(Exists(_public_activity_ids(office).filter(pk=OuterRef("activity_id"))))
        .select_related("activity")
        .order_by("-activity__date", "pk")
    )


def _public_activity_ids(office: Office) -> QuerySet[Activity]:
    return Activity.objects.for_office(office).filter(published=True).filter(_under_public_pact())


def pact_outcome_totals(p: Partnership) -> list[dict[str, Any]]:
    """What a public pact delivered: its public outcomes counted by kind."""
    rows = (
        Outcome.objects.filter(
            office_id=p.office_id,
            published=True,
            activity__published=True,
            activity__partnerships=p,
        )
        .values("kind")
        .annotate(n=Count("pk", distinct=True))
        .order_by("kind")
    )
    return list(rows)


def pact_missions(p: Partnership) -> QuerySet[Mission]:
    return (
        Mission.objects.for_office(p.office)
        .filter(published=True, partnerships=p)
        .order_by("-start_date", "-pk")
    )


# ---------------------------------------------------------------- practices, pitches, events


def public_practices(office: Office) -> QuerySet[Practice]:
    return (
        Practice.objects.for_office(office)
        .filter(published=True, stage=Stage.ADOPTED)
        .select_related("source_city__country")
        .prefetch_related("areas")
        .order_by("-adopted_on", "-pk")
    )


def public_practice(office: Office, pk: int) -> Practice:
    return get_object_or_404(public_practices(office), pk=pk)


def public_pitches(office: Office) -> QuerySet[Pitch]:
    return (
        Pitch.objects.for_office(office)
        .filter(published=True)
        .select_related("area")
        .order_by("-updated_at", "-pk")
    )


def public_pitch(office: Office, pk: int) -> Pitch:
    return get_object_or_404(public_pitches(office), pk=pk)


def public_events(office: Office, today: dt.date) -> QuerySet[Event]:
    return (
        Event.objects.for_office(office)
        .filter(published=True, ends_on__gte=today)
        .select_related("host_city__country", "organizer_organization")
        .order_by("starts_on", "pk")
    )


def portal_counts(office: Office, today: dt.date) -> dict[str, int]:
    """How many public records of each kind (the portal home's figures)."""
    return {
        "partnerships": public_pacts(office).count(),
        "activities": _public_activity_ids(office).count(),
        "practices": public_practices(office).count(),
        "pitches": public_pitches(office).count(),
        "events": public_events(office, today).count(),
    }


def has_public_records(office: Office) -> bool:
    return (
        public_pacts(office).exists()
        or public_practices(office).exists()
        or public_pitches(office).exists()
    )


def offices_with_portal() -> QuerySet[Office]:
    """The offices with something public (the sitemap lists their portals)."""
    return Office.objects.filter(
        Exists(Partnership.objects.filter(office=OuterRef("pk"), published=True, archived=False))
        | Exists(
            Practice.objects.filter(office=OuterRef("pk"), published=True, stage=Stage.ADOPTED)
        )
        | Exists(Pitch.objects.filter(office=OuterRef("pk"), published=True))
    ).order_by("pk")


def all_public_pacts() -> QuerySet[Partnership]:
    return (
        Partnership.objects.filter(published=True, archived=False)
        .select_related("office")
        .order_by("pk")
    )


def all_public_practices() -> QuerySet[Practice]:
    return (
        Practice.objects.filter(published=True, stage=Stage.ADOPTED)
        .select_related("office")
        .order_by("pk")
    )


def all_public_pitches() -> QuerySet[Pitch]:
    return Pitch.objects.filter(published=True).select_related("office").order_by("pk")


# ---------------------------------------------------------------- feedback


def approved_feedback(kind: str, record: Any) -> QuerySet[Feedback]:
    """The approved comments on a public record, newest first (nothing else is shown)."""
    if kind not in TargetKind.values:
        raise ValueError(kind)
    return Feedback.objects.filter(
        office_id=record.office_id, status=FeedbackStatus.APPROVED, **{kind: record}
    ).order_by("-created_at", "-pk")


def rating_of(kind: str, record: Any) -> dict[str, Any]:
    """The average rating over approved comments only, and how many rated."""
    found = approved_feedback(kind, record).aggregate(
        average=Avg("rating"), n=Count("rating", filter=Q(rating__isnull=False))
    )
    average = found["average"]
    return {"average": round(float(average), 1) if average is not None else None, "n": found["n"]}


def moderation_queue(office: Office, status: str) -> QuerySet[Feedback]:
    return (
        Feedback.objects.for_office(office)
        .filter(status=status)
        .select_related("partnership__partner_city", "practice", "pitch", "moderated_by")
        .order_by("-created_at", "-pk")
    )


def queue_counts(office: Office) -> dict[str, int]:
    rows = (
        Feedback.objects.for_office(office)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by("status")
    )
    counts = {s: 0 for s in FeedbackStatus.values}
    counts.update({r["status"]: r["n"] for r in rows})
    return counts


def inbox(office: Office, status: str) -> QuerySet[InboxMessage]:
    return (
        InboxMessage.objects.for_office(office)
        .filter(status=status)
        .select_related("pitch", "handled_by")
        .order_by("-created_at", "-pk")
    )


def inbox_new_count(office: Office) -> int:
    return InboxMessage.objects.for_office(office).filter(status=MessageStatus.NEW).count()
