"""The API: shapes, the same rules and roles as the pages, 404 for another office, 422 and
412 writing nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.organizations import services
from peyvand.organizations.models import Membership

from .factories import make_membership, shipped
from .support import api

TODAY = timezone.localdate()


def send(client: Any, method: str, path: str, data: Any, **headers: Any) -> Any:
    return getattr(client, method)(
        path, data=json.dumps(data), content_type="application/json", **headers
    )


def test_the_organisations_list_and_one(office: Any, member_client: Any) -> None:
    client = member_client(office, "viewer")
    body = client.get("/api/v1/organizations").json()
    assert set(body) == {"count", "limit", "offset", "items"}
    assert body["count"] == 16
    item = next(i for i in body["items"] if i["acronym"] == "UCLG")
    assert item["shipped"] is True
    assert item["kind"] == "city_network"
    assert client.get("/api/v1/organizations?kind=development_bank").json()["count"] == 4
    assert client.get("/api/v1/organizations?q=metropol").json()["count"] == 1
    assert client.get("/api/v1/organizations?limit=2&offset=2").json()["items"][0]
    one = client.get(f"/api/v1/organizations/{item['id']}")
    assert one.status_code == 200
    assert one["ETag"] == '"v1"'
    assert client.get("/api/v1/organizations/999999").status_code == 404
    assert client.get("/api/v1/organizations?limit=100000").status_code == 422


def test_a_correction_shows_in_the_world_list_at_once(office: Any, member_client: Any) -> None:
    client = member_client(office, "viewer")
    assert client.get("/api/v1/organizations?q=C-40").json()["count"] == 0
    services.organization_update(
        organization=shipped("C40"), office=office, actor=SYSTEM, data={"acronym": "C-40"}
    )
    assert client.get("/api/v1/organizations?q=C-40").json()["count"] == 1


def test_memberships_list_and_one_with_roles_obligations_and_fee_state(
    office: Any, member_client: Any
) -> None:
    m = make_membership(
        office,
        shipped("UCLG"),
        annual_fee=15000,
        fee_currency="EUR",
        fee_due_on=TODAY - dt.timedelta(days=1),
    )
    services.role_create(membership=m, actor=SYSTEM, kind="board", title="World Council")
    services.obligation_create(
        membership=m, actor=SYSTEM, kind="report", title="Report", due_on=TODAY
    )
    make_membership(office, shipped("OICC"), fee_paid_on=TODAY)
    client = member_client(office, "viewer")
    body = client.get(api(office, "/memberships")).json()
    assert body["count"] == 2
    uclg = body["items"][1]
    assert uclg["organization_acronym"] == "UCLG"
    assert uclg["fee_state"] == "overdue"
    assert uclg["roles"][0]["title"] == "World Council"
    assert uclg["obligations"][0]["title"] == "Report"
    assert client.get(api(office, "/memberships?fee=paid")).json()["count"] == 1
    assert client.get(api(office, "/memberships?status=left")).json()["count"] == 0
    one = client.get(api(office, f"/memberships/{m.pk}"))
    assert one.status_code == 200
    assert one["ETag"] == f'"v{m.version}"'
    assert one.json()["annual_fee"] in ("15000.00", 15000, "15000")


def test_an_officer_creates_a_membership(office: Any, member_client: Any) -> None:
    client = member_client(office, "officer")
    response = send(
        client,
        "post",
        api(office, "/memberships"),
        {
            "organization": shipped("Metropolis").pk,
            "since": "1985-01-01",
            "annual_fee": "9500.50",
            "fee_currency": "eur",
            "fee_due_on": "2030-01-01",
            "focal_person": client.membership.user.pk,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["fee_currency"], body["fee_state"], body["status"]) == ("EUR", "due", "member")
    assert response["ETag"] == '"v1"'


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"annual_fee": "100"}, "fee_currency"),
        ({"fee_currency": "EURO"}, "fee_currency"),
        ({"status": "honorary"}, "status"),
        ({"since": "1800-01-01"}, "since"),
        ({"annual_fee": "1e20", "fee_currency": "EUR"}, "annual_fee"),
        ({"annual_fee": "NaN", "fee_currency": "EUR"}, "annual_fee"),
        ({"annual_fee": -5, "fee_currency": "EUR"}, "annual_fee"),
        ({"notes": "x" * 5000}, "notes"),
        ({"notes": None}, "notes"),
        ({"since": 12}, "since"),
        ({"organization": 10**30}, "organization"),
        ({"organization": 999999}, "organization"),
        ({"focal_person": 999999}, "focal_person"),
    ],
)
def test_refused_input_is_a_422_and_writes_nothing(
    office: Any, member_client: Any, payload: dict[str, Any], field: str
) -> None:
    client = member_client(office, "officer")
    data = {"organization": shipped("C40").pk, **payload}
    response = send(client, "post", api(office, "/memberships"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"]
    assert any(key.startswith(field) for key in body["errors"]), body
    assert not Membership.objects.exists()


def test_a_second_membership_and_a_stranger_as_focal_person_are_refused(
    office: Any, other_office: Any, member_client: Any
) -> None:
    make_membership(office, shipped("UCLG"))
    client = member_client(office, "officer")
    response = send(
        client, "post", api(office, "/memberships"), {"organization": shipped("UCLG").pk}
    )
    assert response.status_code == 422
    assert "organization" in response.json()["errors"]
    stranger = member_client(other_office, "officer").membership.user
    response = send(
        client,
        "post",
        api(office, "/memberships"),
        {"organization": shipped("C40").pk, "focal_person": stranger.pk},
    )
    assert response.status_code == 422
    assert "focal_person" in response.json()["errors"]
    assert Membership.objects.count() == 1


def test_patch_with_if_match_and_a_stale_one(office: Any, member_client: Any) -> None:
    m = make_membership(office, shipped("AMF"))
    client = member_client(office, "officer")
    path = api(office, f"/memberships/{m.pk}")
    ok = send(client, "patch", path, {"status": "suspended", "notes": "x"}, HTTP_IF_MATCH='"v1"')
    assert ok.status_code == 200
    assert ok["ETag"] == '"v2"'
    assert ok.json()["status"] == "suspended"
    stale = send(client, "patch", path, {"status": "left"}, HTTP_IF_MATCH='"v1"')
    assert stale.status_code == 412
    assert stale["ETag"] == '"v2"'
    assert stale.json()["changes"]
    refused = send(client, "patch", path, {"annual_fee": "10"}, HTTP_IF_MATCH='"v2"')
    assert refused.status_code == 422
    null_status = send(
        client, "patch", path, {"status": None, "focal_person": None}, HTTP_IF_MATCH='"v2"'
    )
    assert null_status.status_code == 200
    m.refresh_from_db()
    assert (m.status, m.annual_fee, m.version) == ("suspended", None, 2)


def test_a_viewer_may_not_write(office: Any, member_client: Any) -> None:
    m = make_membership(office, shipped("AMF"))
    client = member_client(office, "viewer")
    created = send(client, "post", api(office, "/memberships"), {"organization": shipped("C40").pk})
    assert created.status_code == 403
    patched = send(client, "patch", api(office, f"/memberships/{m.pk}"), {"status": "left"})
    assert patched.status_code == 403
    assert Membership.objects.get().status == "member"


def test_anonymous_is_refused(office: Any, client: Any) -> None:
    assert client.get(api(office, "/memberships")).status_code == 401
