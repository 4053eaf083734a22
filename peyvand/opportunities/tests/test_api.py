"""The opportunities API: the list shape, create, detail with ETag, PATCH with If-Match
(412 when stale), the workflow's POST .../status (409 refused, 403 role, 422 without a
reason); and an attacker's input: 4xx, nothing written."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from peyvand.accounts.actors import SYSTEM
from peyvand.opportunities import services
from peyvand.opportunities.models import Application, FundingCall, Pitch
from peyvand.records.history import history_of
from peyvand.records.tests.locking import current

from .factories import TODAY, bank, make_application, make_call, make_pitch, move

pytestmark = pytest.mark.django_db


def base(office: Any, what: str) -> str:
    return f"/api/v1/offices/{office.slug}/{what}"


def send(client: Any, method: str, path: str, data: Any, **headers: Any) -> Any:
    body = data if isinstance(data, str) else json.dumps(data)
    return getattr(client, method)(path, data=body, content_type="application/json", **headers)


PITCH = {
    "title_fa": "قطار سبک منطقهٔ ۲۲",
    "title_en": "Light rail for district 22",
    "area": "transport",
    "district": 22,
    "budget": "450000000",
    "financing_sought": 300000000,
    "currency": "eur",
    "instrument": "loan",
    "stage": "feasibility",
}


def test_a_pitch_from_create_to_patch(office: Any, member_client: Any) -> None:
    officer = member_client(office, "officer")
    created = send(officer, "post", base(office, "pitches"), PITCH)
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["area"], body["currency"], body["status"], body["parties"]) == (
        "transport",
        "EUR",
        "draft",
        [],
    )
    assert created["ETag"] == '"v1"'
    url = f"{base(office, 'pitches')}/{body['id']}"
    services.party_add(
        pitch=Pitch.objects.get(), actor=SYSTEM, organization=bank("ADB"), note="Keen"
    )
    read = officer.get(url)
    assert read.status_code == 200 and read["ETag"] == '"v1"'
    (party,) = read.json()["parties"]
    assert (party["kind"], party["organization_id"], party["follow_ups"]) == (
        "organization",
        bank("ADB").pk,
        [],
    )
    patched = send(
        officer, "patch", url, {"status": "in_talks", "area": None}, HTTP_IF_MATCH='"v1"'
    )
    assert patched.status_code == 200, patched.content
    assert (patched.json()["status"], patched.json()["area"]) == ("in_talks", None)
    assert patched["ETag"] == '"v2"'
    stale = send(officer, "patch", url, {"title_en": "Late"}, HTTP_IF_MATCH='"v1"')
    assert stale.status_code == 412
    assert stale["ETag"] == '"v2"' and stale.json()["version"] == 2
    assert Pitch.objects.get().title_en == "Light rail for district 22"
    refused = send(
        officer, "patch", url, {"financing_sought": "999999999999"}, HTTP_IF_MATCH='"v2"'
    )
    assert refused.status_code == 422 and "financing_sought" in refused.json()["errors"]


def test_lists_answer_count_and_items_with_filters(office: Any, member_client: Any) -> None:
    make_pitch(office, title_en="Alpha", instrument="grant")
    make_pitch(office, title_en="Beta", instrument="ppp")
    sent = move(make_application(office, pitch=Pitch.objects.first()), "submit")
    make_application(office, call=sent.call)
    viewer = member_client(office, "viewer")
    page = viewer.get(base(office, "pitches") + "?instrument=grant&limit=1").json()
    assert set(page) == {"count", "limit", "offset", "items"}
    assert (page["count"], [p["title_en"] for p in page["items"]]) == (1, ["Alpha"])
    calls = viewer.get(base(office, "calls") + "?area=&open=true").json()
    assert calls["count"] == 1 and calls["items"][0]["application_ids"] == sorted(
        a.pk for a in Application.objects.all()
    )
    apps = viewer.get(base(office, "applications") + "?status=submitted").json()
    assert [a["id"] for a in apps["items"]] == [sent.pk]
    assert apps["items"][0]["deadline"] == sent.call.deadline.isoformat()
    assert viewer.get(base(office, "applications") + "?offset=2").json()["items"] == []


def test_a_call_and_an_application_through_their_workflow(office: Any, member_client: Any) -> None:
    officer = member_client(office, "officer")
    call = send(
        officer,
        "post",
        base(office, "calls"),
        {
            "funder_id": bank("WB").pk,
            "title_en": "Urban resilience facility",
            "deadline": (TODAY + dt.timedelta(days=20)).isoformat(),
            "amount_min": 5_000_000,
            "amount_max": 50_000_000,
            "currency": "USD",
            "areas": ["environment", "waste"],
            "link": "https://www.worldbank.org",
        },
    )
    assert call.status_code == 201, call.content
    assert call.json()["areas"] == ["environment", "waste"]
    pitch = make_pitch(office)
    made = send(
        officer,
        "post",
        base(office, "applications"),
        {
            "call_id": call.json()["id"],
            "pitch_id": pitch.pk,
            "amount_requested": 20_000_000,
            "partner_organization_ids": [bank("ADB").pk],
        },
    )
    assert made.status_code == 201, made.content
    a = made.json()
    assert (a["status"], a["currency"], a["partner_organization_ids"]) == (
        "preparation",
        "USD",
        [bank("ADB").pk],
    )
    go = f"{base(office, 'applications')}/{a['id']}/status"
    viewer = member_client(office, "viewer")
    v1 = {"HTTP_IF_MATCH": '"v1"'}
    assert send(viewer, "post", go, {"status": "submitted"}, **v1).status_code == 403
    skip = send(officer, "post", go, {"status": "accepted"}, **v1)
    assert skip.status_code == 409 and skip.json()["detail"]
    assert send(officer, "post", go, {"status": "submitted"}, **v1).json()["status"] == "submitted"
    no_reason = send(officer, "post", go, {"status": "rejected"}, HTTP_IF_MATCH='"v2"')
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["errors"]
    stale = send(officer, "post", go, {"status": "accepted"}, HTTP_IF_MATCH='"v1"')
    assert stale.status_code == 412
    accepted = send(officer, "post", go, {"status": "accepted"}, HTTP_IF_MATCH='"v2"')
    assert accepted.status_code == 200 and accepted["ETag"] == '"v3"'
    url = f"{base(office, 'applications')}/{a['id']}"
    too_much = send(officer, "patch", url, {"amount_granted": 20_000_001}, HTTP_IF_MATCH='"v3"')
    assert too_much.status_code == 422 and "amount_granted" in too_much.json()["errors"]
    granted = send(officer, "patch", url, {"amount_granted": 18_000_000}, HTTP_IF_MATCH='"v3"')
    assert granted.status_code == 200 and granted.json()["amount_granted"] == "18000000"
    back = send(officer, "post", go, {"status": "preparation"}, HTTP_IF_MATCH='"v4"')
    assert back.status_code == 409
    history = [e.action for e in history_of(Application.objects.get())]
    assert history == ["updated", "accept", "submit", "created"]


def test_another_offices_records_are_not_found_nor_linked(
    office: Any, other_office: Any, member_client: Any
) -> None:
    theirs = make_application(other_office, pitch=make_pitch(other_office))
    mine = make_application(office)
    client = member_client(office, "director")
    for what, pk in (
        ("pitches", theirs.pitch_id),
        ("calls", theirs.call_id),
        ("applications", theirs.pk),
    ):
        assert client.get(f"{base(office, what)}/{pk}").status_code == 404
        answer = send(client, "patch", f"{base(office, what)}/{pk}", {}, HTTP_IF_MATCH='"v1"')
        assert answer.status_code == 404
        assert client.get(f"{base(other_office, what)}").status_code == 404
    go = f"{base(office, 'applications')}/{theirs.pk}/status"
    assert (
        send(client, "post", go, {"status": "submitted"}, HTTP_IF_MATCH='"v1"').status_code == 404
    )
    url = f"{base(office, 'applications')}/{mine.pk}"
    for change in ({"call_id": theirs.call_id}, {"pitch_id": theirs.pitch_id}):
        answer = send(client, "patch", url, change, HTTP_IF_MATCH='"v1"')
        assert answer.status_code == 422, answer.content
    made = send(client, "post", base(office, "applications"), {"call_id": theirs.call_id})
    assert made.status_code == 422 and "call_id" in made.json()["errors"]
    assert Application.objects.for_office(office).get().call_id == mine.call_id
    assert Application.objects.get(pk=theirs.pk).status == "preparation"


ATTACKS: list[tuple[str, Any]] = [
    ("pitches", {**PITCH, "budget": 10**40}),
    ("pitches", {**PITCH, "budget": "NaN"}),
    ("pitches", {**PITCH, "budget": "Infinity"}),
    ("pitches", {**PITCH, "budget": -1}),
    ("pitches", {**PITCH, "budget": 1.5}),
    ("pitches", {**PITCH, "district": 2**70}),
    ("pitches", {**PITCH, "district": "twelve"}),
    ("pitches", {**PITCH, "title_fa": None}),
    ("pitches", {**PITCH, "title_en": ["a"]}),
    ("pitches", {**PITCH, "title_en": "x" * 20_000}),
    ("pitches", {**PITCH, "title_en": "x" * 301}),
    ("pitches", {**PITCH, "title_en": "bad\u0000name"}),
    ("pitches", {**PITCH, "area": "<script>"}),
    ("pitches", {**PITCH, "instrument": None}),
    ("pitches", {**PITCH, "status": "financed'; DROP TABLE"}),
    ("pitches", {**PITCH, "currency": "€€€"}),
    ("pitches", "[1, 2"),
    ("pitches", "null"),
    ("calls", {"funder_id": 2**63, "title_en": "x", "deadline": "2030-01-01"}),
    ("calls", {"funder_id": -1, "title_en": "x", "deadline": "2030-01-01"}),
    ("calls", {"funder_id": 999999, "title_en": "x", "deadline": "2030-01-01"}),
    ("calls", {"title_en": "x", "deadline": "10000-01-01"}),
    ("calls", {"title_en": "x", "deadline": "1800-01-01"}),
    ("calls", {"title_en": "x", "deadline": "2030-02-30"}),
    ("calls", {"title_en": "x", "deadline": "2030-01-01", "link": "javascript:alert(1)"}),
    ("calls", {"title_en": "x", "deadline": "2030-01-01", "areas": ["x"] * 51}),
    ("calls", {"title_en": "x", "deadline": "2030-01-01", "areas": [None]}),
    ("applications", {"call_id": None}),
    ("applications", {"call_id": "1 OR 1=1"}),
    ("applications", {"call_id": 1, "partner_cities": ["gn:0"]}),
    ("applications", {"call_id": 1, "partner_organization_ids": [0]}),
    ("applications", {"call_id": 1, "amount_granted": 5}),
]


@pytest.mark.parametrize(("what", "payload"), ATTACKS)
def test_an_attackers_input_is_refused_and_writes_nothing(
    office: Any, member_client: Any, what: str, payload: Any
) -> None:
    call = make_call(office)
    if isinstance(payload, dict) and payload.get("funder_id") is None and what == "calls":
        payload = {**payload, "funder_id": bank().pk}
    if isinstance(payload, dict) and payload.get("call_id") == 1:
        payload = {**payload, "call_id": call.pk}
    client = member_client(office, "officer")
    answer = send(client, "post", base(office, what), payload)
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.content[:300])
    assert answer.status_code != 404
    body = answer.json()
    assert "detail" in body
    assert not Pitch.objects.exists() and FundingCall.objects.count() == 1
    assert not Application.objects.exists()


def test_bad_ids_and_queries_answer_4xx(office: Any, member_client: Any) -> None:
    client = member_client(office, "viewer")
    for path in (
        f"{base(office, 'pitches')}/{2**70}",
        f"{base(office, 'pitches')}/0",
        f"{base(office, 'calls')}/abc",
        f"{base(office, 'pitches')}?limit=100000",
        f"{base(office, 'pitches')}?offset=-1",
        f"{base(office, 'applications')}?call={2**64}",
        f"{base(office, 'pitches')}?q={'x' * 500}",
    ):
        answer = client.get(path)
        assert answer.status_code in (404, 422), (path, answer.status_code)
    assert client.get(f"{base(office, 'pitches')}?status=nope&sort=nope").json()["count"] == 0
    officer = member_client(office, "officer")
    a = make_application(office)
    go = f"{base(office, 'applications')}/{a.pk}/status"
    for payload in ({"status": None}, {"status": "submitted", "reason": "x" * 20_000}, {}):
        assert send(officer, "post", go, payload, **current(a)).status_code == 422
    assert send(officer, "post", go, {"status": "won"}, **current(a)).status_code == 422
    weird = send(officer, "post", go, {"status": "submitted"}, HTTP_IF_MATCH="garbage")
    assert weird.status_code == 412
    assert Application.objects.get().status == "preparation"
