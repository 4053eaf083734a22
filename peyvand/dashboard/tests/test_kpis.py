"""Each KPI of the dashboard equals a count made here independently with plain ORM filters,
on records inside and outside the year (in both calendars) and in another office."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Sum

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.core.dates import GREGORIAN, JALALI, YearSpan, language_year, year_span
from peyvand.dashboard.kpis import Pair, compute_kpis, office_kpis
from peyvand.knowledge.models import Practice, StageSpan
from peyvand.missions import services as missions
from peyvand.missions.models import Mission, MissionStatus
from peyvand.opportunities.models import Application, FundingCall, Pitch
from peyvand.organizations.models import Membership, Organization
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Activity,
    Commitment,
    HealthLabel,
    Outcome,
    OutcomeKind,
    Partnership,
)
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.places.tests.factories import make_city
from peyvand.records.models import Event

TODAY = dt.date(2025, 9, 1)  # 1404/06/10
CUR = dt.date(2025, 5, 1)  # Jalali 1404, Gregorian 2025
CUR_LATE = dt.date(2026, 1, 10)  # Jalali 1404, Gregorian 2026
PREV = dt.date(2024, 6, 1)  # Jalali 1403, Gregorian 2024
BOUNDARY = dt.date(2025, 2, 1)  # Jalali 1403, Gregorian 2025: the calendars disagree
OLD = dt.date(2023, 1, 1)  # in neither year
FUTURE = dt.date(2026, 6, 1)  # in neither year
DAYS = (CUR, CUR_LATE, PREV, BOUNDARY, OLD, FUTURE)
OPEN = ("planned", "in_progress")


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def build(office: Office, tag: str) -> dict[str, Any]:
    """Records of every module, on either side of the years' bounds."""
    pacts = []
    for i, (label, trend, signed) in enumerate(
        (
            ("active", [["2025-02-28", 20], ["2025-08-31", 70]], dt.date(2020, 1, 1)),
            ("weakening", [["2024-12-31", 65], ["2025-08-31", 40]], dt.date(2019, 1, 1)),
            ("dormant", [["2025-08-31", 5]], dt.date(2025, 6, 1)),  # signed this year
            ("active", [["2025-02-28", 90]], dt.date(2018, 1, 1)),  # archived below
        )
    ):
        city = make_city(f"{tag} city {i}", country="DE", lat=50.0 + i, lon=8.0 + i)
        p = make_partnership(office, partner_city=city)
        pacts.append((p, label, trend, signed))
    first, second = pacts[0][0], pacts[1][0]
    # Activities (one of two pacts), their outcomes, commitments.
    for day in DAYS:
        a = services.activity_log(
            office=office,
            actor=SYSTEM,
            partnerships=[first, second] if day == CUR else [first],
            date=day,
            kind="event",
            title=f"Meeting {day}",
        )
        services.outcome_add(activity=a, actor=SYSTEM, kind="people", value=2, unit="people")
        if day in (PREV, BOUNDARY):
            services.outcome_add(activity=a, actor=SYSTEM, kind="investment", value=5, unit="EUR")
        for status, done in (("planned", None), ("done", day), ("in_progress", None)):
            c = services.commitment_create(
                partnership=first, actor=SYSTEM, title=f"Study {day} {status}", due_on=day
            )
            Commitment.objects.filter(pk=c.pk).update(status=status, done_on=done)
    # Missions by status, with their spend.
    for day, status, spend, currency in (
        (CUR, "completed", Decimal("100.50"), "EUR"),
        (CUR, "draft", None, ""),
        (CUR_LATE, "approved", Decimal(40), "EUR"),
        (PREV, "reported", Decimal(50), "EUR"),
        (BOUNDARY, "completed", Decimal(30), "USD"),
        (OLD, "completed", Decimal(999), "EUR"),
    ):
        m = missions.mission_create(
            office=office,
            actor=SYSTEM,
            title_en=f"Trip {day}",
            start_date=day,
            end_date=day + dt.timedelta(days=2),
            budget_actual=spend,
            budget_currency=currency,
        )
        Mission.objects.filter(pk=m.pk).update(status=status)
    # Memberships and fees.
    orgs = list(Organization.objects.order_by("pk")[:5])
    for org, status, since, due, paid in (
        (orgs[0], "member", dt.date(2010, 1, 1), CUR_LATE, None),  # due this year
        (orgs[1], "member", CUR, CUR, None),  # joined this year; overdue
        (orgs[2], "left", dt.date(2010, 1, 1), PREV, None),  # overdue last year
        (orgs[3], "member", None, PREV, PREV),  # paid
        (orgs[4], "member", dt.date(2012, 1, 1), BOUNDARY, None),
    ):
        Membership.objects.create(
            office=office,
            organization=org,
            status=status,
            since=since,
            fee_due_on=due,
            fee_paid_on=paid,
            annual_fee=Decimal(100),
        )
    # Practices: adoptions (stays in the adopted stage).
    for title, stays in (
        ("adopted now", [CUR]),
        ("adopted then rejected", [PREV]),
        ("adopted twice this year", [CUR, CUR_LATE]),
        ("adopted at the boundary", [BOUNDARY]),
        ("studied", []),
    ):
        practice = Practice.objects.create(office=office, title_en=f"{tag} {title}")
        for day in stays:
            StageSpan.objects.create(
                office=office, practice=practice, stage="adopted", entered_on=day, left_on=None
            )
    # Pitches, with their history of statuses.
    pitch_type = ContentType.objects.get_for_model(Pitch)
    for status, history in (
        ("in_talks", [(OLD, "draft"), (PREV, "in_talks")]),  # in talks then and now
        ("in_talks", [(CUR, "draft"), (CUR_LATE - dt.timedelta(days=200), "in_talks")]),
        ("offered", [(OLD, "draft"), (PREV, "in_talks"), (CUR, "offered")]),
        ("financed", [(OLD, "in_talks"), (PREV, "financed")]),
    ):
        pitch = Pitch.objects.create(office=office, title_en=f"{tag} pitch", status=status)
        for day, to in history:
            event = Event.objects.create(
                office=office,
                target_type=pitch_type,
                target_id=pitch.pk,
                action="status",
                changes={"status": ["x", to], "title_en": ["", "y"]},
            )
            Event.objects.filter(pk=event.pk).update(created_at=_at(day))
    # Funding calls and applications.
    for day, status, granted, currency in (
        (CUR, "accepted", Decimal(1000), "EUR"),
        (CUR, "preparation", None, "EUR"),
        (CUR_LATE, "implementation", Decimal(7), "IRR"),
        (PREV, "completed", Decimal(500), "EUR"),
        (BOUNDARY, "rejected", None, "USD"),
        (BOUNDARY, "implementation", Decimal(200), "USD"),
        (OLD, "completed", Decimal(3), "EUR"),
    ):
        call = FundingCall.objects.create(
            office=office, funder=orgs[0], title_en=f"Call {day}", deadline=day
        )
        Application.objects.create(
            office=office, call=call, status=status, amount_granted=granted, currency=currency
        )
    # The stored health, set last (the writes above refresh it).
    for i, (p, label, trend, signed) in enumerate(pacts):
        Partnership.objects.filter(pk=p.pk).update(
            health_label=label, health_trend=trend, signed_on=signed, archived=i == 3
        )
    return {"pacts": [p for p, *_rest in pacts]}


