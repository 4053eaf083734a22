"""The API of the office's departments and members: the director writes, as on the members
page; another office answers 404; refused values answer 422 writing nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from peyvand.accounts.models import Department, OfficeMembership

from .factories import make_department


def base(office: Any) -> str:
    return f"/api/v1/offices/{office.slug}"


def send(client: Any, method: str, path: str, data: Any) -> Any:
    return getattr(client, method)(path, data=json.dumps(data), content_type="application/json")


def test_the_director_adds_a_department_every_member_lists(office: Any, member_client: Any) -> None:
    make_department(office, "Water")
    director = member_client(office, "director")
    created = send(
        director,
        "post",
        base(office) + "/departments",
        {"name_fa": " معاونت  حمل‌ونقل ", "name_en": " Transport "},
    )
    assert created.status_code == 201, created.json()
    assert created.json()["name_en"] == "Transport"
    assert created.json()["name_fa"] == "معاونت حمل‌ونقل"
    viewer = member_client(office, "viewer")
    listed = viewer.get(base(office) + "/departments").json()
    assert [d["name_en"] for d in listed["items"]] == ["Transport", "Water"]
    reverse = viewer.get(base(office) + "/departments?ordering=-name_en").json()
    assert [d["name_en"] for d in reverse["items"]] == ["Water", "Transport"]
    assert viewer.get(base(office) + "/departments?ordering=office").status_code == 422


@pytest.mark.parametrize("role", ["viewer", "liaison", "officer"])
def test_only_the_director_adds_a_department(office: Any, member_client: Any, role: str) -> None:
    client = member_client(office, role)
    body = {"name_fa": "آب", "name_en": "Water"}
    assert send(client, "post", base(office) + "/departments", body).status_code == 403
    assert not Department.objects.filter(name_en="Water").exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name_fa": "آب", "name_en": "Water"}, "name_en"),  # the office has one already
        ({"name_fa": " ", "name_en": "Roads"}, "name_fa"),
        ({"name_fa": "راه", "name_en": "r" * 201}, "name_en"),
        ({"name_fa": "راه"}, "name_en"),
        ({"name_fa": "راه", "name_en": 12}, "name_en"),
        ({"name_fa": "راه", "name_en": "Roads", "budget": 10**20}, "budget"),
    ],
)
def test_refused_departments_answer_422_and_write_nothing(
    office: Any, member_client: Any, body: dict[str, Any], field: str
) -> None:
    make_department(office, "Water")
    director = member_client(office, "director")
    answer = send(director, "post", base(office) + "/departments", body)
    assert answer.status_code == 422, answer.json()
    assert field in answer.json()["errors"], answer.json()
    assert Department.objects.count() == 1


def test_another_office_answers_404(office: Any, other_office: Any, member_client: Any) -> None:
    stranger = member_client(other_office, "director")
    member = member_client(office, "officer").membership
    assert stranger.get(base(office) + "/departments").status_code == 404
    body = {"name_fa": "آب", "name_en": "Water"}
    assert send(stranger, "post", base(office) + "/departments", body).status_code == 404
    assert stranger.get(base(office) + "/members").status_code == 404
    theirs = base(other_office) + f"/members/{member.pk}"
    assert send(stranger, "patch", theirs, {"role": "viewer"}).status_code == 404
    assert stranger.delete(theirs).status_code == 404
    member.refresh_from_db()
    assert member.role == "officer"


def test_the_director_changes_a_role_and_removes_a_member(office: Any, member_client: Any) -> None:
    director = member_client(office, "director")
    member = member_client(office, "officer").membership
    dept = make_department(office)
    listed = director.get(base(office) + "/members?ordering=role").json()
    assert {m["role"] for m in listed["items"]} == {"director", "officer"}
    url = base(office) + f"/members/{member.pk}"
    # A liaison belongs to a department: refused without one.
    assert send(director, "patch", url, {"role": "liaison"}).status_code == 422
    changed = send(director, "patch", url, {"role": "liaison", "department": dept.pk})
    assert changed.status_code == 200, changed.json()
    assert changed.json() == {
        "id": member.pk,
        "username": member.user.username,
        "role": "liaison",
        "department": dept.pk,
    }
    assert director.delete(url).status_code == 204
    assert not OfficeMembership.objects.filter(pk=member.pk).exists()


def test_member_changes_are_the_directors_and_keep_one_director(
    office: Any, other_office: Any, member_client: Any
) -> None:
    director = member_client(office, "director")
    me = director.membership
    officer = member_client(office, "officer")
    assert officer.get(base(office) + "/members").status_code == 403
    url = base(office) + f"/members/{me.pk}"
    assert send(officer, "patch", url, {"role": "viewer"}).status_code == 403
    assert officer.delete(url).status_code == 403
    assert send(director, "patch", url, {"role": "viewer"}).status_code == 422
    assert director.delete(url).status_code == 422
    for body, field in (
        ({"role": "emperor"}, "role"),
        ({"role": "officer", "department": make_department(other_office).pk}, "department"),
        ({"department": 10**20}, "department"),
        ({"username": "x"}, "username"),
    ):
        answer = send(director, "patch", url, body)
        assert answer.status_code == 422 and field in answer.json()["errors"], answer.json()
    me.refresh_from_db()
    assert me.role == "director" and me.department is None
