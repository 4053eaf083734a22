"""The demo portal: Tehran's liveliest pacts with what they delivered, the adopted
practice, a pitch, an upcoming event and the Vienna mission's public summary; loaded once,
through the publishing services."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from peyvand.knowledge.demo import load_demo_practices
from peyvand.missions.demo.missions import load_demo_missions
from peyvand.missions.demo.people import load_demo_people
from peyvand.opportunities.demo import load_demo_opportunities
from peyvand.partnerships.models import Partnership
from peyvand.partnerships.tests.factories import log, make_partnership, with_home_city
from peyvand.places.tests.factories import make_city
from peyvand.portal import selectors
from peyvand.portal.demo import load_demo_portal
from peyvand.records.history import history_of

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_the_demo_portal_tells_the_story_once(office: Any) -> None:
    with_home_city(office)
    make_city("Vienna", country="AT", code="gn:2761369")
    make_city("Berlin", country="DE", code="gn:2950159")
    pacts = [make_partnership(office, is_demo=True) for _ in range(6)]
    log(office, pacts[0], TODAY, outcomes=[{"kind": "people", "value": 4}])
    load_demo_missions(office, people=load_demo_people(office, today=TODAY), today=TODAY)
    load_demo_practices(office, today=TODAY)
    load_demo_opportunities(office, today=TODAY)
    said = load_demo_portal(office, today=TODAY)
    assert said.startswith("Demo portal: 4 partnerships")
    public = list(selectors.public_pacts(office))
    assert len(public) == 4 and pacts[0] in public
    assert "published" in [e.action for e in history_of(pacts[0])]
    assert selectors.public_activities(office).exists()
    assert selectors.public_practices(office).count() == 1
    assert selectors.public_pitches(office).exists()
    assert selectors.public_events(office, TODAY).exists()
    mission = selectors.pact_missions(pacts[0]).first()
    assert mission is not None and "وین" in mission.public_summary_fa
    assert selectors.shows_health(office)
    assert load_demo_portal(office, today=TODAY) == "The demo portal is published already."
    assert Partnership.objects.filter(published=True).count() == 4
