"""An office's project pitches with the parties interested and their follow-ups, the
funding calls it watches and its applications to them.

Rules kept: financing sought no more than the budget; an interested party is exactly one
of a contact, an organisation or a city; a follow-up after `until` is not done; a call's
smallest amount no more than its largest; an application to a call whose deadline is still
ahead is in preparation; one past it is submitted, accepted, rejected (with its reason),
in implementation or completed, and only an accepted one onwards has an amount granted;
only offered pitches and beyond are published.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from peyvand.missions.models import Contact
from peyvand.opportunities.models import (
    Application,
    ApplicationStatus,
    FundingCall,
    InterestedParty,
    PartyFollowUp,
    Pitch,
    PitchStage,
    PitchStatus,
)
from peyvand.organizations.models import Organization, OrganizationKind

from . import vocabulary as words
from .draw import pick

if TYPE_CHECKING:
    from .build import OfficeBuilder

STATUSES = [
    (PitchStatus.DRAFT, 15),
    (PitchStatus.OFFERED, 35),
    (PitchStatus.IN_TALKS, 25),
    (PitchStatus.FINANCED, 15),
    (PitchStatus.CLOSED, 10),
]
DECIDED = [
    (ApplicationStatus.SUBMITTED, 25),
    (ApplicationStatus.ACCEPTED, 15),
    (ApplicationStatus.REJECTED, 30),
    (ApplicationStatus.IMPLEMENTATION, 15),
    (ApplicationStatus.COMPLETED, 15),
]
GRANTED = (
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.IMPLEMENTATION,
    ApplicationStatus.COMPLETED,
)
BILLION = 1_000_000_000


def build_opportunities(
    b: OfficeBuilder, orgs: list[Organization], contacts: list[Contact]
) -> None:

    rng = b.rng
    pitches: list[Pitch] = []
    for _ in range(2 + int(10 / (b.index + 1) ** 0.5) + rng.randint(0, 2)):
        fa, en, area_code, instrument = rng.choice(words.PITCHES)
        budget = Decimal(rng.randint(50, 20_000) * BILLION) if rng.random() < 0.85 else None
        sought = (
            (budget * Decimal(rng.randint(20, 100)) / 100).quantize(Decimal(1)) if budget else None
        )
        status = pick(rng, STATUSES)
        pitches.append(
            Pitch(
                office=b.office,
                title_fa=fa,
                title_en=en if rng.random() < 0.8 else "",
                description_fa=f"{fa} در {b.home_fa}.",
                area=b.area_by_code.get(area_code),
                location=rng.choice(words.PITCH_LOCATIONS),
                district=rng.randint(1, 22) if rng.random() < 0.6 else None,
                budget=budget,
                financing_sought=sought,
                currency="IRR" if budget is not None else "",
                instrument=instrument,
                stage=rng.choice(PitchStage.values),
                status=status,
                created_by=rng.choice(b.editors),
                published=status != PitchStatus.DRAFT and rng.random() < 0.5,
                version=1,
            )
        )
    Pitch.objects.bulk_create(pitches, batch_size=b.ctx.batch)
    parties: list[InterestedParty] = []
    for pitch in pitches:
        if pitch.status == PitchStatus.DRAFT:
            continue
        seen: set[tuple[str, int]] = set()
        for _ in range(rng.randint(0, 4)):
            r = rng.random()
            party = InterestedParty(
                office=b.office, pitch=pitch, note=rng.choice(words.PARTY_NOTES), version=1
            )
            if r < 0.4 and contacts:
                party.contact = rng.choice(contacts)
                key = ("contact", party.contact.pk)
            elif r < 0.75 and orgs:
                party.organization = rng.choice(orgs)
                key = ("organization", party.organization.pk)
            elif b.pacts:
                party.city = rng.choice(b.pacts).p.partner_city
                key = ("city", party.city.pk)
            else:
                continue
            if key not in seen:
                seen.add(key)
                parties.append(party)
    InterestedParty.objects.bulk_create(parties, batch_size=b.ctx.batch)
    follow_ups = []
    for party in parties:
        for _ in range(rng.randint(0, 3)):
            date = b.until + rng.randint(-400, 60)
            follow_ups.append(
                PartyFollowUp(
                    office=b.office,
                    party=party,
                    date=b.day(date),
                    note=rng.choice(words.FOLLOW_UPS),
                    done=date <= b.until and rng.random() < 0.8,
                )
            )
    PartyFollowUp.objects.bulk_create(follow_ups, batch_size=b.ctx.batch)
    b.ctx.count(Pitch, len(pitches))
    b.ctx.count(InterestedParty, len(parties))
    b.ctx.count(PartyFollowUp, len(follow_ups))
    _calls(b, orgs, pitches)


def _calls(b: OfficeBuilder, orgs: list[Organization], pitches: list[Pitch]) -> None:

    rng = b.rng
    funders = [
        o for o in orgs if o.kind in (OrganizationKind.DEVELOPMENT_BANK, OrganizationKind.UN_BODY)
    ] or orgs
    if not funders:
        return
    calls: list[FundingCall] = []
    areas: list[list[int]] = []
    for _ in range(2 + int(8 / (b.index + 1) ** 0.5) + rng.randint(0, 2)):
        fa, en = rng.choice(words.CALLS)
        deadline = b.until + rng.randint(-700, 240)
        low = rng.randint(1, 50) * 10_000
        calls.append(
            FundingCall(
                office=b.office,
                funder=rng.choice(funders),
                title_fa=f"{fa} {b.day(deadline).year}",
                title_en=f"{en} {b.day(deadline).year}" if rng.random() < 0.8 else "",
                deadline=b.day(deadline),
                amount_min=Decimal(low) if rng.random() < 0.7 else None,
                amount_max=Decimal(low * rng.randint(2, 20)),
                currency="EUR",
                link=f"https://example.org/calls/{rng.getrandbits(32):08x}",
                created_by=rng.choice(b.editors),
                version=1,
            )
        )
        areas.append(sorted({a.pk for a in rng.sample(b.areas, rng.randint(0, 3))}))
    FundingCall.objects.bulk_create(calls, batch_size=b.ctx.batch)
    call_areas = b.insert(
        FundingCall.areas.through,
        ("fundingcall_id", "cooperationarea_id"),
        [(c.pk, a) for c, ids in zip(calls, areas, strict=True) for a in ids],
    )
    applications: list[Application] = []
    cities: list[list[int]] = []
    for call in calls:
        if rng.random() < 0.4:
            continue
        past = call.deadline.toordinal() < b.until
        status = pick(rng, DECIDED) if past else ApplicationStatus.PREPARATION
        assert call.amount_max is not None
        requested = Decimal(rng.randint(1, 10) * int(call.amount_max) // 10)
        applications.append(
            Application(
                office=b.office,
                call=call,
                pitch=rng.choice(pitches) if pitches and rng.random() < 0.6 else None,
                amount_requested=requested,
                amount_granted=requested if status in GRANTED else None,
                currency="EUR",
                status=status,
                status_reason=rng.choice(words.APPLICATION_REJECTIONS)
                if status == ApplicationStatus.REJECTED
                else "",
                notes=rng.choice(words.APPLICATION_NOTES),
                created_by=rng.choice(b.editors),
                version=1,
            )
        )
        partners = rng.sample(b.pacts, min(len(b.pacts), rng.randint(0, 2)))
        cities.append(sorted({pact.p.partner_city.pk for pact in partners}))
    Application.objects.bulk_create(applications, batch_size=b.ctx.batch)
    partner_cities = b.insert(
        Application.partner_cities.through,
        ("application_id", "city_id"),
        [(a.pk, c) for a, ids in zip(applications, cities, strict=True) for c in ids],
    )
    b.ctx.count(FundingCall, len(calls))
    b.ctx.count(FundingCall.areas.through, call_areas)
    b.ctx.count(Application, len(applications))
    b.ctx.count(Application.partner_cities.through, partner_cities)
