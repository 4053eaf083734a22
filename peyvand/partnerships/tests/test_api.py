"""The API: same rules and roles as the pages, office isolation, ETag / If-Match."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department
from peyvand.partnerships import services
from peyvand.places.tests.factories import make_city

from .factories import make_partnership, with_home_city

TODAY = timezone.localdate()


def base(office: Any) -> str:
    return f"/api/v1/offices/{office.slug}"


def send(client: Any, method: str, path: str, data: Any, **headers: Any) -> Any:
    return getattr(client, method)(
        path, data=json.dumps(data), content_type="application/json", **headers
    )


def test_list_and_detail_carry_the_health_score(office: Any, member_client: Any) -> None:
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=1200))
    client = member_client(office, "viewer")
    body = client.get(base(office) + "/partnerships").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["id"] == p.pk
    assert isinstance(item["health_score"], int)
    assert item["health_label"] == "dormant"
    assert item["paper_only"] is True
    assert "recency" in item["components"]
    response = client.get(base(office) + f"/partnerships/{p.pk}")
    assert response.status_code == 200
    assert response["ETag"] == f'"v{p.version}"'


def test_another_office_answers_404(office: Any, other_office: Any, member_client: Any) -> None:
    theirs = make_partnership(other_office)
    c = services.commitment_create(partnership=theirs, actor=SYSTEM, title="x", due_on=TODAY)
    client = member_client(office, "director")
    assert client.get(base(office) + f"/partnerships/{theirs.pk}").status_code == 404
    assert client.get(base(office) + f"/commitments/{c.pk}").status_code == 404
    assert (
        send(client, "patch", base(office) + f"/commitments/{c.pk}", {"status": "done"}).status_code
        == 404
    )
    assert client.get(base(other_office) + "/partnerships").status_code == 404


def test_anonymous_is_refused(office: Any, client: Any) -> None:
    assert client.get(base(office) + "/partnerships").status_code == 401


def test_create_validates_with_clear_422(office: Any, member_client: Any) -> None:
    with_home_city(office)
    client = member_client(office, "officer")
    response = send(
        client,
        "post",
        base(office) + "/partnerships",
        {"partner_city": office.home_city.code},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert "own city" in response.json()["detail"]
    city = make_city("Vienna", country="AT")
    response = send(
        client,
        "post",
        base(office) + "/partnerships",
        {"partner_city": city.code, "kind": "sister", "status": "proposed", "areas": ["water"]},
    )
    assert response.status_code == 201
    assert response.json()["areas"] == ["water"]
    viewer = member_client(office, "viewer")
    assert (
        send(
            viewer, "post", base(office) + "/partnerships", {"partner_city": city.code}
        ).status_code
        == 403
    )


def test_a_stale_update_answers_412(office: Any, member_client: Any) -> None:
    p = make_partnership(office, summary_en="a")
    client = member_client(office, "officer")
    etag = client.get(base(office) + f"/partnerships/{p.pk}")["ETag"]
    ok = send(
        client,
        "patch",
        base(office) + f"/partnerships/{p.pk}",
        {"summary_en": "b"},
        HTTP_IF_MATCH=etag,
    )
    assert ok.status_code == 200
    assert ok["ETag"] != etag
    stale = send(
        client,
        "patch",
        base(office) + f"/partnerships/{p.pk}",
        {"summary_en": "c"},
        HTTP_IF_MATCH=etag,
    )
    assert stale.status_code == 412
    assert stale.json()["changes"][0]["changes"]["summary_en"] == ["a", "b"]
    p.refresh_from_db()
    assert p.summary_en == "b"


def test_activities_and_commitments_through_the_api(
    office: Any, other_office: Any, member_client: Any
) -> None:
    dept = make_department(office)
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=1200))
    theirs = make_partnership(other_office)
    liaison = member_client(office, "liaison", department=dept)
    payload = {
        "date": TODAY.isoformat(),
        "kind": "visit_in",
        "title": "Delegation",
        "initiated_by": "partner",
        "partnerships": [p.pk, theirs.pk],
        "outcomes": [{"kind": "investment", "value": "2.5", "unit": "million EUR"}],
    }
    assert send(liaison, "post", base(office) + "/activities", payload).status_code == 422
    payload["partnerships"] = [p.pk]
    response = send(liaison, "post", base(office) + "/activities", payload)
    assert response.status_code == 201
    assert response.json()["outcomes"][0]["unit"] == "million EUR"
    p.refresh_from_db()
    assert p.paper_only is False
    officer = member_client(office, "officer")
    created = send(
        officer,
        "post",
        base(office) + f"/partnerships/{p.pk}/commitments",
        {"title": "Study", "due_on": TODAY.isoformat(), "department": dept.pk},
    )
    assert created.status_code == 201
    cid = created.json()["id"]
    done = send(
        liaison,
        "patch",
        base(office) + f"/commitments/{cid}",
        {"status": "done"},
        HTTP_IF_MATCH='"v1"',
    )
    assert done.status_code == 200 and done.json()["on_time"] is True
    other_dept = make_department(office)
    c2 = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Other", due_on=TODAY, department=other_dept
    )
    assert (
        send(
            liaison,
            "patch",
            base(office) + f"/commitments/{c2.pk}",
            {"status": "done"},
            HTTP_IF_MATCH='"v1"',
        ).status_code
        == 403
    )
    listing = liaison.get(base(office) + f"/activities?partnership={p.pk}").json()
    assert listing["count"] == 1


def test_a_second_live_pact_with_a_partner_answers_422_naming_the_first(
    office: Any, member_client: Any
) -> None:
    warsaw = make_city("Warsaw", country="PL")
    first = make_partnership(office, partner_city=warsaw)
    officer = member_client(office, "officer")
    payload = {"partner_city": warsaw.code, "kind": "mou", "status": "proposed"}
    response = send(officer, "post", base(office) + "/partnerships", payload)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert list(errors) == ["partner_city"]
    assert str(first.pk) in errors["partner_city"][0]
    services.partnership_set_status(partnership=first, actor=SYSTEM, status="ended", reason="Old")
    assert send(officer, "post", base(office) + "/partnerships", payload).status_code == 201


def test_text_beyond_its_limit_and_a_value_without_a_kind_answer_422(
    office: Any, member_client: Any
) -> None:
    officer = member_client(office, "officer")
    city = make_city("Warsaw", country="PL")
    long = {"partner_city": city.code, "summary_fa": "ب" * 40_000}
    response = send(officer, "post", base(office) + "/partnerships", long)
    assert response.status_code == 422 and "summary_fa" in response.json()["errors"]
    p = make_partnership(office)
    activity = {
        "date": TODAY.isoformat(),
        "kind": "event",
        "title": "Fair",
        "partnerships": [p.pk],
        "outcomes": [{"kind": "", "value": "12", "unit": "contracts"}],
    }
    response = send(officer, "post", base(office) + "/activities", activity)
    assert response.status_code == 422
    assert "outcomes.0.kind" in response.json()["errors"]


def test_a_proposed_pact_has_no_health_label_in_the_api(office: Any, member_client: Any) -> None:
    p = make_partnership(office, status="proposed")
    item = member_client(office, "viewer").get(base(office) + f"/partnerships/{p.pk}").json()
    assert (item["health_label"], item["health_score"], item["paper_only"]) == ("", None, False)


def test_the_activity_list_sorts_by_a_key_it_offers_and_refuses_others(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office)
    for title, days in (("Beta", 3), ("Alpha", 1), ("Gamma", 2)):
        services.activity_log(
            office=office,
            actor=SYSTEM,
            partnerships=[p],
            date=TODAY - dt.timedelta(days=days),
            kind="event",
            title=title,
        )
    client = member_client(office, "viewer")
    titles = lambda q: [a["title"] for a in client.get(base(office) + q).json()["items"]]  # noqa: E731
    assert titles("/activities") == ["Alpha", "Gamma", "Beta"]  # newest first by default
    assert titles("/activities?ordering=title") == ["Alpha", "Beta", "Gamma"]
    assert titles("/activities?ordering=-title") == ["Gamma", "Beta", "Alpha"]
    assert titles("/activities?ordering=date") == ["Beta", "Gamma", "Alpha"]
    refused = client.get(base(office) + "/activities?ordering=password")
    assert refused.status_code == 422
    assert refused.json()["code"] == "validation_error" and "ordering" in refused.json()["errors"]
