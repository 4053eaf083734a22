"""Every main page and API list asks a bounded number of queries: the same number with three
times the data (no query per row), and at most its stated bound. The pages are rendered
anew (the kept pages of core.pagecache would hide a regression). The pages are those of
bench/pages.py, which every later module extends."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.partnerships import services
from peyvand.partnerships.models import Partnership
from peyvand.partnerships.tests.factories import area
from peyvand.places.tests.factories import make_city

from .conftest import World

# The calendar's range around today: the grown events, missions and deadlines fall in it.
_AROUND = (dt.date.today() - dt.timedelta(days=30), dt.date.today() + dt.timedelta(days=60))
# route name, extra query, bound
PAGES: list[tuple[str, str, int]] = [
    # The KPI block (about 15 aggregate queries) is kept in the cache under the office's
    # version; here it is computed anew, as every page is rendered anew.
    ("dashboard:home", "", 27),
    ("partnerships:list", "", 19),
    ("partnerships:activity_list", "", 9),  # its pacts: one query (prefetched)
    ("partnerships:commitment_list", "state=open", 8),
    ("partnerships:outcome_list", "", 8),
    ("partnerships:detail", "", 26),
    ("network:city", "", 7),
    ("places:search", "q=Tehran", 9),
    ("discover:recommendations", "", 15),  # the goal areas offered: one query
    ("discover:network", "", 16),
    ("organizations:list", "", 8),
    ("organizations:memberships", "", 7),
    ("contacts:list", "", 11),
    ("events:list", "", 8),
    ("missions:list", "", 10),
    ("missions:board", "", 13),
    ("agenda:month", "", 13),
    ("agenda:agenda", "", 13),
    ("missions:detail", "", 20),  # its observations' practices: one query (knowledge)
    ("knowledge:list", "", 11),
    ("knowledge:board", "", 12),
    ("knowledge:detail", "", 16),
    ("opportunities:pitch_list", "", 9),
    ("opportunities:pitch_detail", "", 11),
    ("opportunities:call_list", "", 9),
    ("opportunities:call_detail", "", 10),
    ("opportunities:application_list", "", 8),
    ("opportunities:application_detail", "", 10),
    ("reports:list", "", 7),
    ("reports:detail", "", 6),
    ("search:results", "q=Vienna", 16),
    ("audit:log", "", 8),
    ("bin:list", "", 9),
    ("portal:home", "", 13),
    ("portal:partnership", "", 16),
    ("portal:practices", "", 8),
    ("portal:pitches", "", 8),
    ("portal:events", "", 8),
    ("portal_office:queue", "", 10),
    ("exchange:hub", "", 5),
    ("exchange:export", "format=csv", 8),  # every pact of the office, in one file
]
API: list[tuple[str, int]] = [
    ("/api/v1/offices/{office}/partnerships", 7),
    ("/api/v1/offices/{office}/activities", 9),
    ("/api/v1/cities?q=Tehran", 2),
    ("/api/v1/offices/{office}/missions", 13),
    ("/api/v1/offices/{office}/alerts", 10),
    ("/api/v1/offices/{office}/dashboard", 20),
    (f"/api/v1/offices/{{office}}/calendar?start={_AROUND[0]}&end={_AROUND[1]}", 11),
    ("/api/v1/offices/{office}/practices", 11),
    ("/api/v1/offices/{office}/pitches", 9),
    ("/api/v1/offices/{office}/calls", 8),
    ("/api/v1/offices/{office}/applications", 8),
    ("/api/v1/offices/{office}/reports", 6),
    ("/api/v1/offices/{office}/search?q=Vienna", 10),
    ("/api/v1/offices/{office}/audit", 7),
    ("/api/v1/offices/{office}/bin", 8),
    ("/api/v1/public/offices/{office}/partnerships", 6),
    ("/api/v1/public/offices/{office}/activities", 7),
    ("/api/v1/public/offices/{office}/practices", 6),
    ("/api/v1/public/offices/{office}/pitches", 6),
    ("/api/v1/offices/{office}/exports/partnerships?format=xlsx", 8),
    ("/api/v1/offices/{office}/exports/contacts", 8),
    ("/api/v1/offices/{office}/exports/activities", 8),
]


def grow(office: Office, p: Partnership, n: int) -> None:
    """n more pacts, each with an activity, an outcome and a commitment; n more activities
    with areas and outcomes on the pact whose page is measured."""
    today = dt.date.today()
    for i in range(n):
        other = services.partnership_create(
            office=office,
            actor=SYSTEM,
            partner_city=make_city(f"Growth city {i}", country="DE"),
            kind="sister",
            status="active",
            signed_on=dt.date(2015, 1, 1),
            valid_until=today + dt.timedelta(days=30 + i),
        )
        for pact in (other, p):
            activity = services.activity_log(
                office=office,
                actor=SYSTEM,
                partnerships=[pact],
                date=today - dt.timedelta(days=i + 1),
                kind="event",
                title=f"Growth meeting {i}",
                areas=[area("transport"), area("culture")],
            )
            services.outcome_add(
                activity=activity, actor=SYSTEM, kind="people", value=3, unit="people"
            )
        services.commitment_create(
            partnership=other,
            actor=SYSTEM,
            title=f"Growth study {i}",
            due_on=today - dt.timedelta(days=3),
        )


def grow_modules(office: Office, p: Partnership, n: int) -> None:
    """n more memberships, contacts, events, missions and practices (linked to the pact)."""
    from peyvand.knowledge import services as knowledge
    from peyvand.missions import services as missions
    from peyvand.organizations import services as organizations
    from peyvand.organizations.models import Organization

    today = dt.date.today()
    taken = set(office_memberships(office))
    free = Organization.objects.exclude(pk__in=taken).order_by("pk")[:n]
    for org in free:
        m = organizations.membership_create(
            office=office,
            actor=SYSTEM,
            organization=org,
            fee_currency="EUR",
            annual_fee=Decimal(10),
        )
        organizations.obligation_create(
            membership=m, actor=SYSTEM, kind="report", title="Report", due_on=today
        )
    for i in range(n):
        contact = missions.contact_create(
            office=office, actor=SYSTEM, name_en=f"Growth person {i}", partnerships=[p]
        )
        event = missions.event_create(
            office=office,
            actor=SYSTEM,
            title_en=f"Growth forum {i}",
            starts_on=today - dt.timedelta(days=i + 2),
            ends_on=today - dt.timedelta(days=i + 1),
        )
        mission = missions.mission_create(
            office=office,
            actor=SYSTEM,
            title_en=f"Growth trip {i}",
            start_date=today - dt.timedelta(days=i + 5),
            end_date=today - dt.timedelta(days=i + 4),
            event=event,
            partnerships=[p],
            objectives=["Learn"],
            participants=[missions.ParticipantIn(contact=contact)],
        )
        # Submitted, not completed: a completed one adds an activity to the measured pact,
        # whose timeline would then page (one count query more, not one per row).
        missions.mission_transition(mission=mission, actor=SYSTEM, action="submit")
        # Practices at every stage, linked to the pact, the mission and the contact.
        practice = knowledge.practice_create(
            office=office,
            actor=SYSTEM,
            title_en=f"Growth practice {i}",
            source_city=p.partner_city,
            areas=[area("transport")],
            tags=["growth"],
            partnerships=[p],
            missions=[mission],
            contacts=[contact],
        )
        # The bin: practices deleted into it (its page reads each kind it shows once).
        binned = knowledge.practice_create(office=office, actor=SYSTEM, title_en=f"Gone {i}")
        knowledge.practice_delete(practice=binned, actor=SYSTEM)
        stage = ("studied", "proposed", "piloting", "rejected")[i % 4]
        knowledge.practice_move(
            practice=practice, actor=SYSTEM, stage=stage, reason="Growth" if i % 4 == 3 else ""
        )
    # Past annual reports (finished: the service lets three at most be built at once).
    from peyvand.reports.models import AnnualReport

    for i in range(n):
        AnnualReport.objects.create(
            office=office, year=1390 + i, status="done", requested_by=office_user(office)
        )
    grow_opportunities(office, p, n)


def grow_opportunities(office: Office, p: Partnership, n: int) -> None:
    """n more pitches (each with parties and follow-ups, on the measured pitch too), calls
    with areas, and applications with partners (to the measured call too)."""
    from peyvand.missions.models import Contact
    from peyvand.opportunities import services as opportunities
    from peyvand.opportunities.models import Application, FundingCall, Pitch
    from peyvand.organizations.models import Organization

    today = dt.date.today()
    measured = Pitch.objects.for_office(office).order_by("pk").first()
    measured_call = FundingCall.objects.for_office(office).order_by("pk").first()
    banks = list(Organization.objects.order_by("pk")[: n + 2])
    contacts = list(Contact.objects.for_office(office).order_by("-pk")[:n])
    for i in range(n):
        pitch = opportunities.pitch_create(
            office=office,
            actor=SYSTEM,
            title_en=f"Growth pitch {i}",
            area=area("transport"),
            budget=Decimal(100 + i),
            currency="EUR",
        )
        for target in (pitch, measured):
            if target is None:
                continue
            party = opportunities.party_add(pitch=target, actor=SYSTEM, organization=banks[i])
            opportunities.follow_up_add(party=party, actor=SYSTEM, date=today, note="Call")
            if target is pitch:
                opportunities.party_add(pitch=target, actor=SYSTEM, contact=contacts[i])
                opportunities.party_add(pitch=target, actor=SYSTEM, city=p.partner_city)
        call = opportunities.call_create(
            office=office,
            actor=SYSTEM,
            funder=banks[i],
            title_en=f"Growth call {i}",
            deadline=today + dt.timedelta(days=i + 1),
            currency="USD",
            areas=[area("transport"), area("waste")],
        )
        for to in (call, measured_call):
            if to is None:
                continue
            opportunities.application_create(
                office=office,
                actor=SYSTEM,
                call=to,
                pitch=pitch,
                partner_cities=[p.partner_city],
                partner_organizations=banks[i : i + 2],
                amount_requested=None,
            )
    assert Application.objects.for_office(office).count() >= 2 * n


def office_user(office: Office) -> Any:
    from peyvand.accounts.models import OfficeMembership

    return OfficeMembership.objects.filter(office=office).first().user  # type: ignore[union-attr]


def grow_portal(office: Office, p: Partnership, n: int) -> None:
    """Publish what grew (pacts, activities, outcomes, practices, pitches, events, missions)
    and n approved comments on the pact: the portal's pages list them all."""
    from peyvand.accounts.versions import bump_office
    from peyvand.knowledge.models import Practice
    from peyvand.missions.models import Event, Mission
    from peyvand.opportunities.models import Pitch
    from peyvand.partnerships.models import Activity, Outcome
    from peyvand.portal.models import Feedback, FeedbackStatus

    for model in (Partnership, Activity, Outcome, Practice, Pitch, Event, Mission):
        model.objects.filter(office=office).update(published=True)
    grown = Practice.objects.filter(office=office, title_en__startswith="Growth practice")
    grown.update(stage="adopted", adopted_on=dt.date.today())
    Feedback.objects.bulk_create(
        Feedback(
            office=office,
            partnership=p,
            comment=f"Comment {i}",
            rating=1 + i % 5,
            status=FeedbackStatus.APPROVED if i % 2 else FeedbackStatus.PENDING,
        )
        for i in range(n)
    )
    bump_office(office.pk)


