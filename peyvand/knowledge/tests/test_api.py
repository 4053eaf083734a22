"""The practices API: its shapes, the same services and roles as the pages; moves answer
200, 403, 409 or 422; a stale If-Match 412; another office's records are 404 or refused;
attacker input answers 4xx and writes nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department
from peyvand.knowledge import services
from peyvand.knowledge.models import Practice
from peyvand.missions import services as missions
from peyvand.missions.tests.factories import make_mission
from peyvand.partnerships.models import Outcome
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.places.tests.factories import make_city
from peyvand.records.history import history_of
from peyvand.records.tests.locking import current

from .factories import make_practice, observations, reported_mission, walk

pytestmark = pytest.mark.django_db


def base(office: Any) -> str:
    return f"/api/v1/offices/{office.slug}/practices"


def send(client: Any, method: str, path: str, data: Any, **headers: Any) -> Any:
    headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return getattr(client, method)(
        path, data=json.dumps(data), content_type="application/json", **headers
    )


def test_create_read_list_edit_and_move(office: Any, member_client: Any) -> None:
    vienna = make_city("Vienna", country="AT", code="gn:2761369")
    pact = make_partnership(office)
    m = make_mission(office)
    contact = missions.contact_create(office=office, actor=SYSTEM, name_en="Anna")
    dept = make_department(office)
    officer = member_client(office, "officer")
    created = send(
        officer,
        "post",
        base(office),
        {
            "title_fa": "بلیت سالانه یکپارچه",
            "title_en": "Integrated annual ticket",
            "source_city": vienna.code,
            "areas": ["transport"],
            "sdgs": [11, 9],
            "tags": ["Mobility"],
            "cost_band": "medium",
            "transferability": "adapt",
            "source_link": "https://www.wienerlinien.at/",
            "department_id": dept.pk,
            "partnership_ids": [pact.pk],
            "mission_ids": [m.pk],
            "contact_ids": [contact.pk],
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["stage"] == "idea" and body["sdgs"] == [9, 11] and body["tags"] == ["mobility"]
    assert body["source_city"] == vienna.code and body["areas"] == ["transport"]
    assert (body["partnership_ids"], body["mission_ids"], body["contact_ids"]) == (
        [pact.pk],
        [m.pk],
        [contact.pk],
    )
    assert body["department_id"] == dept.pk and len(body["spans"]) == 1
    url = f"{base(office)}/{body['id']}"
    read = officer.get(url)
    assert read.status_code == 200 and read["ETag"] == f'"v{body["version"]}"'
    listed = officer.get(base(office) + "?stage=idea&area=transport&limit=1&offset=0").json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == body["id"]
    assert officer.get(base(office) + "?stage=adopted").json() == {
        "count": 0,
        "limit": 50,
        "offset": 0,
        "items": [],
    }
    edited = send(
        officer,
        "patch",
        url,
        {"notes": "Ask the operator", "source_city": None},
        HTTP_IF_MATCH=read["ETag"],
    )
    assert edited.status_code == 200, edited.content
    assert edited.json()["notes"] == "Ask the operator" and edited.json()["source_city"] is None
    moved = send(
        officer, "post", url + "/stage", {"stage": "piloting"}, HTTP_IF_MATCH=edited["ETag"]
    )
    assert moved.status_code == 200 and moved.json()["stage"] == "piloting"
    assert [s["stage"] for s in moved.json()["spans"]] == ["idea", "piloting"]
    assert moved["ETag"] == f'"v{moved.json()["version"]}"'


def test_a_move_the_pipeline_refuses_is_409_and_a_missing_reason_422(
    office: Any, member_client: Any
) -> None:
    p = walk(make_practice(office), "studied", "proposed", "piloting")
    officer = member_client(office, "officer")
    url = f"{base(office)}/{p.pk}/stage"
    back_two = send(officer, "post", url, {"stage": "studied"}, **current(p))
    assert back_two.status_code == 409 and "cannot go" in back_two.json()["detail"]
    persian = send(officer, "post", url, {"stage": "idea"}, HTTP_ACCEPT_LANGUAGE="fa", **current(p))
    assert persian.status_code == 409 and "نمی‌تواند" in persian.json()["detail"]
    no_reason = send(officer, "post", url, {"stage": "rejected"}, **current(p))
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["errors"]
    unknown = send(officer, "post", url, {"stage": "launched"}, **current(p))
    assert unknown.status_code == 422 and "stage" in unknown.json()["errors"]
    assert Practice.objects.get(pk=p.pk).stage == "piloting"
    done = send(
        officer, "post", url, {"stage": "rejected", "reason": "No budget"}, **current(p)
    ).json()
    assert (done["stage"], done["stage_reason"]) == ("rejected", "No budget")
    assert send(officer, "post", url, {"stage": "idea"}, **current(p)).status_code == 409
    assert (
        send(officer, "post", url, {"stage": "piloting"}, **current(p)).json()["stage"]
        == "piloting"
    )


@pytest.mark.parametrize("role", ["viewer", "liaison"])
def test_a_role_that_may_not_is_403_and_nothing_moves(
    office: Any, member_client: Any, role: str
) -> None:
    p = make_practice(office)
    client = member_client(office, role)
    assert client.get(f"{base(office)}/{p.pk}").status_code == 200
    assert (
        send(
            client, "post", f"{base(office)}/{p.pk}/stage", {"stage": "studied"}, **current(p)
        ).status_code
        == 403
    )
    assert send(client, "post", base(office), {"title_en": "X"}).status_code == 403
    assert (
        send(client, "patch", f"{base(office)}/{p.pk}", {"notes": "x"}, **current(p)).status_code
        == 403
    )
    assert Practice.objects.get(pk=p.pk).stage == "idea" and Practice.objects.count() == 1


def test_a_stale_if_match_is_412_with_what_changed(office: Any, member_client: Any) -> None:
    p = make_practice(office)
    officer = member_client(office, "officer")
    url = f"{base(office)}/{p.pk}"
    etag = officer.get(url)["ETag"]
    services.practice_update(practice=p, actor=SYSTEM, changes={"title_en": "Changed"})
    stale = send(officer, "patch", url, {"notes": "late"}, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert stale.json()["version"] == p.version + 1 and stale.json()["changes"]
    assert stale.json()["changes"][0]["action"] == "Edited"
    moved = send(officer, "post", url + "/stage", {"stage": "studied"}, HTTP_IF_MATCH=etag)
    assert moved.status_code == 412
    assert send(officer, "patch", url, {"notes": "x"}, HTTP_IF_MATCH='"vx"').status_code == 412
    fresh = Practice.objects.get(pk=p.pk)
    assert (fresh.notes, fresh.stage) == ("", "idea")


def test_another_offices_records_are_404_or_refused(
    office: Any, other_office: Any, member_client: Any
) -> None:
    theirs = make_practice(other_office)
    client = member_client(office, "director")
    assert client.get(f"{base(office)}/{theirs.pk}").status_code == 404
    assert send(client, "patch", f"{base(office)}/{theirs.pk}", {"notes": "x"}).status_code == 404
    assert (
        send(client, "post", f"{base(office)}/{theirs.pk}/stage", {"stage": "studied"}).status_code
        == 404
    )
    assert client.get(base(other_office)).status_code == 404
    their_links = {
        "partnership_ids": [make_partnership(other_office).pk],
        "mission_ids": [make_mission(other_office).pk],
        "contact_ids": [missions.contact_create(office=other_office, actor=SYSTEM, name_en="X").pk],
        "department_id": make_department(other_office).pk,
        "observation_id": observations(reported_mission(other_office, [("A", "")]))[0].pk,
    }
    for name, value in their_links.items():
        answer = send(client, "post", base(office), {"title_en": "Mine", name: value})
        assert answer.status_code == 422 and name in answer.json()["errors"], name
    assert client.get(base(office) + f"?q={theirs.title_en}").json()["count"] == 0
    assert Practice.objects.filter(office=office).count() == 0


@pytest.mark.parametrize(
    "payload",
    [
        {"title_en": "x" * 301},
        {"title_en": None},
        {"title_en": 12},
        {"title_en": "ok", "sdgs": [2**70]},
        {"title_en": "ok", "sdgs": [99]},
        {"title_en": "ok", "sdgs": ["x"]},
        {"title_en": "ok", "sdgs": list(range(1, 19))},
        {"title_en": "ok", "source_link": "javascript:alert(1)"},
        {"title_en": "ok", "source_city": "gn:0"},
        {"title_en": "ok", "areas": ["nope"]},
        {"title_en": "ok", "tags": ["t" * 41]},
        {"title_en": "ok", "cost_band": "free"},
        {"title_en": "ok", "partnership_ids": [2**63]},
        {"title_en": "ok", "mission_ids": [0]},
        {"title_en": "ok", "department_id": -1},
        {"title_en": "ok", "evidence": "a\u0000b"},
        {"title_en": "ok", "body_en": "x" * 10_001},
        {"title_en": "ok", "observation_id": 999_999},
    ],
)
def test_attacker_input_is_refused_and_nothing_written(
    office: Any, member_client: Any, payload: dict[str, Any]
) -> None:
    answer = send(member_client(office, "officer"), "post", base(office), payload)
    assert 400 <= answer.status_code < 500, (payload, answer.status_code)
    assert not Practice.objects.exists()


def test_list_bounds_are_checked(office: Any, member_client: Any) -> None:
    client = member_client(office, "viewer")
    for query in ("limit=0", "limit=100000", "offset=-1", "offset=99999999999", "q=" + "x" * 300):
        assert client.get(base(office) + "?" + query).status_code == 422, query
    p = make_practice(office)
    for bad in ("0", "99999999999999999999", "x"):
        assert client.get(f"{base(office)}/{bad}").status_code in (404, 422), bad
    huge = send(client, "post", f"{base(office)}/{p.pk}/stage", {"stage": "x" * 50})
    assert huge.status_code in (403, 422)


def test_adopting_through_the_api_records_the_outcome_once(office: Any, member_client: Any) -> None:
    pact = make_partnership(office)
    p = walk(make_practice(office, partnerships=[pact]), "piloting")
    officer = member_client(office, "officer")
    url = f"{base(office)}/{p.pk}/stage"
    done = send(officer, "post", url, {"stage": "adopted"}, **current(p)).json()
    assert done["adoption_activity_id"] and done["adopted_on"]
    assert send(officer, "post", url, {"stage": "adopted"}, **current(p)).status_code == 409
    assert Outcome.objects.filter(activity__partnerships=pact, kind="practice").count() == 1
    assert history_of(pact).filter(action="activity_logged").count() == 1