@pytest.fixture
def two_offices(office: Office, other_office: Office) -> Office:
    build(office, "ours")
    build(other_office, "theirs")
    office.refresh_from_db()
    return office


def within(span: YearSpan, field: str) -> dict[str, dt.date]:
    return {f"{field}__gte": span.start, f"{field}__lte": span.end}


def independent(office: Office, span: YearSpan, today: dt.date) -> dict[str, int]:
    """Every count KPI, counted here with plain filters."""
    counts = {
        "activities": Activity.objects.filter(office=office, **within(span, "date")).count(),
        "commitments.due": Commitment.objects.filter(
            office=office, **within(span, "due_on")
        ).count(),
        "commitments.overdue": Commitment.objects.filter(
            office=office, status__in=OPEN, due_on__lt=today, **within(span, "due_on")
        ).count(),
        "fees.due": Membership.objects.filter(
            office=office, fee_paid_on=None, **within(span, "fee_due_on")
        )
        .filter(fee_due_on__gte=today)
        .count(),
        "fees.overdue": Membership.objects.filter(
            office=office, fee_paid_on=None, fee_due_on__lt=today, **within(span, "fee_due_on")
        ).count(),
        "practices.adopted": Practice.objects.filter(
            office=office,
            pk__in=StageSpan.objects.filter(
                office=office, stage="adopted", **within(span, "entered_on")
            ).values("practice"),
        ).count(),
        "applications.all": Application.objects.filter(
            office=office, **within(span, "call__deadline")
        ).count(),
        "applications.granted": Application.objects.filter(
            office=office,
            status__in=("accepted", "implementation", "completed"),
            **within(span, "call__deadline"),
        ).count(),
    }
    for status in MissionStatus.values:
        counts[f"missions.{status}"] = Mission.objects.filter(
            office=office, status=status, **within(span, "start_date")
        ).count()
    for kind in OutcomeKind.values:
        counts[f"outcomes.{kind}"] = Outcome.objects.filter(
            office=office, kind=kind, **within(span, "activity__date")
        ).count()
    return counts


