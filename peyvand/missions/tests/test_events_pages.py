"""The events pages in Persian and English: the list (upcoming, past, filters), the detail
with the office's missions, the forms (locking, refusals), the deletion (refused while a
mission names the event), another office's events answering 404, bounded queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peyvand.missions.models import Event
from peyvand.organizations.models import Organization
from peyvand.partnerships.tests.dom import Element, parse
from peyvand.places.tests.factories import make_city

from .people_factories import TODAY, make_event, make_mission, url


def soup(response: Any) -> Element:
    assert response.status_code == 200, response.status_code
    return parse(response.content.decode())


def _form(**kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title_en": "Bridge for Cities",
        "kind": "forum",
        "starts_on": "2026-10-05",
        "ends_on": "2026-10-07",
    }
    data.update(kw)
    return data


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_list_shows_upcoming_and_past_events(
    office: Any, member_client: Any, lang: str
) -> None:
    soon = make_event(office, title_fa="همایش شهرها")
    past = make_event(office, title_en="Old summit", starts_on=dt.date(2020, 5, 1))
    client = member_client(office, "viewer")
    page = soup(client.get(url("events:list", office, lang)))
    assert len(page.select("[data-event-row]")) == 2
    assert page.one(f"[data-event-row={soon.pk}] [data-upcoming]")
    assert page.select_one(f"[data-event-row={past.pk}] [data-upcoming]") is None
    page = soup(client.get(url("events:list", office, lang) + "?when=past"))
    assert [r["data-event-row"] for r in page.select("[data-event-row]")] == [str(past.pk)]
    page = soup(client.get(url("events:list", office, lang) + "?kind=fair&year=abc&when=x"))
    assert page.one("[data-empty]")


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_detail_lists_the_offices_missions_to_the_event(
    office: Any, member_client: Any, lang: str
) -> None:
    event = make_event(
        office,
        organizer_organization=Organization.objects.get(acronym="UNIDO"),
        host_city=make_city("Vienna", country="AT"),
        website="https://www.unido.org",
    )
    mission = make_mission(office, event=event, title_en="Delegation to the forum")
    page = soup(
        member_client(office, "officer").get(url("events:detail", office, lang, pk=event.pk))
    )
    row = page.one(f"[data-event-missions] [data-event-mission={mission.pk}]")
    assert "Delegation to the forum" in row.get_text()
    assert page.one("[data-event-edit]") and page.one("[data-event-delete]")


def test_an_officer_adds_an_event(office: Any, member_client: Any) -> None:
    vienna = make_city("Vienna", country="AT")
    client = member_client(office, "officer")
    assert soup(client.get(url("events:create", office, "fa")))
    response = client.post(url("events:create", office), _form(host_city=vienna.code))
    event = Event.objects.get()
    assert response.status_code == 302
    assert event.host_city == vienna and event.starts_on == dt.date(2026, 10, 5)


def test_a_jalali_date_is_read_on_the_persian_form(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    response = client.post(
        url("events:create", office, "fa"),
        _form(starts_on="۱۴۰۵/۰۷/۱۳", ends_on="1405/07/15"),
    )
    assert response.status_code == 302
    assert Event.objects.get().starts_on == dt.date(2026, 10, 5)


def test_refused_input_shows_the_errors_and_writes_nothing(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    unido = Organization.objects.get(acronym="UNIDO")
    city = make_city("Vienna", country="AT")
    page = soup(
        client.post(
            url("events:create", office, "fa"),
            _form(
                title_en="",
                ends_on="2026-10-01",
                website="javascript:alert(1)",
                organizer_organization=unido.pk,
                organizer_city=city.code,
            ),
        )
    )
    form = page.one("[data-event-form]")
    assert len(form.select(".errorlist")) == 4
    assert form.one("[name=website]")["value"] == "javascript:alert(1)"
    assert not Event.objects.exists()


def test_a_viewer_cannot_write(office: Any, member_client: Any) -> None:
    event = make_event(office)
    client = member_client(office, "viewer")
    assert client.get(url("events:create", office)).status_code == 403
    assert client.post(url("events:edit", office, pk=event.pk), _form()).status_code == 403
    assert client.post(url("events:delete", office, pk=event.pk)).status_code == 403
    assert Event.objects.count() == 1


def test_a_stale_edit_shows_what_changed(office: Any, member_client: Any) -> None:
    event = make_event(office)
    client = member_client(office, "officer")
    page = soup(client.get(url("events:edit", office, "fa", pk=event.pk)))
    assert page.one("[name=version]")["value"] == "1"
    assert client.post(url("events:edit", office, pk=event.pk), _form(version=1)).status_code == 302
    response = client.post(
        url("events:edit", office, pk=event.pk), _form(title_en="Other", version=1)
    )
    assert response.status_code == 409
    assert parse(response.content.decode()).one("[data-stale]")
    event.refresh_from_db()
    assert event.title_en == "Bridge for Cities"


def test_a_deletion_asks_first_and_is_refused_while_a_mission_names_the_event(
    office: Any, member_client: Any
) -> None:
    event = make_event(office)
    client = member_client(office, "officer")
    page = soup(client.get(url("events:delete", office, "fa", pk=event.pk)))
    assert page.one("[data-confirm-page] [name=version]")["value"] == "1"
    make_mission(office, event=event)
    page = soup(client.get(url("events:delete", office, pk=event.pk)))
    assert page.one("[data-linked-missions]")
    response = client.post(url("events:delete", office, pk=event.pk), {"version": 1})
    assert response.status_code == 409
    assert parse(response.content.decode()).one("[data-refusal]")
    assert Event.objects.filter(pk=event.pk).exists()
    free = make_event(office, title_en="Free")
    response = client.post(url("events:delete", office, pk=free.pk), {"version": 1})
    assert response.status_code == 302
    assert not Event.objects.filter(pk=free.pk).exists()


def test_another_offices_event_answers_404(
    office: Any, other_office: Any, member_client: Any
) -> None:
    theirs = make_event(other_office)
    client = member_client(office, "director")
    for name in ("events:detail", "events:edit", "events:delete"):
        assert client.get(url(name, office, pk=theirs.pk)).status_code == 404
    assert client.post(url("events:delete", office, pk=theirs.pk)).status_code == 404
    assert Event.objects.filter(pk=theirs.pk).exists()


def _queries(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_list_asks_as_many_queries_for_2_rows_as_for_20(
    office: Any, member_client: Any, settings: Any
) -> None:
    settings.PAGE_CACHE = False
    client = member_client(office, "viewer")
    unido = Organization.objects.get(acronym="UNIDO")

    def add(n: int) -> None:
        for i in range(n):
            make_event(
                office,
                title_en=f"Forum {i}",
                starts_on=TODAY + dt.timedelta(days=i * 40 - 300),
                host_city=make_city(country="AT"),
                organizer_organization=unido if i % 2 else None,
                organizer_city=None if i % 2 else make_city(country="DE"),
            )

    add(2)
    path = url("events:list", office)
    _queries(client, path)
    few = _queries(client, path)
    add(18)
    assert _queries(client, path) == few
