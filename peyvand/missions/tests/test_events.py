"""The events' services and selectors: every rule, roles, locking, deletion, filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.core.validation import NotAllowedNow
from peyvand.missions import selectors, services
from peyvand.missions.models import Event
from peyvand.organizations.models import Organization
from peyvand.partnerships.tests.factories import area
from peyvand.places.tests.factories import make_city
from peyvand.records.models import Event as HistoryEntry

from .people_factories import TODAY, make_event, make_mission

START = dt.date(2026, 6, 1)


def _refused(office: Any, **kw: Any) -> dict[str, list[str]]:
    kw.setdefault("starts_on", START)
    kw.setdefault("ends_on", START)
    with pytest.raises(ValidationError) as caught:
        services.event_create(office=office, actor=SYSTEM, **kw)
    assert not Event.objects.exists()
    return caught.value.message_dict


def test_an_officer_adds_an_event(office: Any) -> None:
    officer = make_member(office, "officer")
    unido = Organization.objects.get(acronym="UNIDO")
    vienna = make_city("Vienna", country="AT")
    event = services.event_create(
        office=office,
        actor=officer,
        title_en=" Bridge   for Cities ",
        kind="forum",
        organizer_organization=unido,
        host_city=vienna,
        starts_on=START,
        ends_on=START + dt.timedelta(days=2),
        areas=[area("economy")],
        website="https://www.unido.org/bridge",
    )
    event.refresh_from_db()
    assert event.title_en == "Bridge for Cities"
    assert [a.code for a in event.areas.all()] == ["economy"]
    entry = HistoryEntry.objects.get(subject=f"event:{event.pk}")
    assert entry.action == "event_created" and entry.actor == officer.user


@pytest.mark.parametrize("role", ["viewer", "liaison"])
def test_a_viewer_or_liaison_cannot_write_events(office: Any, role: str) -> None:
    member = make_member(office, role)
    event = make_event(office)
    with pytest.raises(PermissionDenied):
        services.event_create(
            office=office, actor=member, title_en="X", starts_on=START, ends_on=START
        )
    with pytest.raises(PermissionDenied):
        services.event_update(event=event, actor=member, expected_version=None, data={})
    with pytest.raises(PermissionDenied):
        services.event_delete(event=event, actor=member)
    assert Event.objects.count() == 1


def test_an_event_needs_a_title_and_its_dates_in_order(office: Any) -> None:
    assert "title_fa" in _refused(office, title_fa=" ", title_en="")
    assert "ends_on" in _refused(office, title_en="A", ends_on=START - dt.timedelta(days=1))
    assert "starts_on" in _refused(office, title_en="A", starts_on=None)
    assert "starts_on" in _refused(office, title_en="A", starts_on=dt.date(1800, 1, 1))


def test_the_organiser_is_an_organisation_or_a_city_not_both(office: Any) -> None:
    errors = _refused(
        office,
        title_en="A",
        organizer_organization=Organization.objects.get(acronym="UNIDO"),
        organizer_city=make_city("Vienna"),
    )
    assert "organizer_city" in errors


def test_the_website_must_be_http(office: Any) -> None:
    assert "website" in _refused(office, title_en="A", website="javascript:alert(1)")
    assert "website" in _refused(office, title_en="A", website="ftp://example.org")
    assert "kind" in _refused(office, title_en="A", kind="party")


def test_an_edit_is_locked_by_version(office: Any) -> None:
    event = make_event(office)
    services.event_update(
        event=event, actor=SYSTEM, expected_version=1, data={"title_fa": "همایش شهری"}
    )
    event.refresh_from_db()
    assert event.version == 2 and event.title_fa == "همایش شهری"
    with pytest.raises(services.StaleVersion) as caught:
        services.event_update(
            event=event, actor=SYSTEM, expected_version=1, data={"title_en": "Other"}
        )
    assert [e.action for e in caught.value.events] == ["event_updated"]
    with pytest.raises(ValidationError):
        services.event_update(
            event=event, actor=SYSTEM, expected_version=2, data={"ends_on": dt.date(2000, 1, 1)}
        )
    event.refresh_from_db()
    assert event.version == 2 and event.title_en == "Urban forum"


def test_an_event_with_missions_is_not_deleted(office: Any) -> None:
    event = make_event(office)
    make_mission(office, event=event)
    with pytest.raises(NotAllowedNow):
        services.event_delete(event=event, actor=SYSTEM)
    assert Event.objects.filter(pk=event.pk).exists()
    free = make_event(office, title_en="Free")
    with pytest.raises(services.StaleVersion):
        services.event_delete(event=free, actor=SYSTEM, expected_version=9)
    services.event_delete(event=free, actor=SYSTEM, expected_version=1)
    assert not Event.objects.filter(pk=free.pk).exists()


def test_the_list_filters_and_sorts(office: Any, other_office: Any) -> None:
    past = make_event(office, title_en="Old summit", kind="summit", starts_on=dt.date(2020, 3, 1))
    soon = make_event(office, title_fa="همایش نزدیک", starts_on=TODAY + dt.timedelta(days=3))
    later = make_event(
        office, title_en="Later fair", kind="fair", starts_on=TODAY + dt.timedelta(days=90)
    )
    make_event(other_office)

    def found(**filters: Any) -> list[Event]:
        return list(selectors.event_list(office=office, filters=filters))

    assert found() == [later, soon, past]
    assert found(when="upcoming") == [soon, later]
    assert found(when="past") == [past]
    assert found(kind="summit") == [past]
    assert found(year="2020") == [past]
    assert found(q="نزدیک") == [soon]
    assert found(sort="date") == [past, soon, later]
    assert 2020 in selectors.event_years(office=office)


def test_the_missions_of_an_event_are_the_offices(office: Any) -> None:
    event = make_event(office)
    mission = make_mission(office, event=event)
    assert list(selectors.event_missions(event=event)) == [mission]
