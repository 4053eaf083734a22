"""The demo memberships: created once, and their alerts are the ones the demo shows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peyvand.accounts.tests.factories import make_member
from peyvand.organizations.demo import load_demo_memberships
from peyvand.organizations.models import Membership, Obligation, RoleHeld
from peyvand.organizations.selectors import fee_state, membership_alerts

TODAY = dt.date(2026, 6, 15)


def test_the_demo_memberships_load_once_with_their_alerts(office: Any) -> None:
    officer = make_member(office, "officer")
    summary = load_demo_memberships(office, today=TODAY)
    assert summary == "Demo memberships: 5 memberships, 3 seats held, 4 obligations."
    assert load_demo_memberships(office, today=TODAY) == "Demo memberships: already loaded."
    assert Membership.objects.for_office(office).count() == 5
    assert RoleHeld.objects.count() == 3
    assert Obligation.objects.count() == 4
    by = {m.organization.acronym: m for m in Membership.objects.select_related("organization")}
    assert all(m.is_demo and m.focal_person == officer.user for m in by.values())
    assert by["UNIDO"].status == "applied"
    assert by["Metropolis"].since == dt.date(1985, 4, 24)
    assert fee_state(by["OICC"], TODAY) == "paid"
    assert by["UCLG"].roles.get().kind == "board"
    alerts = {(a.kind, a.acronym) for a in membership_alerts(office=office, today=TODAY)}
    assert alerts == {
        ("fee_due", "UCLG"),
        ("obligation_overdue", "Metropolis"),
        ("obligation_due", "AMF"),
    }


def test_without_an_officer_there_is_no_focal_person(office: Any) -> None:
    load_demo_memberships(office, today=TODAY)
    assert not Membership.objects.filter(focal_person__isnull=False).exists()
