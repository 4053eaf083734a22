"""The reports API: ask (202 with the id), read the state (and the downloads once done),
list {count, items}; the same service's rules, refusals as 4xx with nothing written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peyvand.reports import services
from peyvand.reports.models import AnnualReport

pytestmark = pytest.mark.django_db


def post(client: Any, slug: str, data: Any) -> Any:
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(
        f"/api/v1/offices/{slug}/reports", data=body, content_type="application/json"
    )


def test_asking_answers_202_with_the_id_then_the_state_then_the_downloads(
    office: Any, member_client: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    client = member_client(office, "officer")
    with django_capture_on_commit_callbacks(execute=True):
        answer = post(client, office.slug, {"year": 1404, "calendar": "jalali", "language": "fa"})
    assert answer.status_code == 202, answer.content
    body = answer.json()
    report = AnnualReport.objects.get()
    assert body["id"] == report.pk and body["status"] == "queued"
    assert body["url"].endswith(f"/api/v1/offices/{office.slug}/reports/{report.pk}")
    state = client.get(f"/api/v1/offices/{office.slug}/reports/{report.pk}").json()
    assert state["status"] == "done" and state["progress"] == 100
    assert state["pdf_url"].endswith(f"/o/{office.slug}/files/report-pdf/{report.pk}/")
    assert state["xlsx_url"].endswith(f"/o/{office.slug}/files/report-xlsx/{report.pk}/")
    assert client.get(state["pdf_url"]).status_code == 200
    listed = client.get(f"/api/v1/offices/{office.slug}/reports").json()
    assert listed["count"] == 1 and [r["id"] for r in listed["items"]] == [report.pk]


def test_a_report_not_built_yet_has_no_downloads(office: Any, member_client: Any) -> None:
    client = member_client(office, "viewer")
    officer = member_client(office, "officer")
    answer = post(officer, office.slug, {"year": 2025, "calendar": "gregorian", "language": "en"})
    state = client.get(f"/api/v1/offices/{office.slug}/reports/{answer.json()['id']}").json()
    assert state["status"] == "queued" and state["pdf_url"] is None and state["xlsx_url"] is None
    assert (state["year"], state["calendar"], state["language"]) == (2025, "gregorian", "en")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"year": 2025, "calendar": "jalali", "language": "fa"}, "year"),
        ({"year": 1404, "calendar": "gregorian", "language": "fa"}, "year"),
        ({"year": 1404, "calendar": "islamic", "language": "fa"}, "calendar"),
        ({"year": 1404, "calendar": "jalali", "language": "de"}, "language"),
        ({"year": 10**30, "calendar": "jalali", "language": "fa"}, "year"),
        ({"year": -1, "calendar": "jalali", "language": "fa"}, "year"),
        ({"year": None, "calendar": "jalali", "language": "fa"}, "year"),
        ({"year": "1404", "calendar": "jalali\u0000", "language": "fa"}, None),
        ({"year": 1404.5, "calendar": "jalali", "language": "fa"}, "year"),
        ({"year": 1404, "calendar": "j" * 10_000, "language": "fa"}, "calendar"),
        ({"year": 1404, "calendar": ["jalali"], "language": "fa"}, "calendar"),
        ({"calendar": "jalali", "language": "fa"}, "year"),
    ],
)
def test_attacker_inputs_are_refused_and_nothing_is_written(
    office: Any, member_client: Any, payload: Any, field: str | None
) -> None:
    answer = post(member_client(office, "officer"), office.slug, payload)
    assert 400 <= answer.status_code < 500, answer.content
    if field is not None:
        assert answer.status_code == 422 and field in answer.json()["errors"], answer.json()
    assert not AnnualReport.objects.exists()


def test_a_body_that_is_not_json_is_refused(office: Any, member_client: Any) -> None:
    answer = post(member_client(office, "officer"), office.slug, "{not json")
    assert answer.status_code in (400, 422)
    assert not AnnualReport.objects.exists()


def test_the_refusal_is_translated(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    answer = client.post(
        f"/api/v1/offices/{office.slug}/reports",
        data=json.dumps({"year": 2025, "calendar": "jalali", "language": "fa"}),
        content_type="application/json",
        headers={"Accept-Language": "fa"},
    )
    # JSON keeps Latin digits (only HTML answers turn them Persian).
    assert answer.json()["errors"]["year"] == ["سالی از 1279 تا 1479 در این تقویم برگزینید."]


def test_a_viewer_is_refused_403(office: Any, member_client: Any) -> None:
    answer = post(member_client(office, "viewer"), office.slug, {"year": 1404})
    assert answer.status_code == 403 and not AnnualReport.objects.exists()


def test_too_many_unfinished_reports_answer_409(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    for _ in range(services.UNFINISHED_MAX):
        assert post(client, office.slug, {"year": 1404}).status_code == 202
    answer = post(client, office.slug, {"year": 1403})
    assert answer.status_code == 409 and "detail" in answer.json()
    assert AnnualReport.objects.count() == services.UNFINISHED_MAX


def test_another_offices_report_and_office_answer_404(
    office: Any, other_office: Any, member_client: Any
) -> None:
    theirs = post(member_client(other_office, "officer"), other_office.slug, {"year": 1404})
    theirs_id = theirs.json()["id"]
    client = member_client(office, "director")
    assert client.get(f"/api/v1/offices/{office.slug}/reports/{theirs_id}").status_code == 404
    assert client.get(f"/api/v1/offices/{other_office.slug}/reports/{theirs_id}").status_code == 404
    assert client.get(f"/api/v1/offices/{other_office.slug}/reports").status_code == 404
    assert post(client, other_office.slug, {"year": 1404}).status_code == 404
    assert client.get(f"/api/v1/offices/{office.slug}/reports").json()["count"] == 0
    for bad in ("0", "-1", str(2**63), "abc"):
        answer = client.get(f"/api/v1/offices/{office.slug}/reports/{bad}")
        assert answer.status_code in (404, 422), bad
    assert AnnualReport.objects.count() == 1


def test_the_list_pages_with_limit_and_offset(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    ids = [post(client, office.slug, {"year": 1404 - i}).json()["id"] for i in range(3)]
    page = client.get(f"/api/v1/offices/{office.slug}/reports?limit=2&offset=1").json()
    assert page["count"] == 3 and [r["id"] for r in page["items"]] == ids[::-1][1:3]
    assert client.get(f"/api/v1/offices/{office.slug}/reports?limit=0").status_code == 422
    assert client.get(f"/api/v1/offices/{office.slug}/reports?offset=-1").status_code == 422


def test_the_list_sorts_by_a_key_it_offers_and_a_request_takes_only_its_fields(
    office: Any, member_client: Any
) -> None:
    client = member_client(office, "officer")
    path = f"/api/v1/offices/{office.slug}/reports"
    assert client.get(path + "?ordering=-year").status_code == 200
    refused = client.get(path + "?ordering=office")
    assert refused.status_code == 422 and "ordering" in refused.json()["errors"]
    extra = post(client, office.slug, {"year": 1404, "pages": 3})
    assert extra.status_code == 422 and "pages" in extra.json()["errors"]
    assert not AnnualReport.objects.exists()
