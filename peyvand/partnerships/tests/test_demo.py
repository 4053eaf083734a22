"""The demo: Tehran's Wikipedia-listed links become pacts with an illustrative history."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.tests.factories import make_department
from peyvand.partnerships.demo import load_demo_partnerships
from peyvand.partnerships.models import Partnership
from peyvand.places.tests.factories import make_city, make_twinning

from .factories import with_home_city


def test_demo_does_nothing_without_the_world(office: Any) -> None:
    message = load_demo_partnerships(office)
    assert "not imported" in message
    assert not Partnership.objects.exists()


def test_demo_builds_the_promised_mix_deterministically(office: Any, other_office: Any) -> None:
    for o in (office, other_office):
        make_department(o, "Transport")
    with_home_city(office, code="gn:112931")
    for i in range(16):
        make_twinning(office.home_city, make_city(f"Partner {i:02d}", country="DE"))
    for i in range(5):
        make_twinning(
            office.home_city, make_city(f"Other {i}", country="FR"), sources="wikidata_p190_2016"
        )
    message = load_demo_partnerships(office)
    assert "Created 16" in message
    pacts = list(Partnership.objects.filter(office=office))
    assert len(pacts) == 16
    assert all(p.is_demo and p.kind == "sister" for p in pacts)
    assert len({p.partner_city_id for p in pacts}) == len(pacts)  # one live pact per partner
    labels = [p.health_label for p in pacts]
    assert labels.count("active") >= 2
    assert labels.count("weakening") >= 3
    assert sum(p.paper_only for p in pacts) >= 8
    assert "exist already" in load_demo_partnerships(office)
    # Same world, same day: the same demo.
    other_office.home_city = office.home_city
    other_office.save()
    load_demo_partnerships(other_office)
    mine = sorted((p.partner_city_id, p.health_score) for p in pacts)
    theirs = sorted(
        (p.partner_city_id, p.health_score) for p in Partnership.objects.filter(office=other_office)
    )
    assert mine == theirs