def office_memberships(office: Office) -> list[int]:
    from peyvand.organizations.models import Membership

    return list(Membership.objects.for_office(office).values_list("organization", flat=True))


def count(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


@pytest.fixture(autouse=True)
def _no_cached_figures() -> None:
    """The cache starts empty: a rolled-back earlier test gave its pks and versions to
    other data, and its office's network figures, cached under them, would be read as this
    office's (fewer queries than the page asks)."""
    cache.clear()


@pytest.fixture
def paths(world: World, settings: Any) -> dict[str, str]:
    settings.PAGE_CACHE = False
    found = {}
    for name, query, _bound in PAGES:
        path = reverse(name, kwargs=world.kwargs.get(name, {}))
        found[name] = f"{path}?{query}" if query else path
    slug = world.kwargs["dashboard:home"]["office_slug"]
    for path, _bound in API:
        found[path] = path.format(office=slug)
    return found


def test_every_page_asks_a_bounded_number_of_queries_whatever_the_data(
    world: World, paths: dict[str, str]
) -> None:
    client = world.client
    for path in paths.values():
        client.get(path)  # the session's first visit, the fit: once
    before = {name: count(client, path) for name, path in paths.items()}
    slug = world.kwargs["dashboard:home"]["office_slug"]
    office = Office.objects.get(slug=slug)
    pact = Partnership.objects.get(pk=world.kwargs["partnerships:detail"]["pk"])
    grow(office, pact, 8)
    grow_modules(office, pact, 8)
    grow_portal(office, pact, 8)
    after = {name: count(client, path) for name, path in paths.items()}
    assert after == before  # no query per row
    bounds = {name: bound for name, _query, bound in PAGES} | dict(API)
    for name, path in paths.items():
        key = name if name in bounds else next(k for k in bounds if k.format(office=slug) == path)
        assert after[name] <= bounds[key], (name, after[name])
