"""If-Match is required (docs/decisions/0021): every operation that changes or deletes a
versioned record, read from the OpenAPI document, answers 428 without it and writes nothing;
the document says so (a 428 answer and a required If-Match header)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member, make_office
from peyvand.api.urls import api
from peyvand.knowledge.tests.factories import make_practice
from peyvand.missions.tests.people_factories import make_contact, make_event, make_mission
from peyvand.opportunities import services as opportunities
from peyvand.opportunities.tests.factories import make_application, make_call, make_pitch
from peyvand.organizations import services as organizations
from peyvand.organizations.models import Organization
from peyvand.partnerships import services
from peyvand.partnerships.tests.factories import make_partnership, with_home_city
from peyvand.records.models import Event

pytestmark = pytest.mark.django_db

SCHEMA = api.get_openapi_schema(path_prefix="/api/v1/")
WRITES = [
    (method, path)
    for path, methods in SCHEMA["paths"].items()
    for method in methods
    if method != "get"
]
LOCKED = [(m, p) for m, p in WRITES if 428 in SCHEMA["paths"][p][m]["responses"]]
# Writes that change or delete no versioned record of the office.
UNLOCKED_WRITES = {
    ("delete", "/api/v1/me/tokens/{pk}"),  # an access token: not versioned
    ("post", "/api/v1/offices/{slug}/imports/{kind}"),  # imports create records
    ("post", "/api/v1/offices/{slug}/calendar/feed"),  # the member's feed address
    # a new part of a record: its parent's version is not what the client edits
    ("post", "/api/v1/offices/{slug}/partnerships/{pk}/commitments"),
    ("post", "/api/v1/offices/{slug}/partnerships/{pk}/agreements"),
    ("post", "/api/v1/offices/{slug}/partnerships/{pk}/approvals"),
    ("post", "/api/v1/offices/{slug}/activities/{pk}/outcomes"),
    ("post", "/api/v1/offices/{slug}/memberships/{pk}/obligations"),
    ("post", "/api/v1/offices/{slug}/memberships/{pk}/roles"),
    ("post", "/api/v1/offices/{slug}/pitches/{pk}/parties"),
    ("post", "/api/v1/offices/{slug}/parties/{pk}/follow-ups"),
    ("post", "/api/v1/offices/{slug}/agreements/{pk}/files"),
    ("post", "/api/v1/offices/{slug}/missions/{pk}/documents"),
    ("post", "/api/v1/offices/{slug}/practices/{pk}/documents"),
    ("post", "/api/v1/offices/{slug}/pitches/{pk}/documents"),
    # a dormancy review: the director's decision added to the pact (its page asks for no
    # version either; a retirement ends the pact whatever its last edit)
    ("post", "/api/v1/offices/{slug}/partnerships/{pk}/reviews"),
    # records without a version: approvals, follow-ups, files and documents, members
    ("post", "/api/v1/offices/{slug}/approvals/{pk}/decision"),
    ("post", "/api/v1/offices/{slug}/follow-ups/{pk}/done"),
    ("delete", "/api/v1/offices/{slug}/agreement-files/{pk}"),
    ("delete", "/api/v1/offices/{slug}/mission-documents/{pk}"),
    ("delete", "/api/v1/offices/{slug}/pitch-documents/{pk}"),
    ("delete", "/api/v1/offices/{slug}/practice-documents/{pk}"),
    ("patch", "/api/v1/offices/{slug}/members/{pk}"),
    ("delete", "/api/v1/offices/{slug}/members/{pk}"),
    # the bin: a restore or a purge takes the record as it was deleted (and a purge its
    # typed name), whatever version a client read before
    ("post", "/api/v1/offices/{slug}/bin/{kind}/{pk}/restore"),
    ("post", "/api/v1/offices/{slug}/bin/{kind}/{pk}/purge"),
}
# The body of an operation whose schema requires fields (the others are sent `{}`).
BODIES = {
    "/api/v1/offices/{slug}/missions/{pk}/transitions": {"action": "submit"},
    "/api/v1/offices/{slug}/missions/{pk}/report": {"summary": "Done."},
    "/api/v1/offices/{slug}/practices/{pk}/stage": {"stage": "studied"},
    "/api/v1/offices/{slug}/applications/{pk}/status": {"status": "submitted"},
    "/api/v1/offices/{slug}/activities/{pk}": {"published": True},
    "/api/v1/offices/{slug}/outcomes/{pk}": {"published": True},
    "/api/v1/offices/{slug}/contacts/{pk}/merge": {"merge_id": 1, "merge_version": 1},
}


@pytest.fixture
def world() -> dict[str, Any]:
    office = with_home_city(make_office("im-office"))
    director = make_member(office, "director")
    pact = make_partnership(office, signed_on=dt.date(2020, 5, 1))
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[pact],
        date=dt.date(2024, 3, 1),
        kind="event",
        title="A meeting",
        outcomes=[{"kind": "grant", "value": 1}],
    )
    records: dict[str, Any] = {
        "partnerships": pact,
        "commitments": services.commitment_create(
            partnership=pact, actor=SYSTEM, title="Exchange", due_on=dt.date(2030, 1, 1)
        ),
        "activities": activity,
        "outcomes": activity.outcomes.get(),
        "memberships": organizations.membership_create(
            office=office,
            actor=SYSTEM,
            organization=Organization.objects.get(acronym="UCLG"),
            since=dt.date(2004, 5, 5),
        ),
        "contacts": make_contact(office),
        "events": make_event(office),
        "missions": make_mission(office, status="draft", end_date=dt.date(2030, 3, 4)),
        "practices": make_practice(office),
        "pitches": make_pitch(office),
        "calls": make_call(office),
        "applications": make_application(office),
        "organizations": Organization.objects.get(acronym="C40"),
    }
    membership = records["memberships"]
    records["roles"] = organizations.role_create(
        membership=membership, actor=SYSTEM, kind="board", title="Board seat"
    )
    records["obligations"] = organizations.obligation_create(
        membership=membership,
        actor=SYSTEM,
        kind="report",
        title="Report",
        due_on=dt.date(2030, 1, 1),
    )
    records["agreements"] = services.agreement_create(
        partnership=pact, actor=SYSTEM, title="Memorandum"
    )
    records["parties"] = opportunities.party_add(
        pitch=records["pitches"], actor=SYSTEM, contact=records["contacts"]
    )
    client = Client()
    client.force_login(director.user)
    return {"office": office, "records": records, "client": client}


def _record(world: dict[str, Any], path: str) -> Any:
    parts = path.split("/")
    return world["records"][parts[parts.index("{pk}") - 1]]


def test_every_write_of_an_existing_record_requires_if_match() -> None:
    """A new PATCH, PUT or DELETE, or a POST on a record (a move, a status), is locked
    (LOCKED_ANSWERS) unless listed here as changing no versioned record."""
    on_a_record = {(m, p) for m, p in WRITES if m in ("patch", "put", "delete") or "{pk}" in p}
    assert on_a_record - set(LOCKED) == UNLOCKED_WRITES & on_a_record
    assert len(LOCKED) >= 16


@pytest.mark.parametrize(("method", "path"), LOCKED)
def test_the_schema_says_if_match_is_required(method: str, path: str) -> None:
    operation = SCHEMA["paths"][path][method]
    [header] = [p for p in operation["parameters"] if p["in"] == "header"]
    assert header["name"] == "If-Match" and header["required"] is True
    assert operation["responses"][428]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"
    }


@pytest.mark.parametrize(("method", "path"), LOCKED)
def test_without_if_match_nothing_is_written(world: dict[str, Any], method: str, path: str) -> None:
    record = _record(world, path)
    before = (type(record).objects.get(pk=record.pk).version, Event.objects.count())
    url = path.replace("{slug}", world["office"].slug).replace("{pk}", str(record.pk))
    body = BODIES.get(path, {})
    for headers in ({}, {"HTTP_IF_MATCH": "*"}):
        answer = getattr(world["client"], method)(
            url, data=body, content_type="application/json", **headers
        )
        assert answer.status_code == 428, answer.content
        assert answer.json()["code"] == "precondition_required"
        assert "If-Match" in answer.json()["detail"]
    assert (type(record).objects.get(pk=record.pk).version, Event.objects.count()) == before
    # with the ETag the same call goes past the precondition
    answer = getattr(world["client"], method)(
        url, data=body, content_type="application/json", HTTP_IF_MATCH=f'"v{before[0]}"'
    )
    assert answer.status_code not in (412, 428), answer.content


@pytest.mark.parametrize(("method", "path"), LOCKED)
def test_the_record_a_write_is_made_to_is_read_with_its_etag(
    world: dict[str, Any], method: str, path: str
) -> None:
    record = _record(world, path)
    parts = path.split("/")
    read = "/".join(parts[: parts.index("{pk}") + 1])
    url = read.replace("{slug}", world["office"].slug).replace("{pk}", str(record.pk))
    if ("get", read) not in {("get", p) for p, ms in SCHEMA["paths"].items() if "get" in ms}:
        pytest.skip(
            "no read under the office (an outcome is read with its activity, an "
            "organisation at /api/v1/organizations/{pk})"
        )
    answer = world["client"].get(url)
    assert answer.status_code == 200 and answer["ETag"] == f'"v{record.version}"'
