"""The audit trail: every write recorded with actor, office, time, address, object and
changed fields (pages, API, admin, commands); the director's log, its CSV and its API."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from peyvand.accounts.models import Department, Office, Role
from peyvand.accounts.tests.factories import make_department, make_member, make_user
from peyvand.audit.context import acting_as
from peyvand.audit.models import AuditEntry
from peyvand.audit.recorder import MASK, audited_models

pytestmark = pytest.mark.django_db


def _url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def _entries(**lookup: Any) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(**lookup).order_by("pk"))


def test_a_page_write_is_recorded_with_actor_office_address_and_fields(
    office: Any, member_client: Any
) -> None:
    director = member_client(office, Role.DIRECTOR)
    director.post(
        _url("accounts:department_add", office_slug=office.slug),
        {"name_fa": "محیط زیست", "name_en": "Environment"},
        REMOTE_ADDR="198.51.100.23",
    )
    department = Department.objects.get(name_en="Environment")
    [entry] = _entries(object_type="accounts.department")
    assert entry.action == "create" and entry.object_id == str(department.pk)
    assert entry.office_pk == office.pk
    assert entry.actor_pk == director.membership.user.pk
    assert entry.actor_name == director.membership.user.username
    assert entry.ip == "198.51.100.23" and entry.source == "web"
    assert entry.changes["name_en"] == [None, "Environment"]
    assert abs(entry.at - timezone.now()) < dt.timedelta(minutes=1)


def test_an_update_names_only_the_fields_that_changed_with_both_values(office: Any) -> None:
    department = make_department(office, "Transport")
    AuditEntry.objects.all().delete()
    department = Department.objects.get(pk=department.pk)
    department.name_en = "Mobility"
    department.save()
    [entry] = _entries()
    assert entry.action == "update"
    assert entry.changes == {"name_en": ["Transport", "Mobility"]}
    department.save()  # nothing changed: nothing to tell
    assert AuditEntry.objects.count() == 1
    department.name_fa = "حمل و نقل"
    department.save(update_fields=["name_fa"])
    assert list(_entries()[-1].changes) == ["name_fa"]


def test_a_delete_keeps_what_the_row_held(office: Any) -> None:
    department = make_department(office, "Culture")
    pk = department.pk
    department.delete()
    entry = _entries(action="delete")[0]
    assert entry.object_id == str(pk) and entry.changes["name_en"] == ["Culture", None]
    assert entry.office_pk == office.pk


def test_an_api_write_is_recorded_as_api(office: Any, member_client: Any) -> None:
    officer = member_client(office, Role.OFFICER)
    response = officer.post(
        f"/api/v1/offices/{office.slug}/practices",
        data=json.dumps({"title_fa": "بلیت یکپارچه", "title_en": "One ticket"}),
        content_type="application/json",
        REMOTE_ADDR="203.0.113.5",
    )
    assert response.status_code == 201, response.content
    entry = _entries(object_type="knowledge.practice")[0]
    assert (entry.source, entry.ip, entry.office_pk) == ("api", "203.0.113.5", office.pk)
    assert entry.actor_name == officer.membership.user.username
    assert entry.changes["title_en"] == [None, "One ticket"]


def test_an_admin_write_is_recorded_as_admin(office: Any) -> None:
    admin = get_user_model().objects.create_superuser("root", password="root-pass-12345")
    client = Client()
    client.force_login(admin)
    url = _url("admin:accounts_office_change", object_id=office.pk)
    page = client.get(url)
    assert page.status_code == 200
    form = {
        "slug": office.slug,
        "name_fa": office.name_fa,
        "name_en": "Renamed office",
        "departments-TOTAL_FORMS": "0",
        "departments-INITIAL_FORMS": "0",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content[:3000]
    entry = _entries(object_type="accounts.office", action="update")[-1]
    assert entry.source == "admin" and entry.actor_name == "root"
    assert entry.changes["name_en"] == ["Tehran office", "Renamed office"]
    assert entry.office_pk == office.pk


def test_writes_outside_a_request_are_the_systems_and_can_be_named(office: Any) -> None:
    make_department(office, "Sport")
    entry = _entries(object_type="accounts.department")[-1]
    assert entry.actor_pk is None and entry.actor_name == ""
    assert entry.source == "system" and entry.ip is None
    with acting_as("command:import_office"):
        make_department(office, "Health")
    assert _entries(object_type="accounts.department")[-1].source == "command:import_office"


def test_many_to_many_changes_are_recorded(office: Any) -> None:
    user = make_user("grouped")
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="reviewers")
    AuditEntry.objects.all().delete()
    user.groups.add(group)
    [entry] = _entries()
    assert entry.object_type == "auth.user" and entry.changes == {"groups": {"added": [group.pk]}}


def test_secrets_are_masked(db: Any) -> None:
    user = make_user("secretive")
    user = get_user_model().objects.get(pk=user.pk)
    user.set_password("another-long-pass-1")
    user.save()
    entry = _entries(object_type="auth.user", action="update")[-1]
    assert entry.changes["password"] == [MASK, MASK]
    assert "another-long-pass-1" not in json.dumps([e.changes for e in AuditEntry.objects.all()])


def test_one_insert_per_write(office: Any, django_assert_num_queries: Any) -> None:
    department = make_department(office, "Youth")
    department = Department.objects.get(pk=department.pk)
    department.name_en = "Young people"
    # the update, the office's version, the audit entry
    with django_assert_num_queries(3):
        department.save(update_fields=["name_en"])


def test_every_project_model_is_audited_but_derived_data() -> None:
    labels = {m._meta.label for m in audited_models()}
    assert {"accounts.Office", "accounts.OfficeMembership", "accounts.Invitation"} <= labels
    assert {"partnerships.Partnership", "missions.Mission", "knowledge.Practice"} <= labels
    assert {"auth.User", "otp_totp.TOTPDevice"} <= labels
    assert not labels & {"audit.AuditEntry", "records.Event", "core.Counter"}


# ------------------------------------------------------------------ the director's log


@pytest.fixture
def logged(office: Any, other_office: Any) -> dict[str, Any]:
    make_department(office, "Ours")
    make_department(other_office, "Theirs")
    return {"ours": office, "theirs": other_office}


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("officer", 403), ("director", 200)])
def test_only_directors_read_the_log(
    office: Any, member_client: Any, role: str, status: int, logged: Any
) -> None:
    client = member_client(office, role)
    assert client.get(_url("audit:log", office_slug=office.slug)).status_code == status
    assert client.get(_url("audit:export", office_slug=office.slug)).status_code == status
    assert client.get(f"/api/v1/offices/{office.slug}/audit").status_code == status


def test_another_offices_entries_never_appear(
    office: Any, other_office: Any, member_client: Any, logged: Any
) -> None:
    director = member_client(office, Role.DIRECTOR)
    page = director.get(_url("audit:log", office_slug=office.slug)).content.decode()
    assert "Ours" in page and "Theirs" not in page
    export = b"".join(director.get(_url("audit:export", office_slug=office.slug)).streaming_content)
    assert "Ours" in export.decode() and "Theirs" not in export.decode()
    body = director.get(f"/api/v1/offices/{office.slug}/audit").json()
    assert all(
        i["object_type"] != "accounts.department" or "Ours" in json.dumps(i) for i in body["items"]
    )
    assert "Theirs" not in json.dumps(body)
    # another office's log is not found at all
    assert director.get(_url("audit:log", office_slug=other_office.slug)).status_code == 404
    assert director.get(f"/api/v1/offices/{other_office.slug}/audit").status_code == 404


def test_the_log_filters_by_actor_kind_and_dates(office: Any, member_client: Any) -> None:
    director = member_client(office, Role.DIRECTOR)
    name = director.membership.user.username
    director.post(
        _url("accounts:department_add", office_slug=office.slug),
        {"name_fa": "ورزش", "name_en": "Sport"},
    )
    make_department(office, "By the system")
    url = _url("audit:log", office_slug=office.slug)
    mine = director.get(url, {"actor": name}).content.decode()
    assert "Sport" in mine and "By the system" not in mine
    kind = director.get(url, {"object_type": "accounts.officemembership"}).content.decode()
    assert "Sport" not in kind
    today = timezone.localdate()
    future = director.get(url, {"since": str(today + dt.timedelta(days=1))}).content.decode()
    assert "data-audit-row" not in future and "data-empty" in future
    now = director.get(url, {"since": str(today), "until": str(today)}).content.decode()
    assert "Sport" in now
    api = director.get(
        f"/api/v1/offices/{office.slug}/audit",
        {"actor": name, "object_type": "accounts.department"},
    ).json()
    assert api["count"] == 1 and api["items"][0]["changes"]["name_en"] == [None, "Sport"]


def test_the_api_answers_newest_first_in_its_shape(office: Any, member_client: Any) -> None:
    director = member_client(office, Role.DIRECTOR)
    for n in range(3):
        make_department(office, f"Dept {n}")
    body = director.get(f"/api/v1/offices/{office.slug}/audit", {"limit": 2}).json()
    assert body["count"] >= 3 and len(body["items"]) == 2
    first = body["items"][0]
    assert set(first) >= {"actor", "action", "object_type", "object_id", "changes", "at", "ip"}
    assert first["changes"]["name_en"] == [None, "Dept 2"]
    ats = [i["at"] for i in body["items"]]
    assert ats == sorted(ats, reverse=True)


@pytest.mark.parametrize(
    "query",
    [
        {"limit": 10**12},
        {"offset": -1},
        {"limit": 0},
        {"since": "not-a-date"},
        {"since": "9999-01-01"},
        {"actor": "x" * 151},
        {"object_type": "y" * 101},
    ],
)
def test_the_api_refuses_bad_queries_with_422(office: Any, member_client: Any, query: Any) -> None:
    director = member_client(office, Role.DIRECTOR)
    response = director.get(f"/api/v1/offices/{office.slug}/audit", query)
    assert response.status_code == 422


def test_the_csv_export_is_an_attachment_that_runs_no_formula(
    office: Any, member_client: Any
) -> None:
    director = member_client(office, Role.DIRECTOR)
    make_department(office, '=HYPERLINK("http://evil")')
    response = director.get(_url("audit:export", office_slug=office.slug))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "at",
        "actor",
        "source",
        "action",
        "object_type",
        "object_id",
        "changes",
        "ip",
    ]
    assert all(not cell.startswith("=") for row in rows for cell in row)


def test_the_log_is_paginated(office: Any, member_client: Any) -> None:
    director = member_client(office, Role.DIRECTOR)
    for n in range(55):
        make_department(office, f"Many {n}")
    url = _url("audit:log", office_slug=office.slug)
    first = director.get(url).content.decode()
    assert first.count("data-audit-row=") == 50
    second = director.get(url, {"page": 2}).content.decode()
    assert 1 <= second.count("data-audit-row=") <= 10


def test_membership_changes_and_invitations_reach_the_offices_log(
    office: Any, member_client: Any
) -> None:
    director = member_client(office, Role.DIRECTOR)
    director.post(
        _url("accounts:members", office_slug=office.slug), {"invitee": "newcomer", "role": "viewer"}
    )
    member = make_member(office, Role.VIEWER)
    director.post(
        _url("accounts:member_edit", office_slug=office.slug, pk=member.pk), {"role": "officer"}
    )
    types = {e.object_type for e in AuditEntry.objects.filter(office_pk=office.pk)}
    assert {"accounts.invitation", "accounts.officemembership"} <= types
    change = _entries(object_type="accounts.officemembership", action="update")[-1]
    assert change.changes["role"] == ["viewer", "officer"]
    invite = _entries(object_type="accounts.invitation")[-1]
    assert invite.changes["token_hash"] == [None, MASK]


def test_an_office_without_a_slug_match_is_404_not_403(client: Any, db: Any) -> None:
    assert Office.objects.count() == 0
    assert client.get("/api/v1/offices/nowhere/audit").status_code in {401, 404}


def test_the_kept_log_shows_a_write_made_after_it_was_kept(office: Any, member_client: Any) -> None:
    """The log page is kept under the office's data version: every audited write of the
    office raises it, so the next look shows the write."""
    client = member_client(office, Role.DIRECTOR)
    url = reverse("audit:log", kwargs={"office_slug": office.slug})
    assert "Logistics desk" not in client.get(url).content.decode()
    make_department(office, "Logistics desk")
    assert "Logistics desk" in client.get(url).content.decode()


def test_deferred_entries_are_written_at_the_end_or_not_at_all() -> None:
    from peyvand.audit.recorder import audit_deferred

    with audit_deferred() as pending:
        first = make_department(Office.objects.create(slug="deferred-a", name_fa="الف"), "A")
        assert not AuditEntry.objects.filter(object_type="accounts.department").exists()
        assert pending  # kept, in the order written
    entry = AuditEntry.objects.get(object_type="accounts.department", object_id=str(first.pk))
    assert entry.action == "create" and entry.changes["name_fa"][1] == first.name_fa
    with audit_deferred(keep=False) as pending:
        make_department(Office.objects.create(slug="deferred-b", name_fa="ب"), "B")
    assert (
        pending == [] and AuditEntry.objects.filter(object_type="accounts.department").count() == 1
    )
