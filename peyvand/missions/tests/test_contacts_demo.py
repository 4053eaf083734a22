"""The demo people and events: made once, by key, on an empty atlas too."""

from __future__ import annotations

from typing import Any

from peyvand.missions.demo.people import load_demo_people
from peyvand.missions.models import Contact, Event
from peyvand.partnerships.tests.factories import make_partnership, with_home_city
from peyvand.places.tests.factories import make_city

from .people_factories import TODAY


def test_the_demo_makes_people_and_events_by_key_once(office: Any, other_office: Any) -> None:
    with_home_city(office)
    vienna = make_city("Vienna", country="AT", code="gn:2761369")
    pact = make_partnership(office, is_demo=True)
    made = load_demo_people(office, today=TODAY)
    assert set(made) == {
        "ambassador_1",
        "ambassador_2",
        "official",
        "unido_staff",
        "embassy_staff",
        "event_unido",
        "event_congress",
    }
    assert all(r.is_demo and r.office_id == office.pk for r in made.values())
    assert made["ambassador_1"].kind == "city_ambassador" and made["ambassador_1"].tags
    assert made["ambassador_2"].languages
    assert list(made["official"].partnerships.all()) == [pact]
    assert made["official"].city == pact.partner_city
    assert made["unido_staff"].organization.acronym == "UNIDO"
    assert made["embassy_staff"].kind == "embassy_staff"
    unido = made["event_unido"]
    assert unido.host_city == vienna and unido.organizer_organization.acronym == "UNIDO"
    assert unido.starts_on > TODAY > made["event_congress"].ends_on
    again = load_demo_people(office, today=TODAY)
    assert {k: v.pk for k, v in again.items()} == {k: v.pk for k, v in made.items()}
    assert Contact.objects.count() == 5 and Event.objects.count() == 2
    assert not Contact.objects.for_office(other_office).exists()


def test_the_demo_works_on_an_empty_atlas(office: Any) -> None:
    made = load_demo_people(office, today=TODAY)
    assert made["event_unido"].host_city is None
    assert made["official"].city is None and not made["official"].partnerships.exists()
    assert len(made) == 7
