"""An office's contacts (city ambassadors among them), events and missions with their
objectives, participants, trip reports and the practices observed.

Rules kept: a partner official is of a partner city and linked to its pact; an event ends
on or after its start; a mission ends on or after its start; one that has not ended yet is
a draft, submitted or approved; a rejected or cancelled one gives its reason; a reported
one has its trip report (filed after its end, no later than `until`) and the outcome of
each objective; a completed or reported mission with pacts has one visit activity on each
(linked through `MissionActivity`, as `missions.services.sync` keeps it); a participant is
a member or a contact, never both. Drawn from the office's own `random.Random`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from peyvand.missions.models import (
    Contact,
    ContactKind,
    Direction,
    Event,
    Mission,
    MissionActivity,
    MissionStatus,
    Objective,
    ObjectiveOutcome,
    Participant,
    PracticeObserved,
    TripReport,
)
from peyvand.organizations.models import Organization
from peyvand.partnerships.models import Activity, ActivityKind, InitiatedBy, PartnershipStatus

from . import vocabulary as words
from .draw import pick

if TYPE_CHECKING:
    from .build import OfficeBuilder

YEARS = 5  # of missions and events, ending a year after `until` (what is planned)
PAST = [
    (MissionStatus.REPORTED, 62),
    (MissionStatus.COMPLETED, 14),
    (MissionStatus.CANCELLED, 12),
    (MissionStatus.REJECTED, 6),
    (MissionStatus.APPROVED, 6),  # ended but not yet marked completed
]
FUTURE = [(MissionStatus.DRAFT, 35), (MissionStatus.SUBMITTED, 30), (MissionStatus.APPROVED, 35)]
DONE = (MissionStatus.COMPLETED, MissionStatus.REPORTED)


def _name(b: OfficeBuilder) -> tuple[str, str]:
    given, family = b.rng.choice(words.GIVEN_NAMES), b.rng.choice(words.FAMILY_NAMES)
    return f"{given[0]} {family[0]}", f"{given[1]} {family[1]}"


def build_contacts(b: OfficeBuilder, orgs: list[Organization]) -> list[Contact]:

    rng = b.rng
    n = 20 + int(220 / (b.index + 1) ** 0.5) + rng.randint(0, 15)
    contacts: list[Contact] = []
    pacts: list[list[int]] = []  # the pact indexes of each contact
    for k in range(n):
        kind = pick(rng, words.CONTACT_KINDS)
        fa, en = _name(b)
        city, org, linked = None, None, []
        if kind == ContactKind.PARTNER_OFFICIAL and b.pacts:
            j = rng.randrange(len(b.pacts))
            city, linked = b.pacts[j].p.partner_city, [j]
        elif kind == ContactKind.ORGANIZATION_STAFF and orgs:
            org = rng.choice(orgs)
        elif kind == ContactKind.CITY_AMBASSADOR:
            city = b.home
        contacts.append(
            Contact(
                office=b.office,
                name_fa=fa,
                name_en=en if rng.random() < 0.9 else "",
                kind=kind,
                title=rng.choice(words.CONTACT_TITLES[kind]),
                city=city,
                organization=org,
                email=f"{en.lower().replace(' ', '.')}.{k}@example.org"
                if rng.random() < 0.7
                else "",
                phone=f"+98 21 {rng.randint(1000000, 9999999)}" if rng.random() < 0.4 else "",
                languages=rng.choice(words.CONTACT_LANGUAGES),
                tags=sorted(rng.sample(words.CONTACT_TAGS, rng.randint(0, 2))),
                notes=rng.choice(words.CONTACT_NOTES),
                version=1,
            )
        )
        pacts.append(linked)
    Contact.objects.bulk_create(contacts, batch_size=b.ctx.batch)
    through = Contact.partnerships.through
    links = b.insert(
        through,
        ("contact_id", "partnership_id"),
        [(c.pk, b.pacts[j].p.pk) for c, js in zip(contacts, pacts, strict=True) for j in js],
    )
    b.ctx.count(Contact, len(contacts))
    b.ctx.count(through, links)
    return contacts


def build_events(b: OfficeBuilder, orgs: list[Organization]) -> list[Event]:
    rng = b.rng
    per_year = 3 + int(25 / (b.index + 1) ** 0.5)
    first = b.until - YEARS * 365
    events: list[Event] = []
    areas: list[list[int]] = []
    for _ in range(per_year * (YEARS + 1) + rng.randint(0, per_year)):
        kind, fa, en = rng.choice(words.EVENT_TITLES)
        start = rng.randint(first, b.until + 365)
        year = b.day(start).year
        host = rng.choice(b.pacts).p.partner_city if b.pacts and rng.random() < 0.6 else None
        events.append(
            Event(
                office=b.office,
                title_fa=f"{fa} {year}",
                title_en=f"{en} {year}" if rng.random() < 0.8 else "",
                kind=kind,
                organizer_organization=rng.choice(orgs) if orgs and rng.random() < 0.5 else None,
                organizer_city=host if host is not None and rng.random() < 0.5 else None,
                host_city=host,
                starts_on=b.day(start),
                ends_on=b.day(start + (0 if kind == "webinar" else rng.randint(0, 4))),
                website=f"https://example.org/events/{rng.getrandbits(32):08x}"
                if rng.random() < 0.4
                else "",
                description=rng.choice(words.EVENT_DESCRIPTIONS),
                published=start >= b.until and rng.random() < 0.3,
                version=1,
            )
        )
        areas.append(sorted({a.pk for a in rng.sample(b.areas, rng.randint(0, 2))}))
    Event.objects.bulk_create(events, batch_size=b.ctx.batch)
    through = Event.areas.through
    n = b.insert(
        through,
        ("event_id", "cooperationarea_id"),
        [(e.pk, a) for e, ids in zip(events, areas, strict=True) for a in ids],
    )
    b.ctx.count(Event, len(events))
    b.ctx.count(through, n)
    return events


def build_missions(
    b: OfficeBuilder, contacts: list[Contact], events: list[Event]
) -> list[PracticeObserved]:
    """The missions and their parts; returns the practices observed on them."""

    rng = b.rng
    per_year = 2 + int(20 / (b.index + 1) ** 0.5)
    first = b.until - YEARS * 365
    live = [
        j
        for j, pact in enumerate(b.pacts)
        if pact.p.status in (PartnershipStatus.ACTIVE, PartnershipStatus.SUSPENDED)
    ]
    members = [u for u, _d in b.loggers]
    missions: list[Mission] = []
    plans: list[dict[str, Any]] = []
    for _ in range(per_year * (YEARS + 1) + rng.randint(0, per_year)):
        start = rng.randint(first, b.until + 365)
        end = start + rng.randint(1, 8)
        status = pick(rng, PAST if end < b.until else FUTURE)
        outgoing = rng.random() < 0.65
        pact_ids = sorted(rng.sample(live, min(len(live), rng.choice((0, 1, 1, 1, 2)))))
        cities = [b.pacts[j].p.partner_city for j in pact_ids]
        if not cities and b.pacts:
            cities = [rng.choice(b.pacts).p.partner_city]
        city = cities[0] if cities else None
        city_fa = (city.name_fa_display or city.name_en) if city else b.home_fa
        city_en = (city.name_en or city.name_fa_display) if city else b.home_en
        fa, en = rng.choice(words.MISSION_TITLES_OUT if outgoing else words.MISSION_TITLES_IN)
        reason = ""
        if status == MissionStatus.REJECTED:
            reason = rng.choice(words.REJECT_REASONS)
        elif status == MissionStatus.CANCELLED:
            reason = rng.choice(words.CANCEL_REASONS)
        event = None
        nearby = [
            e for e in events[-40:] if e.starts_on.toordinal() - 3 <= start <= e.ends_on.toordinal()
        ]
        if nearby and outgoing and rng.random() < 0.5:
            event = rng.choice(nearby)
        planned = Decimal(rng.randrange(50, 3000) * 1000) if rng.random() < 0.7 else None
        actual = None
        if planned is not None and status in DONE and rng.random() < 0.8:
            actual = (planned * Decimal(str(round(rng.uniform(0.6, 1.2), 2)))).quantize(words.CENT)
        published = status == MissionStatus.REPORTED and rng.random() < 0.3
        missions.append(
            Mission(
                office=b.office,
                direction=Direction.OUTGOING if outgoing else Direction.INCOMING,
                title_fa=fa.format(city=city_fa)[:300],
                title_en=en.format(city=city_en)[:300] if rng.random() < 0.7 else "",
                purpose=rng.choice(words.MISSION_PURPOSES),
                status=status,
                status_reason=reason,
                event=event,
                start_date=b.day(start),
                end_date=b.day(end),
                budget_planned=planned,
                budget_actual=actual,
                budget_currency="IRR" if planned is not None else "",
                created_by=rng.choice(b.editors),
                public_summary_fa=rng.choice(words.REPORT_SUMMARIES) if published else "",
                published=published,
                version=1,
            )
        )
        plans.append({"pacts": pact_ids, "cities": cities, "outgoing": outgoing, "end": end})
    Mission.objects.bulk_create(missions, batch_size=b.ctx.batch)
    cities_n = b.insert(
        Mission.cities.through,
        ("mission_id", "city_id"),
        [(m.pk, c.pk) for m, plan in zip(missions, plans, strict=True) for c in plan["cities"]],
    )
    pacts_n = b.insert(
        Mission.partnerships.through,
        ("mission_id", "partnership_id"),
        [
            (m.pk, b.pacts[j].p.pk)
            for m, plan in zip(missions, plans, strict=True)
            for j in plan["pacts"]
        ],
    )
    b.ctx.count(Mission, len(missions))
    b.ctx.count(Mission.cities.through, cities_n)
    b.ctx.count(Mission.partnerships.through, pacts_n)
    return _parts(b, missions, plans, contacts, members)


def _parts(
    b: OfficeBuilder,
    missions: list[Mission],
    plans: list[dict[str, Any]],
    contacts: list[Contact],
    members: list[Any],
) -> list[PracticeObserved]:
    rng = b.rng
    departments = {u.pk: d for u, d in b.loggers}
    objectives: list[Objective] = []
    participants: list[Participant] = []
    reports: list[TripReport] = []
    visits: list[tuple[Mission, int, Activity]] = []
    for m, plan in zip(missions, plans, strict=True):
        reported = m.status == MissionStatus.REPORTED
        for order, text in enumerate(rng.sample(words.OBJECTIVES, rng.randint(1, 4))):
            outcome = pick_outcome(rng) if reported else ""
            objectives.append(
                Objective(
                    office=b.office,
                    mission=m,
                    order=order,
                    text=text,
                    outcome=outcome,
                    outcome_note=rng.choice(words.OBJECTIVE_NOTES) if outcome else "",
                )
            )
        before = len(participants)
        if plan["outgoing"]:
            for user in rng.sample(members, rng.randint(1, min(4, len(members)))):
                participants.append(
                    Participant(
                        office=b.office,
                        mission=m,
                        user=user,
                        department=departments.get(user.pk),
                        role=rng.choice(words.MISSION_ROLES),
                    )
                )
        elif contacts:
            for contact in rng.sample(contacts, rng.randint(1, min(5, len(contacts)))):
                participants.append(
                    Participant(office=b.office, mission=m, contact=contact, role="")
                )
        if reported:
            filed = min(b.until, plan["end"] + rng.randint(1, 45))
            reports.append(
                TripReport(
                    office=b.office,
                    mission=m,
                    summary=rng.choice(words.REPORT_SUMMARIES),
                    lessons=rng.choice(words.REPORT_LESSONS),
                    people_exchanged=rng.randint(2, 30) if rng.random() < 0.4 else None,
                    filed_by=rng.choice(b.editors),
                    filed_on=b.day(filed),
                )
            )
        if m.status in DONE:
            n_people = len(participants) - before
            for j in plan["pacts"]:
                visits.append((m, j, _visit(b, m, plan["outgoing"], n_people)))
    Objective.objects.bulk_create(objectives, batch_size=b.ctx.batch)
    Participant.objects.bulk_create(participants, batch_size=b.ctx.batch)
    TripReport.objects.bulk_create(reports, batch_size=b.ctx.batch)
    observed = [
        PracticeObserved(office=b.office, report=r, title=title, description=text)
        for r in reports
        for title, text in rng.sample(words.OBSERVED, rng.choice((0, 0, 1, 1, 2)))
    ]
    PracticeObserved.objects.bulk_create(observed, batch_size=b.ctx.batch)
    Activity.objects.bulk_create([a for _m, _j, a in visits], batch_size=b.ctx.batch)
    links = b.insert(
        Activity.partnerships.through,
        ("activity_id", "partnership_id"),
        [(a.pk, b.pacts[j].p.pk) for _m, j, a in visits],
    )
    MissionActivity.objects.bulk_create(
        [
            MissionActivity(office=b.office, mission=m, partnership=b.pacts[j].p, activity=a)
            for m, j, a in visits
        ],
        batch_size=b.ctx.batch,
    )
    for j in {j for _m, j, _a in visits}:
        b.pacts[j].n += sum(1 for _m, k, _a in visits if k == j)
    b.ctx.count(Objective, len(objectives))
    b.ctx.count(Participant, len(participants))
    b.ctx.count(TripReport, len(reports))
    b.ctx.count(PracticeObserved, len(observed))
    b.ctx.count(Activity, len(visits))
    b.ctx.count(Activity.partnerships.through, links)
    b.ctx.count(MissionActivity, len(visits))
    return observed


def pick_outcome(rng: Any) -> str:
    r = rng.random()
    if r < 0.6:
        return ObjectiveOutcome.MET
    return ObjectiveOutcome.PARTLY if r < 0.9 else ObjectiveOutcome.NOT_MET


def _visit(b: OfficeBuilder, m: Mission, outgoing: bool, n_people: int) -> Activity:
    """The activity the mission keeps on a pact, as `missions.services.sync` writes it."""
    return Activity(
        office=b.office,
        date=m.start_date,
        kind=ActivityKind.VISIT_OUT if outgoing else ActivityKind.VISIT_IN,
        initiated_by=InitiatedBy.US if outgoing else InitiatedBy.PARTNER,
        title=(m.title_fa or m.title_en)[:300],
        participants=n_people or None,
        created_by=m.created_by,
        version=1,
    )
