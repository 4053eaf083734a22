"""The report's content: each key figure equals a count made here independently (from every
row, in Python, with jdatetime for the year), the year's span in either calendar, the
bounded lists, isolation, and the registry of sections."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from decimal import Decimal
from typing import Any

import jdatetime
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services as knowledge
from peyvand.missions.models import Mission
from peyvand.opportunities import services as opportunities
from peyvand.organizations.models import Membership, Obligation, Organization, RoleHeld
from peyvand.partnerships import services
from peyvand.partnerships.models import Activity, Commitment, Outcome, Partnership
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.places.tests.factories import make_city
from peyvand.reports import content
from peyvand.reports.document import Kpi, Scope, Section
from peyvand.reports.periods import period_of
from peyvand.reports.sections.activities import LATEST_PER_PACT

from .support import TODAY, YEAR, make_year


def in_1404(day: dt.date | None) -> bool:
    return day is not None and jdatetime.date.fromgregorian(date=day).year == YEAR


def figures(office: Any, **kw: Any) -> dict[str, dict[str, Any]]:
    kw.setdefault("year", YEAR)
    kw.setdefault("calendar", "jalali")
    with translation.override("en"):
        built = content.build_content(office=office, today=TODAY, **kw)
    return {
        s.title: {k.label + (f" {k.unit}" if k.unit else ""): k.value for k in s.kpis}
        for s in built.sections[1:]
    }


@pytest.mark.django_db
@translation.override("en")
def test_each_key_figure_equals_a_count_made_independently(office: Any, other_office: Any) -> None:
    make_year(office)
    make_year(other_office)  # the same year in another office: never counted
    got = figures(office)

    pacts = [p for p in Partnership.objects.all() if p.office_id == office.pk and not p.archived]
    in_force = [p for p in pacts if p.status == "active"]
    assert got["Partnerships"]["Partnerships in force"] == len(in_force) == 2
    for label, name in (
        ("active", "Highly active"),
        ("weakening", "Weakening"),
        ("dormant", "Dormant"),
    ):
        assert got["Partnerships"][name] == sum(p.health_label == label for p in in_force)
    assert got["Partnerships"]["Signed in the year"] == sum(in_1404(p.signed_on) for p in pacts)

    activities = [a for a in Activity.objects.all() if a.office_id == office.pk and in_1404(a.date)]
    assert (
        got["Activities, outcomes and commitments"]["Activities in the year"]
        == len(activities)
        == 5
    )
    outcomes = [
        o
        for o in Outcome.objects.select_related("activity")
        if o.office_id == office.pk and in_1404(o.activity.date)
    ]
    section = got["Activities, outcomes and commitments"]
    assert section["Outcomes of the year's activities"] == len(outcomes)
    for kind, n in Counter(o.get_kind_display() for o in outcomes).items():
        assert section[str(kind)] == n
    commitments = [
        c for c in Commitment.objects.all() if c.office_id == office.pk and in_1404(c.due_on)
    ]
    assert section["Commitments due in the year"] == len(commitments) == 2
    assert section["Commitments done"] == sum(c.status == "done" for c in commitments) == 1
    assert (
        section["Commitments overdue"]
        == sum(c.status in ("planned", "in_progress") and c.due_on < TODAY for c in commitments)
        == 1
    )

    missions = [
        m for m in Mission.objects.all() if m.office_id == office.pk and in_1404(m.start_date)
    ]
    trips = got["Missions and trip reports"]
    assert trips["Missions in the year"] == len(missions) == 2
    for status, n in Counter(m.get_status_display() for m in missions).items():
        assert trips[str(status)] == n
    spend: dict[str, Decimal] = {}
    for m in missions:
        if m.budget_actual is not None:
            spend[m.budget_currency] = spend.get(m.budget_currency, Decimal(0)) + m.budget_actual
    assert spend == {"EUR": Decimal("1500.50"), "USD": Decimal(300)}
    for currency, total in spend.items():
        assert trips[f"Actual spend {currency}"] == total

    memberships = [m for m in Membership.objects.all() if m.office_id == office.pk]
    bodies = got["Memberships and seats"]
    assert bodies["Memberships"] == sum(m.status == "member" for m in memberships) == 2
    assert bodies["Fees due in the year"] == sum(in_1404(m.fee_due_on) for m in memberships)
    assert bodies["Fees paid"] == sum(
        in_1404(m.fee_due_on) and m.fee_paid_on is not None for m in memberships
    )
    assert bodies["Fees of the year EUR"] == Decimal(12000)
    period = period_of(YEAR, "jalali")
    seats = [
        r
        for r in RoleHeld.objects.all()
        if r.office_id == office.pk
        and (r.term_start is None or r.term_start <= period.end)
        and (r.term_end is None or r.term_end >= period.start)
    ]
    assert bodies["Seats and roles held"] == len(seats) == 1
    assert bodies["Obligations due in the year"] == sum(
        o.office_id == office.pk and in_1404(o.due_on) for o in Obligation.objects.all()
    )


def test_a_jalali_year_runs_from_farvardin_to_the_last_day_of_esfand() -> None:
    p1404 = period_of(1404, "jalali")
    assert (p1404.start, p1404.end) == (dt.date(2025, 3, 21), dt.date(2026, 3, 20))
    assert p1404.months[0].end == dt.date(2025, 4, 20)  # 31 Farvardin
    assert p1404.months[-1].start == dt.date(2026, 2, 20)  # 1 Esfand
    leap = period_of(1403, "jalali")  # 1403 is a leap year: 30 Esfand
    assert leap.end == dt.date(2025, 3, 20)
    assert jdatetime.date.fromgregorian(date=leap.end).day == 30
    g = period_of(2025, "gregorian")
    assert (g.start, g.end, g.months[1].end) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
        dt.date(2025, 2, 28),
    )
    for p in (p1404, leap, g):
        assert all(a.end + dt.timedelta(days=1) == b.start for a, b in itertools.pairwise(p.months))


@pytest.mark.django_db
def test_the_activities_per_month_follow_the_jalali_months(office: Any) -> None:
    make_year(office)
    with translation.override("fa"):
        built = content.build_content(office=office, year=YEAR, calendar="jalali", today=TODAY)
    chart = next(c for s in built.sections for c in s.charts if c.shape == "columns")
    assert [b.label for b in chart.bars][:2] == ["فروردین", "اردیبهشت"]
    # 1 Farvardin, 11 Khordad (1 June), 10 Azar (1 December), 29 Esfand: and the trip.
    by_month = {b.label: b.value for b in chart.bars}
    assert by_month["فروردین"] == 1 and by_month["خرداد"] == 1 and by_month["اسفند"] == 1
    assert sum(by_month.values()) == 5


def _grow(office: Any, n: int) -> None:
    for i in range(n):
        pact = make_partnership(office, partner_city=make_city(f"Growth {i}", country="DE"))
        for day in range(3):
            services.activity_log(
                office=office,
                actor=SYSTEM,
                partnerships=[pact],
                date=dt.date(2025, 5, 1 + day),
                kind="event",
                title=f"Meeting {i}.{day}",
                outcomes=[{"kind": "people", "value": 2, "unit": "people"}],
            )
        services.commitment_create(
            partnership=pact, actor=SYSTEM, title=f"Study {i}", due_on=dt.date(2025, 9, 1)
        )
        practice = knowledge.practice_create(
            office=office, actor=SYSTEM, title_en=f"Practice {i}", today=dt.date(2025, 5, 1)
        )
        knowledge.practice_move(
            practice=practice, actor=SYSTEM, stage="adopted", today=dt.date(2025, 6, 1)
        )
        pitch = opportunities.pitch_create(office=office, actor=SYSTEM, title_en=f"Pitch {i}")
        opportunities.pitch_set_status(pitch=pitch, actor=SYSTEM, status="offered")
        call = opportunities.call_create(
            office=office,
            actor=SYSTEM,
            funder=Organization.objects.get(acronym="ADB"),
            title_en=f"Call {i}",
            deadline=dt.date(2025, 7, 1),
        )
        opportunities.application_create(office=office, actor=SYSTEM, call=call, pitch=pitch)


@pytest.mark.django_db
def test_the_content_asks_a_bounded_number_of_queries_whatever_the_data(office: Any) -> None:
    make_year(office)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx, translation.override("fa"):
            content.build_content(office=office, year=YEAR, calendar="jalali", today=TODAY)
        return len(ctx.captured_queries)

    before = queries()
    _grow(office, 6)
    assert queries() == before <= 36


@pytest.mark.django_db
def test_a_busy_pact_shows_its_latest_activities_and_counts_all(office: Any) -> None:
    year = make_year(office)
    for day in range(1, 10):
        services.activity_log(
            office=office,
            actor=SYSTEM,
            partnerships=[year.hamburg],
            date=dt.date(2025, 7, day),
            kind="event",
            title=f"Busy day {day}",
        )
    with translation.override("en"):
        built = content.build_content(office=office, year=YEAR, calendar="jalali", today=TODAY)
    section = next(s for s in built.sections if s.key == "activities")
    counts, latest = section.tables[0], section.tables[1]
    assert ["Hamburg", 10, 0, dt.date(2025, 12, 1)] in counts.rows
    shown = [row for row in latest.rows if row[0] == "Hamburg"]
    assert len(shown) == LATEST_PER_PACT
    days = [row[1] for row in shown if isinstance(row[1], dt.date)]
    assert days == sorted(days, reverse=True) and len(days) == LATEST_PER_PACT
    assert shown[0][3] == "Port logistics meeting"
    assert "latest 5" in latest.note


@pytest.mark.django_db
def test_a_module_adds_its_section_with_one_function(office: Any, monkeypatch: Any) -> None:
    def practices_section(scope: Scope) -> Section:
        return Section(
            key="practices",
            title="Practices transferred",
            kpis=[Kpi("Practices adopted", 3)],
        )

    monkeypatch.setattr(content, "SECTIONS", [*content.SECTIONS, practices_section])
    with translation.override("en"):
        built = content.build_content(office=office, year=YEAR, calendar="jalali", today=TODAY)
    assert [s.key for s in built.sections][-1] == "practices"
    assert Kpi("Practices adopted", 3) in built.sections[0].kpis  # in the summary too
    summary_rows = built.sections[0].tables[0].rows
    assert ["Practices transferred", "Practices adopted", 3, ""] in summary_rows
