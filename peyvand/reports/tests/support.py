"""A year of an office's work for the report's tests: the Jalali year 1404 (21 March 2025
to 20 March 2026) with things inside it and just outside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.missions import services as missions
from peyvand.organizations import services as organizations
from peyvand.organizations.models import Organization
from peyvand.partnerships import services
from peyvand.partnerships.models import Partnership
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.places.tests.factories import make_city

YEAR = 1404
START, END = dt.date(2025, 3, 21), dt.date(2026, 3, 20)
TODAY = dt.date(2026, 12, 3)


@dataclass
class Year:
    office: Office
    berlin: Partnership
    hamburg: Partnership
    outside_activity: Any


def make_year(office: Office) -> Year:
    berlin = make_partnership(
        office,
        partner_city=make_city("Berlin", country="DE", name_fa="برلین"),
        signed_on=dt.date(2013, 5, 1),
    )
    hamburg = make_partnership(
        office,
        partner_city=make_city("Hamburg", country="DE", name_fa="هامبورگ"),
        signed_on=dt.date(2025, 6, 1),  # signed in the year
    )
    make_partnership(office, partner_city=make_city("Lyon", country="FR"), status="proposed")

    def log(pact: Partnership, day: dt.date, title: str, **kw: Any) -> Any:
        kw.setdefault("kind", "event")
        return services.activity_log(
            office=office, actor=SYSTEM, partnerships=[pact], date=day, title=title, **kw
        )

    first = log(berlin, START, "Bus rapid transit visit", kind="visit_out", participants=6)
    services.outcome_add(
        activity=first, actor=SYSTEM, kind="investment", value=Decimal("2.5"), unit="MEUR"
    )
    second = log(berlin, dt.date(2025, 6, 1), "Air quality workshop")
    services.outcome_add(activity=second, actor=SYSTEM, kind="people", value=40, unit="students")
    services.outcome_add(activity=second, actor=SYSTEM, kind="people", value=10, unit="students")
    log(berlin, END, "Last day of the year")
    log(hamburg, dt.date(2025, 12, 1), "Port logistics meeting")
    # Outside the year: the day before it starts, and the day after it ends.
    outside = log(berlin, START - dt.timedelta(days=1), "The year before")
    services.outcome_add(activity=outside, actor=SYSTEM, kind="practice", value=1, unit="")
    log(hamburg, END + dt.timedelta(days=1), "The year after")

    done = services.commitment_create(
        partnership=berlin, actor=SYSTEM, title="Study of BRT lines", due_on=dt.date(2025, 7, 1)
    )
    services.commitment_update(
        commitment=done, actor=SYSTEM, status="done", done_on=dt.date(2025, 6, 20)
    )
    services.commitment_create(
        partnership=berlin, actor=SYSTEM, title="Air data exchange", due_on=dt.date(2025, 8, 1)
    )
    services.commitment_create(
        partnership=hamburg, actor=SYSTEM, title="Next year", due_on=dt.date(2026, 5, 1)
    )

    vienna = make_city("Vienna", country="AT", name_fa="وین")
    trip = missions.mission_create(
        office=office,
        actor=SYSTEM,
        title_fa="سفر مطالعاتی وین",
        title_en="Vienna study visit",
        start_date=dt.date(2025, 10, 5),
        end_date=dt.date(2025, 10, 9),
        budget_planned=Decimal(2000),
        budget_currency="EUR",
        cities=[vienna],
        partnerships=[berlin],
        objectives=["Learn about the metro"],
    )
    for action in ("submit", "approve", "complete"):
        missions.mission_transition(mission=trip, actor=SYSTEM, action=action)
    objective = trip.objectives.get()
    missions.report_file(
        mission=trip,
        actor=SYSTEM,
        report=missions.ReportIn(
            summary="A good visit to the Wiener Linien.",
            outcomes={objective.pk: ("met", "")},
            lessons="Plan the visits earlier.",
            budget_actual=Decimal("1500.50"),
            practices=[("One ticket for every mode", "Integrated fares")],
        ),
    )
    missions.mission_create(
        office=office,
        actor=SYSTEM,
        title_en="Draft trip",
        start_date=dt.date(2026, 1, 10),
        end_date=dt.date(2026, 1, 12),
        budget_actual=Decimal(300),
        budget_currency="USD",
    )
    missions.mission_create(
        office=office,
        actor=SYSTEM,
        title_en="Trip of the year before",
        start_date=dt.date(2025, 3, 1),
        end_date=dt.date(2025, 3, 3),
        budget_actual=Decimal(999),
        budget_currency="EUR",
    )

    uclg = Organization.objects.get(acronym="UCLG")
    membership = organizations.membership_create(
        office=office,
        actor=SYSTEM,
        organization=uclg,
        since=dt.date(2004, 5, 5),
        annual_fee=Decimal(12000),
        fee_currency="EUR",
        fee_due_on=dt.date(2025, 9, 1),
        fee_paid_on=dt.date(2025, 8, 20),
    )
    organizations.role_create(
        membership=membership,
        actor=SYSTEM,
        kind="board",
        title="World Council",
        term_start=dt.date(2024, 1, 1),
        term_end=dt.date(2027, 12, 31),
    )
    organizations.role_create(
        membership=membership,
        actor=SYSTEM,
        kind="working_group",
        title="Ended before",
        term_start=dt.date(2020, 1, 1),
        term_end=dt.date(2024, 12, 31),
    )
    organizations.obligation_create(
        membership=membership,
        actor=SYSTEM,
        kind="report",
        title="Annual survey",
        due_on=dt.date(2025, 10, 1),
        done_on=dt.date(2025, 9, 30),
    )
    metropolis = Organization.objects.get(acronym="Metropolis")
    organizations.membership_create(office=office, actor=SYSTEM, organization=metropolis)
    return Year(office=office, berlin=berlin, hamburg=hamburg, outside_activity=outside)
