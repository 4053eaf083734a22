"""The organisations' writes in the API: an officer adds one, a director corrects one (a
shipped one too) with If-Match, and any member reads who changed what from which office;
the rules of the pages' service; refusals answer 4xx writing nothing."""

from __future__ import annotations

import json
from typing import Any

from peyvand.organizations.models import Organization
from peyvand.places.tests.factories import make_city

from .factories import shipped


def path(office: Any, tail: str = "") -> str:
    return f"/api/v1/offices/{office.slug}/organizations{tail}"


def send(client: Any, method: str, url: str, data: Any, version: Any = None) -> Any:
    headers = {"HTTP_ACCEPT_LANGUAGE": "en"}
    if version is not None:
        headers["HTTP_IF_MATCH"] = f'"v{version}"'
    return getattr(client, method)(
        url, data=json.dumps(data), content_type="application/json", **headers
    )


def test_an_officer_adds_an_organisation_every_office_then_sees(
    office: Any, other_office: Any, member_client: Any
) -> None:
    seoul = make_city("Seoul", country="KR", code="gn:1835848")
    added = send(
        member_client(office, "officer"),
        "post",
        path(office),
        {
            "name_en": "Caspian Cities Forum",
            "acronym": "CCF",
            "kind": "city_network",
            "website": "https://ccf.example.org",
            "headquarters": seoul.code,
            "areas": ["governance"],
        },
    )
    assert added.status_code == 201, added.json()
    body = added.json()
    assert body["headquarters"] == seoul.code and body["areas"] == ["governance"]
    assert body["shipped"] is False and added["ETag"] == '"v1"'
    # World data: another office's member reads it too, with who added it.
    theirs = member_client(other_office, "viewer")
    assert theirs.get(f"/api/v1/organizations/{body['id']}").json()["acronym"] == "CCF"
    history = theirs.get(path(other_office, f"/{body['id']}/corrections")).json()
    assert [(h["office"], h["action"]) for h in history] == [(office.slug, "created")]


def test_a_director_corrects_a_shipped_organisation_with_if_match(
    office: Any, member_client: Any
) -> None:
    uclg = shipped("UCLG")
    director = member_client(office, "director")
    url = path(office, f"/{uclg.pk}")
    fixed = send(director, "patch", url, {"website": "https://www.uclg.org/en"}, uclg.version)
    assert fixed.status_code == 200, fixed.json()
    assert fixed.json()["website"] == "https://www.uclg.org/en"
    assert fixed["ETag"] == f'"v{uclg.version + 1}"'
    assert fixed.json()["name_en"] == uclg.name_en  # what was not sent stays
    stale = send(director, "patch", url, {"acronym": "X"}, uclg.version)
    assert stale.status_code == 412
    assert send(director, "patch", url, {"acronym": "X"}).status_code == 428
    entries = director.get(path(office, f"/{uclg.pk}/corrections")).json()
    assert entries[0]["office"] == office.slug and entries[0]["person"]
    assert entries[0]["changes"]["website"][1] == "https://www.uclg.org/en"
    uclg.refresh_from_db()
    assert uclg.acronym == "UCLG"


def test_roles_are_the_pages(office: Any, member_client: Any) -> None:
    uclg = shipped("UCLG")
    liaison = member_client(office, "liaison")
    assert send(liaison, "post", path(office), {"name_en": "No"}).status_code == 403
    officer = member_client(office, "officer")
    url = path(office, f"/{uclg.pk}")
    assert send(officer, "patch", url, {"acronym": "X"}, uclg.version).status_code == 403
    assert officer.get(path(office, f"/{uclg.pk}/corrections")).status_code == 200
    assert not Organization.objects.filter(name_en="No").exists()
    uclg.refresh_from_db()
    assert uclg.acronym == "UCLG"


def test_refused_values_answer_422_by_field_and_write_nothing(
    office: Any, member_client: Any
) -> None:
    officer = member_client(office, "officer")
    before = Organization.objects.count()
    for data, field in (
        ({"name_en": "  "}, "name_en"),
        ({"name_en": shipped("UCLG").name_en.upper()}, "name_en"),
        ({"name_en": "New body", "kind": "club"}, "kind"),
        ({"name_en": "New body", "headquarters": "gn:0"}, "headquarters"),
        ({"name_en": "New body", "areas": ["astrology"]}, "areas"),
        ({"name_en": "New body", "website": "not a link"}, "website"),
        ({"name_en": "x" * 201}, "name_en"),
        ({"name_en": "New body", "secret": 1}, "secret"),
    ):
        answer = send(officer, "post", path(office), data)
        assert answer.status_code == 422, (data, answer.json())
        assert field in json.dumps(answer.json()["errors"]), answer.json()
    assert Organization.objects.count() == before
    duplicate = send(officer, "post", path(office), {"name_en": shipped("UCLG").name_en})
    assert "already exists" in duplicate.json()["errors"]["name_en"][0]
    uclg = shipped("UCLG")
    director = member_client(office, "director")
    url = path(office, f"/{uclg.pk}")
    assert send(director, "patch", url, {"kind": None}, uclg.version).status_code == 422
    assert send(director, "patch", path(office, "/999999"), {}, 1).status_code == 404
    uclg.refresh_from_db()
    assert uclg.kind == "city_network" and uclg.version == shipped("UCLG").version
