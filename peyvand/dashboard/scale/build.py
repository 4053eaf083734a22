"""One office of scale data: members, pacts, their papers, plans, activities and scores.

Everything is drawn from one `random.Random` per office, seeded with the run's seed, the
office's rank and its city's code, in a fixed order; no choice reads a database id or the
clock, so the same world and the same arguments give the same rows in any database.

The rows obey the rules the services enforce (see docs/decisions/0006-scale-data.md):
field lengths and choices, dates within 1900-2100 and no activity after `until`, one live
pact per partner city, a partner that is not the home city, a responsible officer who is a
member, an active pact only with every approval granted, a decided approval with its date,
an ended pact with its reason, a done commitment with its day and a dropped one with its
reason, every activity under at least one pact of its office, reviews only of pacts in
force (a retired one ended by it). History: one "created" entry per pact.

After the activities, the other modules' rows come from their own files (organizations,
missions, knowledge, opportunities, portal: each lists its rules), then the scores, then
the search documents of every searchable record (`search.index.index_new`).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from peyvand.accounts.models import Department, Office, OfficeMembership, Role
from peyvand.partnerships import services
from peyvand.partnerships.health import add_months
from peyvand.partnerships.letters import retire_letters, revive_letters
from peyvand.partnerships.models import (
    Activity,
    Agreement,
    AgreementFile,
    Approval,
    ApprovalBody,
    ApprovalStatus,
    Commitment,
    CommitmentStatus,
    CooperationArea,
    DormancyReview,
    Outcome,
    Partnership,
    PartnershipStatus,
    ReviewDecision,
)
from peyvand.places.models import City
from peyvand.records.history import plain
from peyvand.records.models import Event
from peyvand.search.index import index_new
from peyvand.search.kinds import kinds
from peyvand.search.models import SearchDocument

from . import vocabulary as words
from .draw import day, pick
from .rows import insert_rows
from .world import World

PREFIX = "scale-"  # of every generated office's slug and every generated user's name
YEARS = 15  # of activity history, ending on `until`
MAX_PACTS = 40
# A pact's share of its office's activities: 1 / rank ** ZIPF (rank 1 the busiest).
ZIPF = 1.15
HEALTH_CHUNK = 50_000  # activities read per call of the health refresh

# Life of a pact: how its activities are spread over time.
LIVELY, WEAKENING, DORMANT, PAPER = "lively", "weakening", "dormant", "paper"
SUSPENDED, ENDED, COURTING = "suspended", "ended", "courting"
# Who comes first in the ranking of activity shares (plus noise).
PRIORITY = {LIVELY: 0, WEAKENING: 1, SUSPENDED: 2, ENDED: 2, DORMANT: 3, COURTING: 4, PAPER: 9}

STATUSES = [
    (PartnershipStatus.ACTIVE, 62),
    (PartnershipStatus.SUSPENDED, 6),
    (PartnershipStatus.ENDED, 10),
    (PartnershipStatus.PROPOSED, 8),
    (PartnershipStatus.NEGOTIATING, 8),
    (PartnershipStatus.AWAITING_APPROVAL, 6),
]
ACTIVE_LIVES = [(LIVELY, 28), (WEAKENING, 17), (DORMANT, 40), (PAPER, 15)]
KINDS = [("sister", 40), ("friendship", 20), ("cooperation", 18), ("mou", 18), ("other", 4)]
TWIN_KINDS = [("sister", 80), ("friendship", 20)]
INITIATED = [("us", 50), ("partner", 30), ("joint", 20)]
# Share of a pact's commitments that are done, by life; how many it has.
DONE_SHARE = {LIVELY: 0.8, WEAKENING: 0.6, DORMANT: 0.35, PAPER: 0.1, SUSPENDED: 0.4, ENDED: 0.5}
N_COMMITMENTS = {
    LIVELY: (3, 12),
    WEAKENING: (2, 8),
    DORMANT: (0, 5),
    PAPER: (0, 3),
    SUSPENDED: (1, 5),
    ENDED: (0, 6),
}
OUTCOME_CHANCE = {"business": 0.25, "joint_project": 0.2, "correspondence": 0.02}


def apportion(total: int, weights: Sequence[float], minimum: int = 0) -> list[int]:
    """`total` split in proportion to `weights` (largest remainders), each part at least
    `minimum` when the total allows it; the parts add up to `total`."""
    n = len(weights)
    if n == 0:
        return []
    base = [minimum] * n if total >= minimum * n else [0] * n
    rest = total - sum(base)
    mass = sum(weights)
    exact = [rest * w / mass for w in weights] if mass > 0 else [rest / n] * n
    parts = [int(x) for x in exact]
    order = sorted(range(n), key=lambda k: (parts[k] - exact[k], k))
    for k in order[: rest - sum(parts)]:
        parts[k] += 1
    return [b + p for b, p in zip(base, parts, strict=True)]


@dataclass
class Context:
    """What every office of one run shares."""

    world: World
    seed: int
    until: dt.date
    password: str  # the hash every generated user gets (unusable unless --password)
    batch: int
    counts: Counter[str] = field(default_factory=Counter)
    slugs: set[str] = field(default_factory=set)
    on_rows: Callable[[], None] = lambda: None
    organizations: list[Any] = field(default_factory=list)  # every one, by name

    @property
    def history_start(self) -> dt.date:
        return add_months(self.until, -12 * YEARS)

    def count(self, model: type[Any], n: int) -> None:
        self.counts[model._meta.label] += n
        self.on_rows()

    def slug_for(self, home: City) -> str:
        base = slugify(home.name_en)[:40] or home.code.replace(":", "-").lower()
        slug, n = f"{PREFIX}{base}", 2
        while slug in self.slugs:
            slug, n = f"{PREFIX}{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug


@dataclass
class Pact:
    p: Partnership
    life: str
    start: int  # the first and last day (ordinals) of its activities
    end: int
    areas: list[CooperationArea]
    twin: bool = False
    renewed: bool = False  # ended, replaced by a new pact with the same city
    weight: float = 0.0
    n: int = 0  # activities


@dataclass
class Spec:
    """An activity before it is written: the pacts (indexes) and areas it concerns."""

    activity: Activity
    pacts: tuple[int, ...]
    areas: tuple[int, ...]
    outcomes: list[tuple[str, Decimal, str, str]]


class OfficeBuilder:
    day = staticmethod(day)
    insert = staticmethod(insert_rows)

    def __init__(self, ctx: Context, index: int, home: City, n_activities: int) -> None:
        self.ctx = ctx
        self.index = index
        self.home = home
        self.n_activities = n_activities
        self.rng = random.Random(f"{ctx.seed}:{index}:{home.code}")
        self.until = ctx.until.toordinal()
        self.home_fa = home.name_fa_display or home.name_en
        self.home_en = home.name_en or home.name_fa_display
        self.areas = ctx.world.areas
        self.area_by_code = ctx.world.area_by_code
        self.pacts: list[Pact] = []

    # ------------------------------------------------------------------ the office

    def build(self, modules: Callable[[OfficeBuilder], None]) -> Office:
        """The office, its pacts and activities, then `modules` (the rows of every other
        module: scale/modules.py, kept apart so that their files may read this one)."""
        self._office()
        self._members()
        self._plan_pacts()
        self._write_pacts()
        self._papers()
        self._activities()
        modules(self)
        self._refresh_health()
        self._index()
        return self.office

    def _office(self) -> None:
        self.office = Office.objects.create(
            slug=self.ctx.slug_for(self.home),
            name_fa=f"اداره کل روابط بین‌الملل شهرداری {self.home_fa}"[:200],
            name_en=f"{self.home_en} Municipality, Department of International Affairs"[:200],
            home_city=self.home,
        )
        self.ctx.count(Office, 1)

    def _members(self) -> None:
        rng = self.rng
        chosen = rng.sample(words.DEPARTMENTS, rng.randint(3, 8))
        self.departments = Department.objects.bulk_create(
            [Department(office=self.office, name_fa=fa, name_en=en) for fa, en in chosen]
        )
        roles: list[tuple[str, str, Department | None]] = [("director", Role.DIRECTOR, None)]
        n_officers = 1 + (self.index < 10) + rng.randint(0, 2)
        roles += [(f"officer-{k}", Role.OFFICER, None) for k in range(1, n_officers + 1)]
        liaison_departments = rng.sample(self.departments, rng.randint(1, min(4, len(chosen))))
        roles += [
            (f"liaison-{k}", Role.LIAISON, d) for k, d in enumerate(liaison_departments, start=1)
        ]
        roles += [(f"viewer-{k}", Role.VIEWER, None) for k in range(1, rng.randint(0, 3) + 1)]
        User = get_user_model()
        users = User.objects.bulk_create(
            [
                User(username=f"{self.office.slug}-{name}", password=self.ctx.password)
                for name, _role, _d in roles
            ]
        )
        OfficeMembership.objects.bulk_create(
            [
                OfficeMembership(user=user, office=self.office, role=role, department=d)
                for user, (_name, role, d) in zip(users, roles, strict=True)
            ]
        )
        self.director = users[0]
        self.editors = users[: 1 + n_officers]  # the director and the officers
        # Who logs activities: a liaison's activity carries their department (as the
        # service does); the director's and the officers' carry none.
        self.loggers: list[tuple[Any, Department | None]] = [
            (u, d) for u, (_n, role, d) in zip(users, roles, strict=True) if role != Role.VIEWER
        ]
        self.ctx.count(Department, len(self.departments))
        self.ctx.count(User, len(users))
        self.ctx.count(OfficeMembership, len(users))

    # ------------------------------------------------------------------ the pacts

    def _plan_pacts(self) -> None:
        rng = self.rng
        low = 10 + int(20 / (self.index + 1) ** 0.5)
        n = rng.randint(min(low, MAX_PACTS), min(MAX_PACTS, low + 15))
        twins = list(self.ctx.world.twins.get(self.home.pk, []))
        rng.shuffle(twins)
        partners: list[tuple[City, int | None, bool]] = [(c, y, True) for c, y in twins[:n]]
        used = {c.pk for c, _y, _t in partners} | {self.home.pk}
        pool = self.ctx.world.foreign
        for k in rng.sample(range(len(pool)), min(len(pool), 3 * n)):
            if len(partners) >= n:
                break
            if pool[k].pk not in used:
                used.add(pool[k].pk)
                partners.append((pool[k], None, False))
        for i, (city, year, twin) in enumerate(partners):
            pact = self._plan_pact(city, year, twin)
            self.pacts.append(pact)
            # Now and then an active pact renews an older one with the same city, which
            # ended (one live pact per partner: an ended one may be renewed).
            if (
                len(self.pacts) + len(partners) - i - 1 < MAX_PACTS
                and pact.p.status == PartnershipStatus.ACTIVE
                and pact.p.signed_on is not None
                and pact.p.signed_on.toordinal() > self.ctx.history_start.toordinal() + 3 * 365
                and rng.random() < 0.06
            ):
                self.pacts.append(self._plan_predecessor(pact))
        ranked = sorted(
            range(len(self.pacts)),
            key=lambda k: PRIORITY[self.pacts[k].life] + 1.2 * rng.random(),
        )
        for rank, k in enumerate(ranked, start=1):
            pact = self.pacts[k]
            pact.weight = (0.2 if pact.life == COURTING else 1.0) / rank**ZIPF

    def _signed(self, year: int | None, earliest_days: int, latest_days: int) -> int:
        """A signing day: the real link's year when known, else between the bounds (days
        before `until`)."""
        rng = self.rng
        if year and 1950 <= year <= self.ctx.until.year - 1:
            ordinal = dt.date(year, rng.randint(1, 12), rng.randint(1, 28)).toordinal()
            return min(ordinal, self.until - earliest_days)
        return self.until - rng.randint(earliest_days, latest_days)

    def _plan_pact(self, city: City, year: int | None, twin: bool) -> Pact:
        rng = self.rng
        status = pick(rng, STATUSES)
        kind = pick(rng, TWIN_KINDS if twin else KINDS)
        history_start = self.ctx.history_start.toordinal()
        signed: int | None = None
        end_reason = ""
        if status == PartnershipStatus.ACTIVE:
            life = pick(rng, ACTIVE_LIVES)
            signed = self._signed(year, 120, 20 * 365)
            start = max(signed, history_start)
            end = {
                LIVELY: self.until - rng.randint(0, 45),
                WEAKENING: self.until - rng.randint(270, 540),
                DORMANT: self.until - rng.randint(730, 3000),
                PAPER: self.until,
            }[life]
        elif status == PartnershipStatus.SUSPENDED:
            life = SUSPENDED
            signed = self._signed(year, 2 * 365, 18 * 365)
            start, end = max(signed, history_start), self.until - rng.randint(200, 1500)
        elif status == PartnershipStatus.ENDED:
            life = ENDED
            signed = self._signed(year, 3 * 365, 18 * 365)
            ended = rng.randint(min(signed + 365, self.until - 60), self.until - 60)
            start, end = max(signed, history_start), ended
            end_reason = rng.choice(words.END_REASONS)
        else:
            life = COURTING
            if status == PartnershipStatus.AWAITING_APPROVAL and rng.random() < 0.5:
                signed = self.until - rng.randint(30, 300)
            start, end = self.until - rng.randint(90, 3 * 365), self.until - rng.randint(0, 60)
        valid_until = None
        if signed is not None and rng.random() < 0.35:
            valid_until = add_months(day(signed), 12 * rng.choice((5, 10)))
        n_areas = rng.randint(1, 5)
        areas = sorted(rng.sample(self.areas, n_areas), key=lambda a: a.code)
        p = Partnership(
            office=self.office,
            partner_city=city,
            kind=kind,
            status=status,
            end_reason=end_reason,
            signed_on=day(signed) if signed is not None else None,
            valid_until=valid_until,
            responsible=rng.choice(self.editors) if rng.random() < 0.85 else None,
            published=rng.random() < 0.25,
            archived=status == PartnershipStatus.ENDED and rng.random() < 0.3,
            version=1,
        )
        self._summaries(p, areas)
        return Pact(p=p, life=life, start=start, end=end, areas=areas, twin=twin)

    def _plan_predecessor(self, successor: Pact) -> Pact:
        """An older pact with the successor's city, ended before the successor was signed."""
        rng = self.rng
        assert successor.p.signed_on is not None
        renewed_on = successor.p.signed_on.toordinal()
        history_start = self.ctx.history_start.toordinal()
        signed = rng.randint(history_start, renewed_on - 2 * 365)
        ended = renewed_on - rng.randint(30, 300)
        areas = successor.areas
        p = Partnership(
            office=self.office,
            partner_city=successor.p.partner_city,
            kind=successor.p.kind,
            status=PartnershipStatus.ENDED,
            end_reason=words.RENEWAL_REASON,
            signed_on=day(signed),
            responsible=successor.p.responsible,
            version=1,
        )
        self._summaries(p, areas)
        return Pact(p=p, life=ENDED, start=signed, end=ended, areas=areas, renewed=True)

    def _summaries(self, p: Partnership, areas: list[CooperationArea]) -> None:
        partner = p.partner_city
        partner_fa = partner.name_fa_display or partner.name_en
        r = self.rng.random()
        if r < 0.9:
            p.summary_fa = (
                f"پیوند {words.KIND_FA[p.kind]} میان {self.home_fa} و {partner_fa}، با تمرکز بر "
                + "، ".join(a.name_fa for a in areas)
                + "."
            )
        if r < 0.6:
            p.summary_en = (
                f"The {words.KIND_EN[p.kind]} between {self.home_en} and {partner.name_en}, "
                "on " + ", ".join(a.name_en.lower() for a in areas) + "."
            )

    def _write_pacts(self) -> None:
        pacts = [pact.p for pact in self.pacts]
        Partnership.objects.bulk_create(pacts, batch_size=self.ctx.batch)
        through = Partnership.areas.through
        n_areas = insert_rows(
            through,
            ("partnership_id", "cooperationarea_id"),
            [(pact.p.pk, a.pk) for pact in self.pacts for a in pact.areas],
        )
        # History: the creation of each pact, as the service records it.
        target_type = ContentType.objects.get_for_model(Partnership)
        events = []
        for pact in self.pacts:
            p = pact.p
            changes: dict[str, Any] = {}
            for name in services.PARTNERSHIP_FIELDS:
                value = plain(getattr(p, name))
                if value not in (None, "", False):
                    changes[name] = [None, value]
            changes["areas"] = [None, [a.code for a in pact.areas]]
            events.append(
                Event(
                    office=self.office,
                    target_type=target_type,
                    target_id=p.pk,
                    actor=self.director,
                    action="created",
                    version=p.version,
                    changes=changes,
                )
            )
        Event.objects.bulk_create(events, batch_size=self.ctx.batch)
        self.ctx.count(Partnership, len(pacts))
        self.ctx.count(through, n_areas)
        self.ctx.count(Event, len(events))

    # ------------------------------------------------------------------ papers and plans

    def _papers(self) -> None:
        approvals: list[Approval] = []
        agreements: list[tuple[Agreement, int]] = []  # with its number of files
        commitments: list[Commitment] = []
        reviews: list[DormancyReview] = []
        for pact in self.pacts:
            approvals += self._approvals(pact)
            agreements += self._agreements(pact)
            commitments += self._commitments(pact)
            review, plan = self._review(pact)
            if review is not None:
                reviews.append(review)
                commitments += plan
        Approval.objects.bulk_create(approvals, batch_size=self.ctx.batch)
        Agreement.objects.bulk_create([a for a, _n in agreements], batch_size=self.ctx.batch)
        files = [
            self._file(agreement, k) for agreement, n_files in agreements for k in range(n_files)
        ]
        AgreementFile.objects.bulk_create(files, batch_size=self.ctx.batch)
        Commitment.objects.bulk_create(commitments, batch_size=self.ctx.batch)
        DormancyReview.objects.bulk_create(reviews, batch_size=self.ctx.batch)
        self.ctx.count(Approval, len(approvals))
        self.ctx.count(Agreement, len(agreements))
        self.ctx.count(AgreementFile, len(files))
        self.ctx.count(Commitment, len(commitments))
        self.ctx.count(DormancyReview, len(reviews))

    def _approvals(self, pact: Pact) -> list[Approval]:
        rng, p = self.rng, pact.p
        bodies = [(ApprovalBody.CITY_COUNCIL, f"شورای اسلامی شهر {self.home_fa}"[:200])]
        if p.kind in ("sister", "friendship"):
            bodies.append((ApprovalBody.MINISTRY, words.MINISTRY))
        if p.status == PartnershipStatus.PROPOSED:
            return []
        if p.status == PartnershipStatus.NEGOTIATING:
            bodies = bodies[:1] if rng.random() < 0.4 else []
        rows = []
        for body, name in bodies:
            if p.status == PartnershipStatus.NEGOTIATING:
                granted = False
            elif p.status == PartnershipStatus.AWAITING_APPROVAL:
                # At least one decision is still awaited: the last body's.
                granted = body == ApprovalBody.CITY_COUNCIL and len(bodies) > 1
                granted = granted and rng.random() < 0.5
            else:  # in force or it was: every approval was granted
                granted = True
            decided = None
            if granted:
                base = p.signed_on or self.ctx.until
                decided = base - dt.timedelta(days=rng.randint(7, 150))
            rows.append(
                Approval(
                    office=self.office,
                    partnership=p,
                    body=body,
                    body_name=name,
                    status=ApprovalStatus.GRANTED if granted else ApprovalStatus.PENDING,
                    decided_on=decided,
                    reference=str(rng.randint(1000, 99999)) if granted else "",
                )
            )
        return rows

    def _agreements(self, pact: Pact) -> list[tuple[Agreement, int]]:
        rng, p = self.rng, pact.p
        if p.signed_on is None:
            return []
        partner_fa = p.partner_city.name_fa_display or p.partner_city.name_en
        main = Agreement(
            office=self.office,
            partnership=p,
            title=f"تفاهم‌نامه {words.KIND_FA[p.kind]} {self.home_fa} و {partner_fa}"[:300],
            languages=rng.choice(words.AGREEMENT_LANGUAGES),
            signatories=f"شهردار {self.home_fa}، شهردار {partner_fa}"[:1000],
            signed_on=p.signed_on,
            valid_until=p.valid_until,
            version=1,
        )
        rows = [(main, rng.randint(1, 2))]
        first, last = p.signed_on.toordinal() + 365, self.until - 30
        if pact.life in (LIVELY, WEAKENING) and first < last and rng.random() < 0.3:
            signed = rng.randint(first, last)
            annex = Agreement(
                office=self.office,
                partnership=p,
                title=rng.choice(words.ANNEX_TITLES),
                languages=main.languages,
                signatories=main.signatories,
                signed_on=day(signed),
                valid_until=add_months(day(signed), 36) if rng.random() < 0.5 else None,
                version=1,
            )
            rows.append((annex, rng.randint(0, 1)))
        return rows

    def _file(self, agreement: Agreement, k: int) -> AgreementFile:
        """The file's record only: no file is written (its download answers 404)."""
        rng = self.rng
        partner = slugify(agreement.partnership.partner_city.name_en)[:60] or "partner"
        suffix = ("fa", "en", "signed")[k % 3]
        return AgreementFile(
            office=self.office,
            agreement=agreement,
            # Where private_upload_to would have put it: partnerships/<office>/<random>.pdf
            file=f"partnerships/{self.office.pk}/{rng.getrandbits(128):032x}.pdf",
            original_name=f"agreement-{partner}-{suffix}.pdf",
            content_type="application/pdf",
            size=rng.randint(60_000, 4_000_000),
            uploaded_by=rng.choice(self.editors),
        )

    def _commitments(self, pact: Pact) -> list[Commitment]:
        rng, p = self.rng, pact.p
        if p.signed_on is None or pact.life not in N_COMMITMENTS:
            return []
        low, high = N_COMMITMENTS[pact.life]
        first = p.signed_on.toordinal() + 90
        closed = pact.end if pact.life == ENDED else self.until  # nothing changes after
        last = min(self.until + 365, closed) if pact.life == ENDED else self.until + 365
        if last <= first:
            return []
        rows = []
        for _ in range(rng.randint(low, high)):
            title, area_code = rng.choice(words.COMMITMENT_TITLES)
            due = rng.randint(first, last)
            rows.append(self._commitment(p, title, area_code, due, DONE_SHARE[pact.life], closed))
        return rows

    def _commitment(
        self, p: Partnership, title: str, area_code: str, due: int, done_share: float, now: int
    ) -> Commitment:
        """A commitment due on `due`, in the state it has reached by `now` (ordinals)."""
        rng = self.rng
        r = rng.random()
        status, done_on, drop_reason = CommitmentStatus.PLANNED, None, ""
        if due <= now:
            if r < done_share:
                status = CommitmentStatus.DONE
                late = rng.random() < 0.25
                done_on = min(now, due + rng.randint(1, 150)) if late else due - rng.randint(0, 60)
            elif r < done_share + 0.08:
                status, drop_reason = CommitmentStatus.DROPPED, rng.choice(words.DROP_REASONS)
            elif rng.random() < 0.5:
                status = CommitmentStatus.IN_PROGRESS
        elif r < 0.08:
            status, done_on = CommitmentStatus.DONE, min(now, due - rng.randint(1, 120))
        elif r < 0.12:
            status, drop_reason = CommitmentStatus.DROPPED, rng.choice(words.DROP_REASONS)
        elif r < 0.5:
            status = CommitmentStatus.IN_PROGRESS
        done = status == CommitmentStatus.DONE
        return Commitment(
            office=self.office,
            partnership=p,
            title=title,
            area=self.area_by_code.get(area_code) if rng.random() < 0.85 else None,
            department=rng.choice(self.departments) if rng.random() < 0.7 else None,
            due_on=day(due),
            status=status,
            done_on=day(done_on) if done_on is not None else None,
            drop_reason=drop_reason,
            evidence_note=rng.choice(words.EVIDENCE_NOTES) if done and rng.random() < 0.4 else "",
            evidence_link=(
                f"https://example.org/evidence/{rng.getrandbits(32):08x}"
                if done and rng.random() < 0.15
                else ""
            ),
            version=1,
        )

    def _review(self, pact: Pact) -> tuple[DormancyReview | None, list[Commitment]]:
        """A dormancy review of some dormant pacts (revived, with a plan that has not
        worked so far) and of some ended ones (retired by the review)."""
        rng, p = self.rng, pact.p
        if p.status == PartnershipStatus.ACTIVE and pact.life in (DORMANT, PAPER):
            if rng.random() >= 0.25 or p.signed_on is None:
                return None, []
            decided = self.until - rng.randint(120, 900)
            if decided < p.signed_on.toordinal() + 540:
                return None, []
            deadline = decided + rng.randint(60, 240)
            plan = rng.sample(words.COMMITMENT_TITLES, rng.randint(1, 3))
            letter_fa, letter_en = revive_letters(p, day(deadline), [t for t, _a in plan])
            review = DormancyReview(
                office=self.office,
                partnership=p,
                decision=ReviewDecision.REVIVE,
                decided_by=self.director,
                decided_on=day(decided),
                score_at_review=rng.randint(0, 29),
                deadline=day(deadline),
                letter_fa=letter_fa,
                letter_en=letter_en,
            )
            commitments = [
                self._commitment(p, title, area, deadline, 0.2, self.until) for title, area in plan
            ]
            return review, commitments
        if pact.life == ENDED and not pact.renewed and rng.random() < 0.5:
            letter_fa, letter_en = retire_letters(p)
            review = DormancyReview(
                office=self.office,
                partnership=p,
                decision=ReviewDecision.RETIRE,
                decided_by=self.director,
                decided_on=day(pact.end),
                score_at_review=rng.randint(0, 29),
                reason=p.end_reason,
                letter_fa=letter_fa,
                letter_en=letter_en,
            )
            return review, []
        return None, []

    # ------------------------------------------------------------------ activities

    def _activities(self) -> None:
        rng, pacts = self.rng, self.pacts
        paper = [rng.choice((0, 0, 0, 1, 2, 3)) if pact.life == PAPER else 0 for pact in pacts]
        if sum(paper) > self.n_activities:
            paper = [0] * len(pacts)
        eligible = [
            k for k, pact in enumerate(pacts) if pact.life != PAPER and pact.end >= pact.start
        ]
        if not eligible:  # an office of paper pacts only: they get the letters
            eligible = list(range(len(pacts)))
        shares = apportion(
            self.n_activities - sum(paper), [pacts[k].weight for k in eligible], minimum=1
        )
        counts = list(paper)
        for k, share in zip(eligible, shares, strict=True):
            counts[k] += share
        specs: list[Spec] = []
        for k, (pact, n) in enumerate(zip(pacts, counts, strict=True)):
            pact.n = n
            for m in range(n):
                # The last activity on the last day of its life: a lively pact is lively.
                ordinal = pact.end if m == 0 else rng.randint(pact.start, max(pact.start, pact.end))
                specs.append(self._activity(k, pact, min(ordinal, self.until)))
        self._write_activities(specs)

    def _activity(self, k: int, pact: Pact, ordinal: int) -> Spec:
        rng = self.rng
        pact_areas = pact.areas
        area_ids: set[int] = set()
        if pact.life in (PAPER, COURTING) or rng.random() < 0.15:
            kind, title = "correspondence", rng.choice(words.CORRESPONDENCE_TITLES)
            if pact.life == COURTING and rng.random() < 0.4:
                kind, title = "online_meeting", "نشست برخط برای بررسی پیوند همکاری"
            if rng.random() < 0.3:
                area_ids.add(rng.choice(pact_areas).pk)
        else:
            kind, _initiated, area_code, title = rng.choice(words.TITLES)
            area = self.area_by_code.get(area_code)
            if area is not None and rng.random() < 0.9:
                area_ids.add(area.pk)
            if rng.random() < 0.25:
                area_ids.add(rng.choice(pact_areas).pk)
        user, department = rng.choice(self.loggers)
        activity = Activity(
            office=self.office,
            date=day(ordinal),
            kind=kind,
            initiated_by=pick(rng, INITIATED),
            title=title,
            description=rng.choice(words.DESCRIPTIONS) if rng.random() < 0.2 else "",
            participants=(
                None if rng.random() < 0.35 else min(5000, int(rng.lognormvariate(2.8, 1.0)) + 1)
            ),
            published=rng.random() < 0.1,
            department=department,
            created_by=user,
            version=1,
        )
        links = [k]
        if rng.random() < 0.03:  # a joint event with a second partner of the office
            other = rng.randrange(len(self.pacts))
            second = self.pacts[other]
            if other != k and second.life != PAPER and second.start <= ordinal <= second.end:
                links.append(other)
        outcomes = []
        if rng.random() < OUTCOME_CHANCE.get(kind, 0.09):
            for _ in range(2 if rng.random() < 0.15 else 1):
                o_kind, value, unit = rng.choice(words.OUTCOME_TEMPLATES)
                amount = Decimal(str(value * rng.uniform(0.5, 3.0))).quantize(words.CENT)
                outcomes.append((o_kind, amount, unit, rng.choice(words.OUTCOME_NOTES)))
        return Spec(activity, tuple(links), tuple(sorted(area_ids)), outcomes)

    def _write_activities(self, specs: list[Spec]) -> None:
        batch = self.ctx.batch
        pact_ids = [pact.p.pk for pact in self.pacts]
        for start in range(0, len(specs), batch):
            chunk = specs[start : start + batch]
            Activity.objects.bulk_create([s.activity for s in chunk], batch_size=batch)
            links = insert_rows(
                Activity.partnerships.through,
                ("activity_id", "partnership_id"),
                [(s.activity.pk, pact_ids[k]) for s in chunk for k in s.pacts],
            )
            areas = insert_rows(
                Activity.areas.through,
                ("activity_id", "cooperationarea_id"),
                [(s.activity.pk, area_id) for s in chunk for area_id in s.areas],
            )
            outcomes = [
                Outcome(
                    office=self.office,
                    activity=s.activity,
                    kind=kind,
                    value=value,
                    unit=unit,
                    note=note,
                    version=1,
                )
                for s in chunk
                for kind, value, unit, note in s.outcomes
            ]
            Outcome.objects.bulk_create(outcomes, batch_size=batch)
            self.ctx.count(Activity.partnerships.through, links)
            self.ctx.count(Activity.areas.through, areas)
            self.ctx.count(Outcome, len(outcomes))
            self.ctx.count(Activity, len(chunk))

    # ------------------------------------------------------------------ other modules

    def _index(self) -> None:
        """The search documents of every searchable record of the office, Persian and
        English, by the search app's own indexer (after the scores: they are read)."""
        for kind in kinds():
            if any(f.name == "office" for f in kind.model._meta.concrete_fields):
                ids = kind.model._base_manager.filter(office=self.office).values_list(
                    "pk", flat=True
                )
                self.ctx.count(SearchDocument, index_new(kind, list(ids)))

    # ------------------------------------------------------------------ health

    def _refresh_health(self) -> None:
        """The stored scores, by the daily refresh's own function, as of `until`."""
        chunk: list[Partnership] = []
        size = 0
        for pact in self.pacts:
            if chunk and size + pact.n > HEALTH_CHUNK:
                services.health_refresh(partnerships=chunk, today=self.ctx.until)
                chunk, size = [], 0
            chunk.append(pact.p)
            size += pact.n
        if chunk:
            services.health_refresh(partnerships=chunk, today=self.ctx.until)
