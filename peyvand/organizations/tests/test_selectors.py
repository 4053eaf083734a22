"""The reads: the fee's derived state, the alerts around their thresholds, the lists."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

import pytest

from peyvand.accounts.actors import SYSTEM
from peyvand.organizations import selectors, services
from peyvand.organizations.models import Membership
from peyvand.organizations.selectors import FeeState, fee_state, fee_state_filter

from .factories import make_membership, shipped

TODAY = dt.date(2026, 6, 15)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("fee", "due", "paid", "state"),
    [
        (None, None, None, FeeState.NONE),
        (Decimal(100), None, None, FeeState.DUE),
        (Decimal(100), days(10), None, FeeState.DUE),
        (Decimal(100), TODAY, None, FeeState.DUE),
        (Decimal(100), days(-1), None, FeeState.OVERDUE),
        (None, days(-30), None, FeeState.OVERDUE),
        (Decimal(100), days(-1), days(-5), FeeState.PAID),
        (Decimal(100), days(30), days(-5), FeeState.PAID),
    ],
)
def test_the_fee_state_is_derived_from_its_dates(
    fee: Decimal | None, due: dt.date | None, paid: dt.date | None, state: str
) -> None:
    m = Membership(annual_fee=fee, fee_due_on=due, fee_paid_on=paid)
    assert fee_state(m, TODAY) == state


def test_the_list_filter_agrees_with_the_fee_state(office: Any) -> None:
    """Every combination: the database filter puts each membership in its one state."""
    fees = [None, Decimal(10)]
    dues = [None, days(-1), TODAY, days(1)]
    paids = [None, days(-3)]
    orgs = iter(
        [shipped(a) for a in ("UCLG", "Metropolis", "ICLEI", "CityNet", "C40", "UN-Habitat")]
        + [
            services.organization_create(office=office, actor=SYSTEM, name_en=f"O{i}")
            for i in range(10)
        ]
    )
    for fee, due, paid in itertools.product(fees, dues, paids):
        make_membership(
            office,
            next(orgs),
            annual_fee=fee,
            fee_currency="EUR" if fee else "",
            fee_due_on=due,
            fee_paid_on=paid,
        )
    all_ms = list(Membership.objects.all())
    for state in FeeState.values:
        listed = set(Membership.objects.filter(fee_state_filter(state, TODAY)))
        assert listed == {m for m in all_ms if fee_state(m, TODAY) == state}, state


def kinds(office: Any) -> list[str]:
    return [a.kind for a in selectors.membership_alerts(office=office, today=TODAY)]


@pytest.mark.parametrize(
    ("due", "kind"),
    [
        (days(61), None),
        (days(60), "fee_due"),
        (days(1), "fee_due"),
        (TODAY, "fee_due"),
        (days(-1), "fee_overdue"),
        (days(-400), "fee_overdue"),
    ],
)
def test_the_fee_alerts_around_their_thresholds(
    office: Any, due: dt.date, kind: str | None
) -> None:
    make_membership(office, shipped("UCLG"), fee_due_on=due)
    assert kinds(office) == ([kind] if kind else [])


@pytest.mark.parametrize(
    ("due", "kind"),
    [
        (days(31), None),
        (days(30), "obligation_due"),
        (TODAY, "obligation_due"),
        (days(-1), "obligation_overdue"),
    ],
)
def test_the_obligation_alerts_around_their_thresholds(
    office: Any, due: dt.date, kind: str | None
) -> None:
    m = make_membership(office, shipped("Metropolis"))
    services.obligation_create(membership=m, actor=SYSTEM, kind="report", title="R", due_on=due)
    assert kinds(office) == ([kind] if kind else [])


def test_a_paid_fee_a_done_obligation_and_a_left_membership_raise_nothing(
    office: Any,
) -> None:
    make_membership(office, shipped("OICC"), fee_due_on=days(-5), fee_paid_on=days(-6))
    m = make_membership(office, shipped("Metropolis"))
    o = services.obligation_create(
        membership=m, actor=SYSTEM, kind="report", title="R", due_on=days(-10)
    )
    services.obligation_mark_done(obligation=o, actor=SYSTEM, done_on=days(-9))
    left = make_membership(office, shipped("C40"), status="left", fee_due_on=days(-3))
    services.obligation_create(
        membership=left, actor=SYSTEM, kind="vote", title="V", due_on=days(-3)
    )
    assert kinds(office) == []


def test_alerts_are_the_offices_own_and_urgent_when_overdue(office: Any, other_office: Any) -> None:
    make_membership(other_office, shipped("UCLG"), fee_due_on=days(-5))
    make_membership(office, shipped("UCLG"), fee_due_on=days(5))
    [alert] = selectors.membership_alerts(office=office, today=TODAY)
    assert (alert.kind, alert.urgent) == ("fee_due", False)
    [theirs] = selectors.membership_alerts(office=other_office, today=TODAY)
    assert theirs.urgent


def test_the_membership_list_filters_and_shows_the_next_obligation(office: Any) -> None:
    uclg = make_membership(office, shipped("UCLG"), fee_due_on=days(-2))
    make_membership(office, shipped("C40"), status="applied")
    for title, due in (("Later", days(40)), ("Sooner", days(3))):
        services.obligation_create(
            membership=uclg, actor=SYSTEM, kind="report", title=title, due_on=due
        )
    rows = list(selectors.membership_list(office=office, filters={}, today=TODAY))
    assert [r.organization.acronym for r in rows] == ["C40", "UCLG"]
    assert (vars(rows[1])["next_title"], vars(rows[1])["next_due_on"]) == ("Sooner", days(3))
    assert vars(rows[0])["next_title"] is None

    def listed(**filters: str) -> list[str]:
        qs = selectors.membership_list(office=office, filters=filters, today=TODAY)
        return [m.organization.acronym for m in qs]

    assert listed(status="applied") == ["C40"]
    assert listed(fee="overdue") == ["UCLG"]
    assert listed(fee="none") == ["C40"]
    assert listed(q="citie") == ["C40", "UCLG"]
    assert listed(status="bogus") == ["C40", "UCLG"]


def test_the_organisation_list_says_which_the_office_is_a_member_of(
    office: Any, other_office: Any
) -> None:
    make_membership(office, shipped("UCLG"))
    make_membership(other_office, shipped("C40"))
    rows = {
        o.acronym: vars(o)["is_ours"]
        for o in selectors.organization_list(office=office, filters={})
    }
    assert rows["UCLG"] is True
    assert rows["C40"] is False

    def listed(**filters: str) -> set[str]:
        return {o.acronym for o in selectors.organization_list(office=office, filters=filters)}

    assert listed(kind="development_bank") == {"WB", "ADB", "IsDB", "AIIB"}
    assert listed(q="metropol") == {"Metropolis"}
    assert listed(q="بانک جهانی") == {"WB"}
    assert listed(ours="1") == {"UCLG"}
