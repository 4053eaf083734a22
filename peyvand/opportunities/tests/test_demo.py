"""The demo opportunities: loaded once, with a pitch in talks with a development bank, two
calls and an application in preparation whose call's deadline raises the alert."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from peyvand.accounts.alerts import office_alerts
from peyvand.missions.demo.people import load_demo_people
from peyvand.opportunities.demo import load_demo_opportunities
from peyvand.opportunities.models import Application, FundingCall, InterestedParty, Pitch
from peyvand.partnerships.tests.factories import make_partnership, with_home_city

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 15)


def test_the_demo_loads_once_and_shows_the_deadline_alert(office: Any, other_office: Any) -> None:
    with_home_city(office)
    pact = make_partnership(office, is_demo=True)
    load_demo_people(office, today=TODAY)
    said = load_demo_opportunities(office, today=TODAY)
    assert said == "Demo opportunities: 2 pitches, 2 funding calls, 1 application in preparation."
    assert load_demo_opportunities(office, today=TODAY) == "Demo opportunities: already loaded."
    pitches = {p.status: p for p in Pitch.objects.for_office(office)}
    assert set(pitches) == {"in_talks", "offered"} and all(p.is_demo for p in pitches.values())
    (bank,) = InterestedParty.objects.filter(pitch=pitches["in_talks"])
    assert bank.organization is not None and bank.organization.kind == "development_bank"
    assert bank.follow_ups.filter(done=True).count() == 1
    assert bank.follow_ups.filter(done=False, date__gt=TODAY).count() == 1
    kinds = {p.kind for p in InterestedParty.objects.filter(pitch=pitches["offered"])}
    assert kinds == {"city", "contact"}
    assert FundingCall.objects.for_office(office).count() == 2
    (application,) = Application.objects.for_office(office)
    assert application.status == "preparation" and application.pitch == pitches["offered"]
    assert list(application.partner_cities.all()) == [pact.partner_city]
    assert TODAY < application.call.deadline <= TODAY + dt.timedelta(days=21)
    alerts = [a for a in office_alerts(office, TODAY) if a.module == "opportunities"]
    assert [a.kind for a in alerts] == ["call_deadline"]
    persian = pitches["in_talks"].description_fa + pitches["offered"].description_fa
    assert "\u200c" in persian  # written with ZWNJ: می‌رساند، مشارکت عمومی‌خصوصی
    assert not Pitch.objects.for_office(other_office).exists()


def test_the_demo_works_on_an_empty_office_and_organisation_table(office: Any) -> None:
    from peyvand.organizations.models import Organization

    Organization.objects.filter(acronym__in=["ADB", "WB", "AIIB"]).delete()
    load_demo_opportunities(office, today=TODAY)
    assert Organization.objects.filter(acronym__in=["ADB", "WB", "AIIB"]).count() == 3
    assert Pitch.objects.count() == 2 and Application.objects.get().partner_cities.count() == 0