def spend(office: Office, span: YearSpan) -> dict[str, Decimal]:
    rows = (
        Mission.objects.filter(
            office=office, budget_actual__isnull=False, **within(span, "start_date")
        )
        .values("budget_currency")
        .annotate(total=Sum("budget_actual"))
    )
    return {r["budget_currency"]: r["total"] for r in rows}


def granted(office: Office, span: YearSpan) -> dict[str, Decimal]:
    rows = (
        Application.objects.filter(
            office=office,
            status__in=("accepted", "implementation", "completed"),
            amount_granted__isnull=False,
            **within(span, "call__deadline"),
        )
        .values("currency")
        .annotate(total=Sum("amount_granted"))
    )
    return {r["currency"]: r["total"] for r in rows}


@pytest.mark.parametrize("calendar", [JALALI, GREGORIAN])
def test_each_kpi_equals_its_independent_count_this_year_and_last(
    two_offices: Office, calendar: str
) -> None:
    office = two_offices
    span = language_year("fa" if calendar == JALALI else "en", TODAY)
    kpis = compute_kpis(office, span, TODAY)
    previous = span.previous()
    now, before = independent(office, span, TODAY), independent(office, previous, TODAY)
    for key in now:
        pair = kpis.figures[key]
        assert (pair.current, pair.previous) == (now[key], before[key]), key
        assert pair.change == now[key] - before[key]
    assert {k: p.current for k, p in kpis.amounts["mission_spend"].items() if p.current} == (
        spend(office, span)
    )
    assert {k: p.previous for k, p in kpis.amounts["mission_spend"].items() if p.previous} == (
        spend(office, previous)
    )
    assert {k: p.current for k, p in kpis.amounts["funding_granted"].items() if p.current} == (
        granted(office, span)
    )
    assert {k: p.previous for k, p in kpis.amounts["funding_granted"].items() if p.previous} == (
        granted(office, previous)
    )


