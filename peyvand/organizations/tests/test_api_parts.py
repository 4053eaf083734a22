"""The API of a membership's seats and obligations, and the sorted lists: officers write
as on the membership's page, another office's record answers 404, updates and deletes
take If-Match, refused values answer 422 writing nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.organizations import services
from peyvand.organizations.models import Obligation, RoleHeld
from peyvand.records.history import history_of

from .factories import make_membership, shipped
from .support import api

TODAY = timezone.localdate()


def send(client: Any, method: str, path: str, data: Any, version: Any = None) -> Any:
    headers = {} if version is None else {"HTTP_IF_MATCH": f'"v{version}"'}
    return getattr(client, method)(
        path, data=json.dumps(data), content_type="application/json", **headers
    )


def test_an_officer_adds_corrects_and_deletes_a_seat(office: Any, member_client: Any) -> None:
    m = make_membership(office, shipped("UCLG"))
    officer = member_client(office, "officer")
    created = send(
        officer,
        "post",
        api(office, f"/memberships/{m.pk}/roles"),
        {"kind": "board", "title": "World Council", "term_start": "2025-01-01"},
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["membership"] == m.pk and created["ETag"] == f'"v{body["version"]}"'
    url = api(office, f"/roles/{body['id']}")
    assert officer.get(url)["ETag"] == created["ETag"]
    fixed = send(officer, "patch", url, {"term_end": "2027-12-31"}, body["version"])
    assert fixed.status_code == 200, fixed.json()
    assert fixed.json()["title"] == "World Council" and fixed.json()["term_end"] == "2027-12-31"
    assert send(officer, "patch", url, {"title": "Old"}, body["version"]).status_code == 412
    assert officer.delete(url, HTTP_IF_MATCH=f'"v{body["version"]}"').status_code == 412
    version = fixed.json()["version"]
    assert officer.delete(url, HTTP_IF_MATCH=f'"v{version}"').status_code == 204
    assert not RoleHeld.objects.exists()
    assert [e.action for e in history_of(m)][:3] == ["role_deleted", "role_updated", "role_added"]


def test_an_officer_adds_corrects_marks_done_and_deletes_an_obligation(
    office: Any, member_client: Any
) -> None:
    m = make_membership(office, shipped("UCLG"))
    officer = member_client(office, "officer")
    created = send(
        officer,
        "post",
        api(office, f"/memberships/{m.pk}/obligations"),
        {"kind": "report", "title": "Annual report", "due_on": TODAY.isoformat()},
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    url = api(office, f"/obligations/{body['id']}")
    assert officer.get(url)["ETag"] == f'"v{body["version"]}"'
    later = (TODAY + dt.timedelta(days=30)).isoformat()
    fixed = send(officer, "patch", url, {"due_on": later}, body["version"])
    assert fixed.status_code == 200 and fixed.json()["due_on"] == later
    done = send(officer, "post", url + "/done", {}, fixed.json()["version"])
    assert done.status_code == 200, done.json()
    assert done.json()["done_on"] == TODAY.isoformat()
    assert send(officer, "post", url + "/done", {}, fixed.json()["version"]).status_code == 412
    version = done.json()["version"]
    assert officer.delete(url, HTTP_IF_MATCH=f'"v{version}"').status_code == 204
    assert not Obligation.objects.exists()
    assert "obligation_done" in [e.action for e in history_of(m)]


def test_seats_and_obligations_are_written_by_officers_of_their_own_office(
    office: Any, other_office: Any, member_client: Any
) -> None:
    m = make_membership(office, shipped("UCLG"))
    role = services.role_create(membership=m, actor=SYSTEM, kind="board", title="Council")
    obligation = services.obligation_create(
        membership=m, actor=SYSTEM, kind="report", title="Report", due_on=TODAY
    )
    for role_name in ("viewer", "liaison"):
        client = member_client(office, role_name)
        assert client.get(api(office, f"/roles/{role.pk}")).status_code == 200
        roles = api(office, f"/memberships/{m.pk}/roles")
        assert send(client, "post", roles, {"kind": "board"}).status_code == 403
        obligations = api(office, f"/memberships/{m.pk}/obligations")
        new = {"kind": "report", "title": "x", "due_on": TODAY.isoformat()}
        assert send(client, "post", obligations, new).status_code == 403
        role_url = api(office, f"/roles/{role.pk}")
        assert send(client, "patch", role_url, {"title": "x"}, role.version).status_code == 403
        assert client.delete(role_url, HTTP_IF_MATCH=f'"v{role.version}"').status_code == 403
        ob_url = api(office, f"/obligations/{obligation.pk}")
        assert send(client, "patch", ob_url, {"title": "x"}, obligation.version).status_code == 403
        assert send(client, "post", ob_url + "/done", {}, obligation.version).status_code == 403
        assert client.delete(ob_url, HTTP_IF_MATCH=f'"v{obligation.version}"').status_code == 403
    stranger = member_client(other_office, "director")
    for path in (f"/roles/{role.pk}", f"/obligations/{obligation.pk}"):
        assert stranger.get(api(other_office, path)).status_code == 404
        assert (
            send(stranger, "patch", api(other_office, path), {"title": "x"}, 1).status_code == 404
        )
        assert stranger.delete(api(other_office, path), HTTP_IF_MATCH='"v1"').status_code == 404
    theirs = api(other_office, f"/memberships/{m.pk}/roles")
    assert send(stranger, "post", theirs, {"kind": "board"}).status_code == 404
    role.refresh_from_db()
    obligation.refresh_from_db()
    assert role.title == "Council" and obligation.title == "Report"
    assert RoleHeld.objects.count() == 1 and Obligation.objects.count() == 1


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("roles", {"kind": "emperor"}, "kind"),
        ("roles", {"kind": "board", "title": "t" * 500}, "title"),
        (
            "roles",
            {"kind": "board", "term_start": "2026-01-01", "term_end": "2025-01-01"},
            "term_end",
        ),
        ("roles", {"kind": "board", "term_start": "1066-10-14"}, "term_start"),
        ("roles", {"kind": "board", "term_start": "soon"}, "term_start"),
        ("roles", {"kind": "board", "chair": True}, "chair"),
        ("roles", {"kind": 12}, "kind"),
        ("obligations", {"kind": "report", "title": " ", "due_on": "2027-01-01"}, "title"),
        ("obligations", {"kind": "report", "title": "t" * 500, "due_on": "2027-01-01"}, "title"),
        ("obligations", {"kind": "report", "title": "x"}, "due_on"),
        ("obligations", {"kind": "report", "title": "x", "due_on": 10**20}, "due_on"),
        ("obligations", {"kind": "x", "title": "x", "due_on": "2027-01-01"}, "kind"),
        ("obligations", {"kind": "report", "title": "x", "due_on": "2027-01-01", "a": 1}, "a"),
    ],
)
def test_refused_seats_and_obligations_answer_422_and_write_nothing(
    office: Any, member_client: Any, path: str, body: dict[str, Any], field: str
) -> None:
    m = make_membership(office, shipped("UCLG"))
    officer = member_client(office, "officer")
    answer = send(officer, "post", api(office, f"/memberships/{m.pk}/{path}"), body)
    assert answer.status_code == 422, answer.json()
    assert field in answer.json()["errors"], answer.json()
    assert not RoleHeld.objects.exists() and not Obligation.objects.exists()


def test_a_refused_correction_leaves_the_seat_as_it_was(office: Any, member_client: Any) -> None:
    m = make_membership(office, shipped("UCLG"))
    role = services.role_create(membership=m, actor=SYSTEM, kind="board", title="Council")
    officer = member_client(office, "officer")
    url = api(office, f"/roles/{role.pk}")
    for body in ({"kind": None}, {"title": "t" * 500}, {"membership": 3}):
        assert send(officer, "patch", url, body, role.version).status_code == 422, body
    role.refresh_from_db()
    assert role.title == "Council" and role.kind == "board" and role.version == 1


def test_the_lists_sort_by_the_keys_they_offer(office: Any, member_client: Any) -> None:
    make_membership(office, shipped("UCLG"), since=TODAY - dt.timedelta(days=10))
    make_membership(office, shipped("OICC"), since=TODAY - dt.timedelta(days=99))
    viewer = member_client(office, "viewer")
    listed = viewer.get(api(office, "/memberships?ordering=since")).json()
    assert [i["organization_acronym"] for i in listed["items"]] == ["OICC", "UCLG"]
    listed = viewer.get(api(office, "/memberships?ordering=-since")).json()
    assert [i["organization_acronym"] for i in listed["items"]] == ["UCLG", "OICC"]
    assert viewer.get(api(office, "/memberships?q=uclg")).json()["count"] == 1
    assert viewer.get(api(office, "/memberships?ordering=notes")).status_code == 422
    names = viewer.get("/api/v1/organizations?ordering=-acronym&limit=200").json()["items"]
    acronyms = [o["acronym"] for o in names]
    assert acronyms == sorted(acronyms, reverse=True)
    assert viewer.get("/api/v1/organizations?ordering=website").status_code == 422
