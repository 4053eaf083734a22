"""What an attacker sends is refused with a 4xx and writes nothing, on pages and in the API
(one validation, in the services). Each case answered 500 before; one corrupted data."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from peyvand.accounts.actors import SYSTEM
from peyvand.partnerships import services
from peyvand.partnerships.models import Activity, Commitment, Outcome, Partnership
from peyvand.records.models import Event
from peyvand.records.tests.locking import current

from .factories import make_partnership, with_home_city

TODAY = dt.date.today()


def api(office: Any) -> str:
    return f"/api/v1/offices/{office.slug}"


def send(client: Client, method: str, path: str, data: Any, **headers: Any) -> Any:
    return getattr(client, method)(
        path, data=json.dumps(data), content_type="application/json", **headers
    )


def counts() -> tuple[int, ...]:
    return (
        Partnership.objects.count(),
        Activity.objects.count(),
        Outcome.objects.count(),
        Commitment.objects.count(),
        Event.objects.count(),
    )


def activity(pact: Partnership, **changes: Any) -> dict[str, Any]:
    body = {"date": str(TODAY), "kind": "event", "title": "Forum", "partnerships": [pact.pk]}
    return {**body, **changes}


@pytest.fixture
def setup(office: Any, member_client: Any) -> tuple[Any, Client, Partnership]:
    with_home_city(office)
    return office, member_client(office, "director"), make_partnership(office)


OUTCOMES = [
    {"kind": "investment", "value": 1e20},
    {"kind": "investment", "value": 12345678901234},
    {"kind": "investment", "value": "1e400"},
    {"kind": "investment", "value": "NaN"},
    {"kind": "investment", "unit": "x" * 5000},
    {"kind": "investment", "note": "x" * 5000},
    {"kind": "investment", "note": "a\x00b"},
]


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_an_activity_with_an_impossible_outcome_is_refused_and_nothing_is_written(
    setup: Any, outcome: dict[str, Any]
) -> None:
    office, client, pact = setup
    before = counts()
    response = send(client, "post", api(office) + "/activities", activity(pact, outcomes=[outcome]))
    assert response.status_code == 422, response.content
    assert counts() == before
    # Every page that shows activities still answers.
    assert client.get(api(office) + "/activities").status_code == 200
    detail = reverse("partnerships:detail", kwargs={"office_slug": office.slug, "pk": pact.pk})
    assert client.get(detail).status_code == 200


@pytest.mark.parametrize(
    "changes",
    [
        {"participants": 10**20},
        {"participants": 2**63},
        {"title": "x" * 301},
        {"title": "a\x00b"},
        {"description": "x" * 20_000},
        {"date": "0001-01-01"},
        {"date": "1899-12-31"},
        {"kind": "party"},
        {"kind": None},
        {"initiated_by": "martians"},
    ],
)
def test_an_impossible_activity_is_refused(setup: Any, changes: dict[str, Any]) -> None:
    office, client, pact = setup
    before = counts()
    response = send(client, "post", api(office) + "/activities", activity(pact, **changes))
    assert 400 <= response.status_code < 500, response.content
    assert counts() == before


@pytest.mark.parametrize(
    "changes",
    [
        {"status": None},
        {"kind": None},
        {"kind": "marriage"},
        {"status": "imaginary"},
        {"signed_on": "2999-01-01"},
        {"signed_on": "0001-01-01"},
        {"summary_en": "x" * 20_000},
        {"summary_fa": "\x00"},
    ],
)
def test_an_impossible_pact_change_is_refused(setup: Any, changes: dict[str, Any]) -> None:
    office, client, pact = setup
    before = counts()
    response = send(
        client, "patch", api(office) + f"/partnerships/{pact.pk}", changes, **current(pact)
    )
    assert response.status_code == 422, response.content
    assert counts() == before
    refreshed = Partnership.objects.get(pk=pact.pk)
    assert (refreshed.version, refreshed.status, refreshed.kind) == (1, "active", "sister")


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(3)", "not a link", "https://example.org/" + "x" * 10_000, "ftp://x.org/a"],
)
def test_an_evidence_link_must_be_a_web_address(setup: Any, link: str) -> None:
    office, client, pact = setup
    c = services.commitment_create(
        partnership=pact, actor=SYSTEM, title="Exchange", due_on=TODAY + dt.timedelta(days=9)
    )
    response = send(
        client, "patch", api(office) + f"/commitments/{c.pk}", {"evidence_link": link}, **current(c)
    )
    assert response.status_code == 422, response.content
    c.refresh_from_db()
    assert (c.evidence_link, c.version) == ("", 1)
    detail = reverse("partnerships:detail", kwargs={"office_slug": office.slug, "pk": pact.pk})
    assert "javascript:" not in client.get(detail).content.decode()


def test_a_good_evidence_link_is_kept(setup: Any) -> None:
    office, client, pact = setup
    c = services.commitment_create(
        partnership=pact, actor=SYSTEM, title="Exchange", due_on=TODAY + dt.timedelta(days=9)
    )
    link = "https://example.org/report.pdf"
    response = send(
        client, "patch", api(office) + f"/commitments/{c.pk}", {"evidence_link": link}, **current(c)
    )
    assert response.status_code == 200
    assert Commitment.objects.get(pk=c.pk).evidence_link == link


def test_a_commitment_due_in_the_year_2999_is_refused(setup: Any) -> None:
    office, client, pact = setup
    before = counts()
    response = send(
        client,
        "post",
        api(office) + f"/partnerships/{pact.pk}/commitments",
        {"title": "Far", "due_on": "2999-01-01"},
    )
    assert response.status_code == 422
    assert "due_on" in response.json()["errors"]
    assert counts() == before


def test_huge_ids_and_filters_on_pages_answer_without_a_server_error(setup: Any) -> None:
    office, client, _pact = setup
    registry = reverse("partnerships:list", kwargs={"office_slug": office.slug})
    assert client.get(registry + "?responsible=999999999999999999999").status_code == 200
    not_ours = reverse("partnerships:not_ours", kwargs={"office_slug": office.slug})
    for city in ("abc", "99999999999999999999999", "-1"):
        assert client.post(not_ours, {"city": city}).status_code == 404


def test_the_database_dump_still_works_after_refused_input(setup: Any) -> None:
    office, client, pact = setup
    send(client, "post", api(office) + "/activities", activity(pact, outcomes=[OUTCOMES[0]]))
    call_command("dumpdata", "partnerships", "records", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_request_the_schema_refuses_answers_the_one_error_shape(setup: Any) -> None:
    office, client, _pact = setup
    response = send(client, "post", api(office) + "/activities", {"date": "x", "kind": 1})
    assert response.status_code == 422
    body = response.json()
    assert isinstance(body["detail"], str)
    assert {"date", "partnerships", "title"} <= set(body["errors"])
    listing = client.get(api(office) + "/partnerships?offset=9223372036854775808")
    assert listing.status_code == 422
    assert "offset" in listing.json()["errors"]
