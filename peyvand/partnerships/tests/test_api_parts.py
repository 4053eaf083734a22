"""The API of a pact's parts: agreements, outcomes, corrections of activities, the office's
commitment and outcome lists. Same roles and rules as the pages; another office's record
answers 404; updates and deletes take If-Match; refused values answer 422 writing nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department
from peyvand.partnerships import services
from peyvand.partnerships.models import Agreement, AgreementFile, Approval, Outcome
from peyvand.records.history import history_of

from .factories import log, make_partnership

TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def base(office: Any) -> str:
    return f"/api/v1/offices/{office.slug}"


def send(client: Any, method: str, path: str, data: Any, version: Any = None) -> Any:
    headers = {} if version is None else {"HTTP_IF_MATCH": f'"v{version}"'}
    return getattr(client, method)(
        path, data=json.dumps(data), content_type="application/json", **headers
    )


# --- agreements --------------------------------------------------------------------------


def test_an_officer_adds_reads_and_corrects_an_agreement(office: Any, member_client: Any) -> None:
    p = make_partnership(office)
    officer = member_client(office, "officer")
    created = send(
        officer,
        "post",
        base(office) + f"/partnerships/{p.pk}/agreements",
        {"title": "Sister city agreement", "signed_on": "2019-05-14"},
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["partnership"] == p.pk and body["files"] == []
    assert created["ETag"] == f'"v{body["version"]}"'
    url = base(office) + f"/agreements/{body['id']}"
    read = officer.get(url)
    assert read.status_code == 200 and read["ETag"] == created["ETag"]
    listed = officer.get(base(office) + f"/partnerships/{p.pk}/agreements").json()
    assert [a["id"] for a in listed] == [body["id"]]
    fixed = send(officer, "patch", url, {"valid_until": "2029-05-14"}, body["version"])
    assert fixed.status_code == 200, fixed.json()
    assert fixed.json()["title"] == "Sister city agreement"
    assert fixed.json()["valid_until"] == "2029-05-14"
    assert fixed["ETag"] != created["ETag"]
    assert "agreement_updated" in [e.action for e in history_of(p)]


def test_agreement_writes_are_for_officers_and_their_own_office(
    office: Any, other_office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(partnership=p, actor=SYSTEM, title="Paper")
    theirs = services.agreement_create(
        partnership=make_partnership(other_office), actor=SYSTEM, title="Theirs"
    )
    liaison = member_client(office, "liaison")
    assert liaison.get(base(office) + f"/agreements/{agreement.pk}").status_code == 200
    path = base(office) + f"/partnerships/{p.pk}/agreements"
    assert send(liaison, "post", path, {"title": "No"}).status_code == 403
    url = base(office) + f"/agreements/{agreement.pk}"
    assert send(liaison, "patch", url, {"title": "No"}, agreement.version).status_code == 403
    director = member_client(office, "director")
    assert director.get(base(office) + f"/agreements/{theirs.pk}").status_code == 404
    other = base(office) + f"/agreements/{theirs.pk}"
    assert send(director, "patch", other, {"title": "No"}, theirs.version).status_code == 404
    theirs_pact = base(office) + f"/partnerships/{theirs.partnership_id}/agreements"
    assert send(director, "post", theirs_pact, {"title": "No"}).status_code == 404
    assert Agreement.objects.count() == 2
    agreement.refresh_from_db()
    assert agreement.title == "Paper"


def test_a_stale_or_refused_agreement_correction_writes_nothing(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(partnership=p, actor=SYSTEM, title="Paper")
    officer = member_client(office, "officer")
    url = base(office) + f"/agreements/{agreement.pk}"
    assert send(officer, "patch", url, {"title": "New"}, agreement.version + 1).status_code == 412
    for body, field in (
        ({"title": "t" * 301}, "title"),
        ({"title": "  "}, "title"),
        ({"languages": "l" * 500}, "languages"),
        ({"signed_on": "2020-01-01", "valid_until": "2019-01-01"}, "valid_until"),
        ({"signed_on": "not a date"}, "signed_on"),
        ({"nonsense": 1}, "nonsense"),
    ):
        answer = send(officer, "patch", url, body, agreement.version)
        assert answer.status_code == 422, body
        assert field in answer.json()["errors"], answer.json()
    agreement.refresh_from_db()
    assert agreement.title == "Paper" and agreement.version == 1


def test_an_officer_removes_a_file_of_an_agreement(
    office: Any, other_office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    upload = SimpleUploadedFile("pact.pdf", PDF, content_type="application/pdf")
    agreement = services.agreement_create(
        partnership=p, actor=SYSTEM, title="Paper", files=[upload]
    )
    row = agreement.files.get()
    officer = member_client(office, "officer")
    files = officer.get(base(office) + f"/agreements/{agreement.pk}").json()["files"]
    assert files[0]["id"] == row.pk and files[0]["content_type"] == "application/pdf"
    url = base(office) + f"/agreement-files/{row.pk}"
    assert member_client(office, "liaison").delete(url).status_code == 403
    assert (
        member_client(other_office, "director")
        .delete(base(other_office) + f"/agreement-files/{row.pk}")
        .status_code
        == 404
    )
    assert AgreementFile.objects.filter(pk=row.pk).exists()
    assert officer.delete(url).status_code == 204
    assert not AgreementFile.objects.filter(pk=row.pk).exists()


# --- outcomes ----------------------------------------------------------------------------


def test_a_liaison_records_corrects_and_removes_an_outcome_of_their_activity(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    liaison = member_client(office, "liaison")
    activity = services.activity_log(
        office=office,
        actor=liaison.membership,
        partnerships=[p],
        date=TODAY,
        kind="event",
        title="Fair",
    )
    created = send(
        liaison,
        "post",
        base(office) + f"/activities/{activity.pk}/outcomes",
        {"kind": "trade", "value": "3", "unit": "deals"},
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["activity"] == activity.pk and body["value"] == "3.00"
    url = base(office) + f"/outcomes/{body['id']}"
    read = liaison.get(url)
    assert read.status_code == 200 and read["ETag"] == f'"v{body["version"]}"'
    fixed = send(liaison, "patch", url, {"note": "At the fair"}, body["version"])
    assert fixed.status_code == 200, fixed.json()
    assert fixed.json()["kind"] == "trade" and fixed.json()["note"] == "At the fair"
    # Publishing is an officer's: refused, and the correction sent with it is not saved.
    refused = send(liaison, "patch", url, {"note": "x", "published": True}, fixed.json()["version"])
    assert refused.status_code == 403
    outcome = Outcome.objects.get(pk=body["id"])
    assert outcome.note == "At the fair" and not outcome.published
    assert liaison.delete(url, HTTP_IF_MATCH=f'"v{outcome.version - 1}"').status_code == 412
    assert liaison.delete(url, HTTP_IF_MATCH=f'"v{outcome.version}"').status_code == 204
    assert not Outcome.objects.filter(pk=outcome.pk).exists()
    assert "outcome_removed" in [e.action for e in history_of(p)]


def test_outcome_writes_follow_who_may_edit_the_activity(
    office: Any, other_office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    activity = log(office, p, TODAY, outcomes=[{"kind": "grant", "value": "1"}])
    outcome = activity.outcomes.get()
    url = base(office) + f"/outcomes/{outcome.pk}"
    viewer = member_client(office, "viewer")
    assert viewer.get(url).status_code == 200
    path = base(office) + f"/activities/{activity.pk}/outcomes"
    assert send(viewer, "post", path, {"kind": "grant"}).status_code == 403
    # A liaison of another department did not log it: not theirs to change.
    liaison = member_client(office, "liaison", department=make_department(office))
    assert send(liaison, "post", path, {"kind": "grant"}).status_code == 403
    assert send(liaison, "patch", url, {"note": "x"}, outcome.version).status_code == 403
    assert liaison.delete(url, HTTP_IF_MATCH=f'"v{outcome.version}"').status_code == 403
    stranger = member_client(other_office, "director")
    assert stranger.get(base(other_office) + f"/outcomes/{outcome.pk}").status_code == 404
    assert (
        send(stranger, "post", base(other_office) + f"/activities/{activity.pk}/outcomes", {})
    ).status_code in (404, 422)
    assert Outcome.objects.count() == 1
    officer = member_client(office, "officer")
    published = send(officer, "patch", url, {"published": True}, outcome.version)
    assert published.status_code == 200 and published.json()["published"] is True


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "nonsense"}, "kind"),
        ({"kind": "grant", "value": "1" * 40}, "value"),
        ({"kind": "grant", "value": "-1"}, "value"),
        ({"kind": "grant", "value": "abc"}, "value"),
        ({"kind": "grant", "unit": "u" * 500}, "unit"),
        ({"kind": "grant", "note": ["a list"]}, "note"),
        ({"kind": "grant", "colour": "red"}, "colour"),
    ],
)
def test_refused_outcome_values_answer_422_and_write_nothing(
    office: Any, member_client: Any, body: dict[str, Any], field: str
) -> None:
    activity = log(office, make_partnership(office), TODAY)
    officer = member_client(office, "officer")
    answer = send(officer, "post", base(office) + f"/activities/{activity.pk}/outcomes", body)
    assert answer.status_code == 422
    assert field in answer.json()["errors"], answer.json()
    assert not Outcome.objects.exists()


def test_the_office_lists_of_outcomes_and_commitments_filter_and_sort(
    office: Any, member_client: Any
) -> None:
    p, q = make_partnership(office), make_partnership(office)
    log(office, p, TODAY - dt.timedelta(days=3), outcomes=[{"kind": "grant", "value": "5"}])
    log(office, q, TODAY, outcomes=[{"kind": "trade", "value": "1"}])
    services.commitment_create(partnership=p, actor=SYSTEM, title="B", due_on=TODAY)
    services.commitment_create(
        partnership=q, actor=SYSTEM, title="A", due_on=TODAY - dt.timedelta(days=9)
    )
    viewer = member_client(office, "viewer")
    outcomes = viewer.get(base(office) + "/outcomes").json()
    assert [o["kind"] for o in outcomes["items"]] == ["trade", "grant"]
    by_value = viewer.get(base(office) + "/outcomes?ordering=-value").json()
    assert [o["kind"] for o in by_value["items"]] == ["grant", "trade"]
    only = viewer.get(base(office) + f"/outcomes?partnership={p.pk}&kind=grant").json()
    assert only["count"] == 1
    commitments = viewer.get(base(office) + "/commitments").json()
    assert [c["title"] for c in commitments["items"]] == ["A", "B"]
    overdue = viewer.get(base(office) + "/commitments?state=overdue").json()
    assert [c["title"] for c in overdue["items"]] == ["A"]
    by_title = viewer.get(base(office) + f"/partnerships/{p.pk}/commitments?ordering=-title")
    assert [c["title"] for c in by_title.json()] == ["B"]
    assert viewer.get(base(office) + "/commitments?ordering=secret").status_code == 422
    assert viewer.get(base(office) + "/outcomes?ordering=pk").status_code == 422
    pacts = viewer.get(base(office) + "/partnerships?ordering=-signed_on")
    assert pacts.status_code == 200
    assert viewer.get(base(office) + "/partnerships?ordering=office").status_code == 422


# --- activities: corrections -------------------------------------------------------------


def test_an_activity_is_corrected_field_by_field_with_if_match(
    office: Any, other_office: Any, member_client: Any
) -> None:
    p, q = make_partnership(office), make_partnership(office)
    activity = log(office, p, TODAY, participants=4)
    officer = member_client(office, "officer")
    url = base(office) + f"/activities/{activity.pk}"
    read = officer.get(url)
    assert read["ETag"] == f'"v{activity.version}"' and read.json()["version"] == activity.version
    fixed = send(
        officer,
        "patch",
        url,
        {"title": "Trade fair", "partnerships": [p.pk, q.pk], "areas": ["water"]},
        activity.version,
    )
    assert fixed.status_code == 200, fixed.json()
    body = fixed.json()
    assert body["title"] == "Trade fair" and body["participants"] == 4
    assert sorted(body["partnerships"]) == sorted([p.pk, q.pk]) and body["areas"] == ["water"]
    assert send(officer, "patch", url, {"title": "Old"}, activity.version).status_code == 412
    both = send(officer, "patch", url, {"participants": None, "published": True}, body["version"])
    assert both.status_code == 200
    assert both.json()["participants"] is None and both.json()["published"] is True
    theirs = log(other_office, make_partnership(other_office), TODAY)
    other = base(office) + f"/activities/{theirs.pk}"
    assert send(officer, "patch", other, {"title": "x"}, theirs.version).status_code == 404
    foreign = {"partnerships": [make_partnership(other_office).pk]}
    refused = send(officer, "patch", url, foreign, both.json()["version"])
    assert refused.status_code == 422 and "partnerships" in refused.json()["errors"]


def test_activity_corrections_follow_who_may_edit_it(office: Any, member_client: Any) -> None:
    p = make_partnership(office)
    activity = log(office, p, TODAY)
    url = base(office) + f"/activities/{activity.pk}"
    viewer = member_client(office, "viewer")
    assert send(viewer, "patch", url, {"title": "x"}, activity.version).status_code == 403
    liaison = member_client(office, "liaison", department=make_department(office))
    assert send(liaison, "patch", url, {"title": "x"}, activity.version).status_code == 403
    own = services.activity_log(
        office=office,
        actor=liaison.membership,
        partnerships=[p],
        date=TODAY,
        kind="event",
        title="Mine",
    )
    own_url = base(office) + f"/activities/{own.pk}"
    assert send(liaison, "patch", own_url, {"title": "Mine, fixed"}, own.version).status_code == 200
    # Publishing stays an officer's: refused whole.
    again = send(liaison, "patch", own_url, {"title": "Z", "published": True}, own.version + 1)
    assert again.status_code == 403
    own.refresh_from_db()
    assert own.title == "Mine, fixed" and not own.published
    activity.refresh_from_db()
    assert activity.title == "A meeting"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"participants": 10**12}, "participants"),
        ({"participants": "many"}, "participants"),
        ({"title": "t" * 301}, "title"),
        ({"kind": "nonsense"}, "kind"),
        ({"date": "1800-01-01"}, "date"),
        ({"partnerships": []}, "partnerships"),
        ({"partnerships": [10**20]}, "partnerships"),
        ({"areas": ["nowhere"]}, "areas"),
        ({"outcomes": []}, "outcomes"),
    ],
)
def test_refused_activity_corrections_answer_422_and_write_nothing(
    office: Any, member_client: Any, body: dict[str, Any], field: str
) -> None:
    activity = log(office, make_partnership(office), TODAY)
    officer = member_client(office, "officer")
    url = base(office) + f"/activities/{activity.pk}"
    answer = send(officer, "patch", url, body, activity.version)
    assert answer.status_code == 422, answer.json()
    assert any(name.startswith(field) for name in answer.json()["errors"]), answer.json()
    activity.refresh_from_db()
    assert activity.version == 1 and activity.title == "A meeting"


# --- approvals ---------------------------------------------------------------------------


def test_an_officer_adds_an_approval_and_records_its_decision(
    office: Any, other_office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    officer = member_client(office, "officer")
    path = base(office) + f"/partnerships/{p.pk}/approvals"
    created = send(officer, "post", path, {"body": "city_council", "body_name": "Council"})
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["status"] == "pending" and body["has_document"] is False
    assert [a["id"] for a in officer.get(path).json()] == [body["id"]]
    url = base(office) + f"/approvals/{body['id']}"
    undated = send(officer, "post", url + "/decision", {"status": "granted"})
    assert undated.status_code == 422 and "decided_on" in undated.json()["errors"]
    decided = send(
        officer, "post", url + "/decision", {"status": "granted", "decided_on": "2019-04-30"}
    )
    assert decided.status_code == 200, decided.json()
    assert decided.json()["status"] == "granted" and decided.json()["body_name"] == "Council"
    assert "approval_decided" in [e.action for e in history_of(p)]
    stranger = member_client(other_office, "director")
    assert stranger.get(base(other_office) + f"/approvals/{body['id']}").status_code == 404
    assert (
        send(stranger, "post", base(other_office) + f"/approvals/{body['id']}/decision", {})
    ).status_code in (404, 422)


def test_approvals_are_written_by_officers_and_refused_values_write_nothing(
    office: Any, member_client: Any
) -> None:

    p = make_partnership(office)
    path = base(office) + f"/partnerships/{p.pk}/approvals"
    liaison = member_client(office, "liaison")
    assert liaison.get(path).status_code == 200
    assert send(liaison, "post", path, {"body": "ministry"}).status_code == 403
    officer = member_client(office, "officer")
    for data, field in (
        ({"body": "king"}, "body"),
        ({"body": "ministry", "body_name": "n" * 300}, "body_name"),
        ({"body": "ministry", "deadline": "2027-01-01"}, "deadline"),
        ({"body": 10**20}, "body"),
    ):
        answer = send(officer, "post", path, data)
        assert answer.status_code == 422 and field in answer.json()["errors"], answer.json()
    assert not Approval.objects.exists()
    approval = services.approval_add(partnership=p, actor=SYSTEM, body="ministry")
    url = base(office) + f"/approvals/{approval.pk}/decision"
    assert (
        send(liaison, "post", url, {"status": "refused", "decided_on": "2020-01-01"}).status_code
        == 403
    )
    for data, field in (
        ({"status": "maybe"}, "status"),
        ({"status": "granted", "decided_on": "1500-01-01"}, "decided_on"),
        ({"status": "granted", "decided_on": "2020-01-01", "reference": "r" * 300}, "reference"),
    ):
        answer = send(officer, "post", url, data)
        assert answer.status_code == 422 and field in answer.json()["errors"], answer.json()
    approval.refresh_from_db()
    assert approval.status == "pending" and approval.decided_on is None