def test_the_figures_themselves_in_the_jalali_year(two_offices: Office) -> None:
    """The same counts, known by construction (a guard on the independent counts too)."""
    kpis = compute_kpis(two_offices, year_span(JALALI, 1404), TODAY)
    f = kpis.figures
    assert f["activities"] == Pair(2, 2)  # CUR (two pacts, once) and CUR_LATE; PREV, BOUNDARY
    assert f["commitments.due"] == Pair(6, 6)
    assert f["commitments.overdue"] == Pair(2, 4)  # CUR_LATE is not due yet
    assert f["missions.completed"] == Pair(1, 1)
    assert f["missions.reported"] == Pair(0, 1)
    assert f["outcomes.people"] == Pair(2, 2)
    assert f["outcomes.investment"] == Pair(0, 2)
    assert f["practices.adopted"] == Pair(2, 2)  # twice this year counts once
    assert f["applications.granted"] == Pair(2, 2)
    assert kpis.amounts["mission_spend"]["EUR"] == Pair(Decimal("140.50"), Decimal(50))
    assert kpis.amounts["mission_spend"]["USD"] == Pair(Decimal(0), Decimal(30))
    assert kpis.amounts["funding_granted"]["IRR"] == Pair(Decimal(7), Decimal(0))


def test_standing_figures_now_and_at_the_end_of_last_year(two_offices: Office) -> None:
    span = year_span(JALALI, 1404)  # the previous year ends 2025-03-20
    f = compute_kpis(two_offices, span, TODAY).figures
    # Now: by the stored label, archived pacts left out. Then: by the trend's last month
    # end before 2025-03-20, for the pacts signed by then (the dormant one was not).
    assert Partnership.objects.filter(office=two_offices, archived=False).count() == 3
    for label in HealthLabel.values:
        assert f[f"pacts.{label}"].current == (
            Partnership.objects.filter(
                office=two_offices, archived=False, health_label=label
            ).count()
        )
    assert f["pacts.active"] == Pair(1, 1)  # the weakening one was at 65
    assert f["pacts.weakening"] == Pair(1, 0)
    assert f["pacts.dormant"] == Pair(1, 1)  # the active one was at 20
    # Members now; then, those who had joined (or whose date is unknown).
    assert f["memberships.held"] == Pair(
        Membership.objects.filter(office=two_offices, status="member").count(), 3
    )
    # In talks now; then, by each pitch's last status recorded by 2025-03-20.
    assert f["pitches.in_talks"] == Pair(
        Pitch.objects.filter(office=two_offices, status="in_talks").count(), 2
    )


def test_the_year_span_in_both_calendars() -> None:
    fa = language_year("fa", TODAY)
    assert (fa.calendar, fa.year, fa.start, fa.end) == (
        JALALI,
        1404,
        dt.date(2025, 3, 21),
        dt.date(2026, 3, 20),
    )
    assert fa.previous() == year_span(JALALI, 1403)
    assert fa.previous().end == dt.date(2025, 3, 20)  # 1403 is a leap year: 30 Esfand
    assert year_span(JALALI, 1403).start == dt.date(2024, 3, 20)
    en = language_year("en", TODAY)
    assert (en.calendar, en.year, en.start, en.end) == (
        GREGORIAN,
        2025,
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
    )
    assert language_year("fa", dt.date(2025, 3, 20)).year == 1403
    assert language_year("fa", dt.date(2025, 3, 21)).year == 1404
    assert BOUNDARY in year_span(JALALI, 1403) and BOUNDARY in en


def test_the_block_is_kept_until_a_write_changes_the_office(office: Office) -> None:
    span = language_year("en", TODAY)
    p = make_partnership(office)
    office.refresh_from_db()
    assert office_kpis(office, span, TODAY).figures["activities"].current == 0
    # A write that bypasses the signals (and raises no version) is not seen.
    Activity.objects.bulk_create([Activity(office=office, date=CUR, kind="event", title="Unseen")])
    assert office_kpis(office, span, TODAY).figures["activities"].current == 0  # kept
    services.activity_log(
        office=office, actor=SYSTEM, partnerships=[p], date=CUR, kind="event", title="Seen"
    )
    office.refresh_from_db()
    assert office_kpis(office, span, TODAY).figures["activities"].current == 2
