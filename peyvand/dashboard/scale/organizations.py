"""An office's memberships in international organisations: seats held, obligations, fees.

Rules kept: one membership per organisation; a member since a day in the past; a paid fee
paid on or before `until`; a seat's term ends after it starts; an obligation done on a day
no later than `until`. Drawn from the office's own `random.Random`, after its activities.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from peyvand.organizations.models import (
    Membership,
    MembershipStatus,
    Obligation,
    Organization,
    RoleHeld,
)

from . import vocabulary as words
from .draw import day, pick

if TYPE_CHECKING:
    from .build import OfficeBuilder

STATUSES = [
    (MembershipStatus.MEMBER, 75),
    (MembershipStatus.APPLIED, 10),
    (MembershipStatus.SUSPENDED, 5),
    (MembershipStatus.LEFT, 10),
]


def organizations() -> list[Organization]:
    """Every organisation, in an order of the data (not of ids)."""
    return list(Organization.objects.order_by("name_en"))


def build_memberships(b: OfficeBuilder, orgs: list[Organization]) -> list[Membership]:

    rng, until = b.rng, b.until
    n = min(len(orgs), 2 + int(14 / (b.index + 1) ** 0.5) + rng.randint(0, 2))
    memberships: list[Membership] = []
    for org in sorted(rng.sample(orgs, n), key=lambda o: o.name_en):
        status = pick(rng, STATUSES)
        since = None if status == MembershipStatus.APPLIED else until - rng.randint(200, 20 * 365)
        fee = (
            Decimal(rng.randrange(1_000, 60_000, 500))
            if status != MembershipStatus.APPLIED
            else None
        )
        due = paid = None
        if fee is not None and status == MembershipStatus.MEMBER:
            due = until + rng.randint(-120, 240)
            if (due <= until and rng.random() < 0.7) or rng.random() < 0.2:
                paid = min(until, due - rng.randint(0, 60))
        memberships.append(
            Membership(
                office=b.office,
                organization=org,
                status=status,
                since=day(since) if since is not None else None,
                annual_fee=fee,
                fee_currency=rng.choice(words.FEE_CURRENCIES) if fee is not None else "",
                fee_due_on=day(due) if due is not None else None,
                fee_paid_on=day(paid) if paid is not None else None,
                focal_person=rng.choice(b.editors) if rng.random() < 0.8 else None,
                notes=rng.choice(words.MEMBERSHIP_NOTES),
                version=1,
            )
        )
    Membership.objects.bulk_create(memberships, batch_size=b.ctx.batch)
    roles: list[RoleHeld] = []
    obligations: list[Obligation] = []
    for m in memberships:
        if m.status == MembershipStatus.MEMBER and rng.random() < 0.35:
            kind, title = rng.choice(words.SEATS)
            start = until - rng.randint(0, 4 * 365)
            roles.append(
                RoleHeld(
                    office=b.office,
                    membership=m,
                    kind=kind,
                    title=title,
                    term_start=day(start),
                    term_end=day(start + rng.choice((2, 3, 4)) * 365),
                    version=1,
                )
            )
        if m.status in (MembershipStatus.MEMBER, MembershipStatus.SUSPENDED):
            for _ in range(rng.randint(0, 4)):
                kind, title = rng.choice(words.OBLIGATIONS)
                due = until + rng.randint(-700, 300)
                done = due - rng.randint(0, 30) if due <= until and rng.random() < 0.8 else None
                obligations.append(
                    Obligation(
                        office=b.office,
                        membership=m,
                        kind=kind,
                        title=title,
                        due_on=day(due),
                        done_on=day(done) if done is not None else None,
                        version=1,
                    )
                )
    RoleHeld.objects.bulk_create(roles, batch_size=b.ctx.batch)
    Obligation.objects.bulk_create(obligations, batch_size=b.ctx.batch)
    b.ctx.count(Membership, len(memberships))
    b.ctx.count(RoleHeld, len(roles))
    b.ctx.count(Obligation, len(obligations))
    return memberships
