"""The missions API: the same services and roles as the pages; transitions answer 200,
403 or 409; the report moves a mission to reported; another office's missions are 404."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from peyvand.missions.models import Mission
from peyvand.partnerships.models import Commitment
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.records.history import history_of
from peyvand.records.tests.locking import current

from .factories import TODAY, make_mission, move

pytestmark = pytest.mark.django_db


def base(office: Any) -> str:
    return f"/api/v1/offices/{office.slug}/missions"


def send(client: Any, method: str, path: str, data: Any, **headers: Any) -> Any:
    return getattr(client, method)(
        path, data=json.dumps(data), content_type="application/json", **headers
    )


def _new(client: Any, office: Any, **kw: Any) -> Any:
    data = {
        "title_en": "Vienna study visit",
        "title_fa": "سفر مطالعاتی وین",
        "start_date": (TODAY - dt.timedelta(days=9)).isoformat(),
        "end_date": (TODAY - dt.timedelta(days=5)).isoformat(),
        "objectives": ["See the metro", "Meet UNIDO"],
        **kw,
    }
    return send(client, "post", base(office), data)


def test_a_mission_from_draft_to_reported(office: Any, member_client: Any) -> None:
    pact = make_partnership(office, signed_on=TODAY - dt.timedelta(days=900))
    officer, director = member_client(office, "officer"), member_client(office, "director")
    created = _new(officer, office, partnership_ids=[pact.pk])
    assert created.status_code == 201, created.content
    m = created.json()
    assert (m["status"], m["partnership_ids"]) == ("draft", [pact.pk])
    assert [o["text"] for o in m["objectives"]] == ["See the metro", "Meet UNIDO"]
    url = f"{base(office)}/{m['id']}"

    def act(client: Any, action: str, **kw: Any) -> Any:
        mission = Mission.objects.get(pk=m["id"])
        return send(
            client, "post", url + "/transitions", {"action": action, **kw}, **current(mission)
        )

    assert act(officer, "submit").json()["status"] == "submitted"
    refused = act(officer, "approve")
    assert refused.status_code == 403
    assert act(director, "approve").json()["status"] == "approved"
    again = act(director, "approve")
    assert again.status_code == 409
    assert "approved" in again.json()["detail"].lower() or again.json()["detail"]
    done = act(officer, "complete").json()
    assert done["status"] == "completed" and len(done["activity_ids"]) == 1
    objectives = done["objectives"]
    report = {
        "summary": "We learned a lot.",
        "objectives": [
            {"id": objectives[0]["id"], "outcome": "met"},
            {"id": objectives[1]["id"], "outcome": "partly", "note": "Half a day"},
        ],
        "lessons": "Book the metro depot visit early.",
        "practices_observed": [{"title": "Night buses", "description": "All night."}],
        "follow_ups": [
            {
                "partnership_id": pact.pk,
                "title": "Send the metro study",
                "due_date": (TODAY + dt.timedelta(days=45)).isoformat(),
            }
        ],
    }
    filed = send(
        officer, "put", url + "/report", report, **current(Mission.objects.get(pk=m["id"]))
    )
    assert filed.status_code == 200, filed.content
    body = filed.json()
    assert body["status"] == "reported"
    assert body["report"]["practices_observed"] == [
        {"title": "Night buses", "description": "All night."}
    ]
    (follow_up,) = body["report"]["follow_ups"]
    assert Commitment.objects.get(pk=follow_up["commitment_id"]).partnership == pact
    assert [e.action for e in history_of(Mission.objects.get(pk=m["id"]))][:2] == [
        "reported",
        "complete",
    ]


def test_a_refused_report_writes_nothing(office: Any, member_client: Any) -> None:
    pact = make_partnership(office)
    m = move(make_mission(office, partnerships=[pact]), "submit", "approve", "complete")
    officer = member_client(office, "officer")
    url = f"{base(office)}/{m.pk}/report"
    bad = {
        "summary": "Trip",
        "objectives": [{"id": m.objectives.first().pk, "outcome": "met"}],  # type: ignore[union-attr]
        "follow_ups": [
            {"partnership_id": pact.pk, "title": "Later", "due_date": TODAY.isoformat()}
        ],
    }
    answer = send(officer, "put", url, bad, **current(m))
    assert answer.status_code == 422
    assert any(key.startswith("objective_") for key in answer.json()["errors"])
    assert Mission.objects.get(pk=m.pk).status == "completed"
    assert not Commitment.objects.exists()
    draft = make_mission(office)
    answer = send(officer, "put", f"{base(office)}/{draft.pk}/report", bad, **current(draft))
    assert answer.status_code == 409


def test_patch_edits_with_if_match_and_moves_by_status(office: Any, member_client: Any) -> None:
    m = make_mission(office)
    officer = member_client(office, "officer")
    url = f"{base(office)}/{m.pk}"
    etag = officer.get(url)["ETag"]
    ok = send(officer, "patch", url, {"title_en": "Vienna"}, HTTP_IF_MATCH=etag)
    assert ok.status_code == 200 and ok.json()["title_en"] == "Vienna"
    stale = send(officer, "patch", url, {"title_en": "Graz"}, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    moved = send(officer, "patch", url, {"status": "submitted"}, **current(m))
    assert moved.json()["status"] == "submitted"
    assert send(officer, "patch", url, {"status": "reported"}, **current(m)).status_code == 409
    assert send(officer, "patch", url, {"status": "approved"}, **current(m)).status_code == 403


@pytest.mark.parametrize(
    "data",
    [
        {"start_date": "2026-13-40"},
        {"title_en": "", "title_fa": ""},
        {"budget_planned": "1e40", "budget_currency": "EUR"},
        {"budget_planned": 5, "budget_currency": "euros"},
        {"partnership_ids": [2**31]},
        {"objectives": ["x" * 600]},
        {"direction": None},
        {"cities": ["gn:nowhere"]},
        {"participants": [{"user": "nobody"}]},
        {"title_en": "x" * 400},
        {"title_en": "a\x00b"},
    ],
)
def test_bad_input_is_a_4xx_and_writes_nothing(
    office: Any, member_client: Any, data: dict[str, Any]
) -> None:
    answer = _new(member_client(office, "officer"), office, **data)
    assert 400 <= answer.status_code < 500, answer.content
    assert not Mission.objects.exists()


def test_roles_and_offices(office: Any, other_office: Any, member_client: Any) -> None:
    viewer = member_client(office, "viewer")
    assert _new(viewer, office).status_code == 403
    theirs = make_mission(other_office)
    theirs_pact = make_partnership(other_office)
    officer = member_client(office, "officer")
    assert officer.get(f"{base(office)}/{theirs.pk}").status_code == 404
    assert (
        send(officer, "patch", f"{base(office)}/{theirs.pk}", {"title_en": "x"}).status_code == 404
    )
    assert (
        send(
            officer, "post", f"{base(office)}/{theirs.pk}/transitions", {"action": "submit"}
        ).status_code
        == 404
    )
    assert (
        send(officer, "put", f"{base(office)}/{theirs.pk}/report", {"summary": "x"}).status_code
        == 404
    )
    assert officer.get(base(other_office)).status_code == 404
    assert _new(officer, office, partnership_ids=[theirs_pact.pk]).status_code == 422
    listing = officer.get(base(office)).json()
    assert listing == {"count": 0, "limit": 50, "offset": 0, "items": []}


def test_the_list_filters_and_pages(office: Any, member_client: Any) -> None:
    for n in range(3):
        make_mission(office, title_en=f"Trip {n}")
    move(make_mission(office, title_en="Sent"), "submit")
    viewer = member_client(office, "viewer")
    body = viewer.get(base(office) + "?status=submitted").json()
    assert [m["title_en"] for m in body["items"]] == ["Sent"]
    page = viewer.get(base(office) + "?limit=2&offset=2").json()
    assert (page["count"], len(page["items"])) == (4, 2)
    assert viewer.get(base(office) + "?limit=0").status_code == 422
