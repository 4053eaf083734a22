"""The contacts and events API: shapes, the same rules and roles as the pages, 409 for a
possible duplicate, ETag / If-Match, another office's ids answering 404, nothing written
on a refusal."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peyvand.missions.models import Contact, Event
from peyvand.organizations.models import Organization
from peyvand.partnerships.tests.factories import log, make_partnership
from peyvand.places.tests.factories import make_city

from .people_factories import TODAY, make_contact, make_event, make_mission

SOON = TODAY + dt.timedelta(days=30)


def base(office: Any) -> str:
    return f"/api/v1/offices/{office.slug}"


def send(client: Any, method: str, path: str, data: Any, **headers: Any) -> Any:
    return getattr(client, method)(
        path, data=json.dumps(data), content_type="application/json", **headers
    )


def test_the_contact_list_carries_the_derived_last_interaction(
    office: Any, member_client: Any
) -> None:
    pact = make_partnership(office)
    city = make_city("Vienna", country="AT")
    unido = Organization.objects.get(acronym="UNIDO")
    anna = make_contact(office, city=city, organization=unido, partnerships=[pact], tags=["x"])
    anna.activities.add(log(office, pact, TODAY - dt.timedelta(days=9)))
    make_mission(office, contacts=[anna], end_date=TODAY - dt.timedelta(days=3))
    make_contact(office, name_en="Bert")
    client = member_client(office, "viewer")
    body = client.get(base(office) + "/contacts?sort=-last").json()
    assert body["count"] == 2 and body["limit"] == 50 and body["offset"] == 0
    item = body["items"][0]
    assert item["id"] == anna.pk
    assert item["last_interaction"] == (TODAY - dt.timedelta(days=3)).isoformat()
    assert item["partnership_ids"] == [pact.pk]
    assert item["city"] == city.code and item["organization"] == unido.pk
    assert body["items"][1]["last_interaction"] is None
    body = client.get(base(office) + f"/contacts?tag=x&partnership={pact.pk}").json()
    assert [i["id"] for i in body["items"]] == [anna.pk]
    response = client.get(base(office) + f"/contacts/{anna.pk}")
    assert response.status_code == 200
    assert response["ETag"] == f'"v{anna.version}"'
    assert response.json()["last_interaction"] == item["last_interaction"]


def test_a_contact_is_created_and_a_possible_duplicate_answers_409(
    office: Any, member_client: Any
) -> None:
    pact = make_partnership(office)
    client = member_client(office, "officer")
    payload = {
        "name_en": "Anna Berger",
        "kind": "partner_official",
        "email": "anna@wien.gv.at",
        "languages": ["de", "EN"],
        "tags": [" Tram "],
        "city": make_city("Vienna", country="AT").code,
        "partnerships": [pact.pk],
    }
    response = send(client, "post", base(office) + "/contacts", payload)
    assert response.status_code == 201, response.json()
    first = response.json()
    assert first["languages"] == ["de", "en"] and first["tags"] == ["tram"]
    response = send(
        client, "post", base(office) + "/contacts", {"name_en": "A. B.", "email": "ANNA@wien.gv.at"}
    )
    assert response.status_code == 409
    assert response.json()["duplicates"] == [first["id"]]
    assert response.json()["detail"]
    assert Contact.objects.count() == 1
    response = send(
        client,
        "post",
        base(office) + "/contacts",
        {"name_en": "A. B.", "email": "ANNA@wien.gv.at", "confirm_duplicate": True},
    )
    assert response.status_code == 201
    assert Contact.objects.count() == 2


def test_bad_input_answers_422_and_writes_nothing(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    for payload, field in (
        ({"name_en": ""}, "name_fa"),
        ({"name_en": "A", "languages": ["klingon"]}, "languages"),
        ({"name_en": "A", "email": "nope"}, "email"),
        ({"name_en": "A", "city": "x:none"}, "city"),
        ({"name_en": "A", "organization": 999999}, "organization"),
        ({"name_en": "A", "kind": "spy"}, "kind"),
        ({"name_en": "A", "tags": ["a\u0000"]}, None),
    ):
        response = send(client, "post", base(office) + "/contacts", payload)
        assert response.status_code in (400, 422), payload
        if field:
            assert field in response.json()["errors"], response.json()
    assert not Contact.objects.exists()


def test_a_viewer_is_refused_with_403(office: Any, member_client: Any) -> None:
    contact = make_contact(office)
    client = member_client(office, "viewer")
    assert send(client, "post", base(office) + "/contacts", {"name_en": "X"}).status_code == 403
    response = send(client, "patch", base(office) + f"/contacts/{contact.pk}", {"title": "X"})
    assert response.status_code == 403
    assert send(client, "post", base(office) + "/events", {}).status_code in (403, 422)
    assert Contact.objects.count() == 1


def test_patch_uses_if_match(office: Any, member_client: Any) -> None:
    contact = make_contact(office)
    client = member_client(office, "officer")
    path = base(office) + f"/contacts/{contact.pk}"
    response = send(client, "patch", path, {"title": "Mayor"}, HTTP_IF_MATCH='"v1"')
    assert response.status_code == 200 and response["ETag"] == '"v2"'
    assert response.json()["title"] == "Mayor"
    response = send(client, "patch", path, {"title": "Other"}, HTTP_IF_MATCH='"v1"')
    assert response.status_code == 412
    assert response.json()["version"] == 2
    response = send(client, "patch", path, {"email": "bad"}, HTTP_IF_MATCH='"v2"')
    assert response.status_code == 422
    contact.refresh_from_db()
    assert (contact.title, contact.email, contact.version) == ("Mayor", "", 2)


def test_another_offices_ids_answer_404(office: Any, other_office: Any, member_client: Any) -> None:
    theirs = make_contact(other_office)
    their_event = make_event(other_office)
    their_pact = make_partnership(other_office)
    mine = make_contact(office, name_en="Mine")
    client = member_client(office, "director")
    assert client.get(base(office) + f"/contacts/{theirs.pk}").status_code == 404
    assert client.get(base(office) + f"/events/{their_event.pk}").status_code == 404
    assert (
        send(client, "patch", base(office) + f"/contacts/{theirs.pk}", {"title": "x"}).status_code
        == 404
    )
    assert (
        send(
            client, "patch", base(office) + f"/events/{their_event.pk}", {"title_en": "x"}
        ).status_code
        == 404
    )
    response = send(
        client,
        "post",
        base(office) + "/contacts",
        {"name_en": "N", "partnerships": [their_pact.pk]},
    )
    assert response.status_code == 404
    response = send(
        client, "patch", base(office) + f"/contacts/{mine.pk}", {"partnerships": [their_pact.pk]}
    )
    assert response.status_code == 404
    assert Contact.objects.for_office(office).count() == 1
    assert not mine.partnerships.exists()
    assert client.get(base(other_office) + "/contacts").status_code == 404
    assert client.get(base(other_office) + "/events").status_code == 404
    assert client.get(base(office) + "/contacts").json()["count"] == 1


def test_events_are_listed_created_and_patched(office: Any, member_client: Any) -> None:
    vienna = make_city("Vienna", country="AT")
    unido = Organization.objects.get(acronym="UNIDO")
    client = member_client(office, "officer")
    payload = {
        "title_en": "Bridge for Cities",
        "kind": "forum",
        "organizer_organization": unido.pk,
        "host_city": vienna.code,
        "starts_on": SOON.isoformat(),
        "ends_on": (SOON + dt.timedelta(days=2)).isoformat(),
        "areas": ["economy"],
        "website": "https://www.unido.org",
    }
    response = send(client, "post", base(office) + "/events", payload)
    assert response.status_code == 201, response.json()
    event = response.json()
    assert event["host_city"] == vienna.code and event["areas"] == ["economy"]
    assert response["ETag"] == '"v1"'
    path = base(office) + f"/events/{event['id']}"
    response = send(
        client,
        "patch",
        path,
        {"ends_on": (SOON - dt.timedelta(days=1)).isoformat()},
        HTTP_IF_MATCH='"v1"',
    )
    assert response.status_code == 422 and "ends_on" in response.json()["errors"]
    response = send(client, "patch", path, {"organizer_city": vienna.code}, HTTP_IF_MATCH='"v1"')
    assert response.status_code == 422 and "organizer_city" in response.json()["errors"]
    response = send(
        client,
        "patch",
        path,
        {"organizer_organization": None, "organizer_city": vienna.code},
        HTTP_IF_MATCH='"v1"',
    )
    assert response.status_code == 200
    assert response.json()["organizer_city"] == vienna.code
    assert response.json()["organizer_organization"] is None
    assert send(client, "patch", path, {"title_en": "X"}, HTTP_IF_MATCH='"v1"').status_code == 412
    body = client.get(base(office) + f"/events?year={SOON.year}&kind=forum").json()
    assert body["count"] == 1 and body["items"][0]["id"] == event["id"]
    assert client.get(base(office) + "/events?when=past").json()["count"] == 0


def test_bad_event_input_answers_422_and_writes_nothing(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    for payload in (
        {"title_en": "A", "starts_on": "2026-10-05", "ends_on": "2026-10-01"},
        {"title_en": "A", "starts_on": "1800-10-05", "ends_on": "1800-10-05"},
        {
            "title_en": "A",
            "starts_on": "2026-10-05",
            "ends_on": "2026-10-05",
            "website": "ftp://x.org",
        },
        {"title_en": "", "starts_on": "2026-10-05", "ends_on": "2026-10-05"},
        {"title_en": "A", "starts_on": "2026-10-05", "ends_on": "2026-10-05", "areas": ["nope"]},
        {"title_en": "A"},
    ):
        assert send(client, "post", base(office) + "/events", payload).status_code == 422, payload
    assert not Event.objects.exists()
