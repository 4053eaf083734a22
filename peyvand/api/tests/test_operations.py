"""Every office operation of the OpenAPI document, by who calls it: a table, not a sample.

- a member of another office (session), or a token of another office: 404, as a stranger;
- a read-only token: every write 403 (`permission_denied`), nothing written;
- a viewer (session): every write 403, except the few a viewer may make (listed);
- nobody: 401.
Every answer carries the one error shape (`code`, `detail`).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from peyvand.accounts import services as accounts
from peyvand.accounts.tests.factories import make_member, make_office
from peyvand.api.urls import api

pytestmark = pytest.mark.django_db

# Writes a viewer may make: their own calendar feed's address.
VIEWER_WRITES = {("post", "/api/v1/offices/{slug}/calendar/feed")}


def _operations() -> list[tuple[str, str]]:
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return [
        (method, path)
        for path, methods in schema["paths"].items()
        if "{slug}" in path and not path.startswith("/api/v1/public/")  # the portal's: open
        for method in methods
    ]


OPERATIONS = _operations()
WRITES = [(m, p) for m, p in OPERATIONS if m != "get"]


def _url(path: str, slug: str) -> str:
    return re.sub(r"\{pk\}", "1", path.replace("{slug}", slug)).replace("{kind}", "contacts")


def _call(client: Client, method: str, url: str, **headers: Any) -> Any:
    return getattr(client, method)(
        url, data={} if method == "get" else "{}", content_type="application/json", **headers
    )


@pytest.fixture
def world() -> dict[str, Any]:
    cache.clear()
    office = make_office("op-office")
    other = make_office("op-other")
    viewer = make_member(office, "viewer")
    director = make_member(office, "director")
    stranger = make_member(other, "director")
    _t, read = accounts.token_create(
        user=director.user, office=office, name="r", scope="read", expires_on=None
    )
    _t, elsewhere = accounts.token_create(
        user=stranger.user, office=other, name="o", scope="read_write", expires_on=None
    )
    return {"viewer": viewer, "stranger": stranger, "read": read, "elsewhere": elsewhere}


def test_the_table_covers_every_office_operation() -> None:
    assert len(OPERATIONS) > 40 and len(WRITES) > 20


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_another_office_is_a_stranger(world: dict[str, Any], method: str, path: str) -> None:
    client = Client()
    client.force_login(world["stranger"].user)
    answer = _call(client, method, _url(path, "op-office"))
    # 404 as to anyone who is not a member; or 422 when the schema refuses the empty body
    # first (which says nothing of the office): never 403 or data
    assert (answer.status_code, answer.json()["code"]) in {
        (404, "not_found"),
        (422, "validation_error"),
    }, answer.content
    token = {"HTTP_AUTHORIZATION": f"Bearer {world['elsewhere']}"}
    answer = _call(Client(), method, _url(path, "op-office"), **token)
    assert answer.status_code == 404 and answer.json()["code"] == "not_found"


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_a_read_token_may_not_write(world: dict[str, Any], method: str, path: str) -> None:
    token = {"HTTP_AUTHORIZATION": f"Bearer {world['read']}"}
    answer = _call(Client(), method, _url(path, "op-office"), **token)
    assert answer.status_code == 403, answer.content
    assert answer.json()["code"] == "permission_denied"


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_a_viewer_may_not_write(world: dict[str, Any], method: str, path: str) -> None:
    if (method, path) in VIEWER_WRITES:
        pytest.skip("a viewer's own calendar feed")
    client = Client()
    client.force_login(world["viewer"].user)
    answer = _call(client, method, _url(path, "op-office"))
    # refused by role (403), or by the schema before the role is looked at (422: the
    # empty body lacks what the operation needs); never written
    assert answer.status_code in (403, 422), (answer.status_code, answer.content)
    assert answer.json()["code"] in ("permission_denied", "validation_error")


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_nobody_is_asked_to_log_in(world: dict[str, Any], method: str, path: str) -> None:
    answer = _call(Client(), method, _url(path, "op-office"))
    assert answer.status_code == 401, answer.content
    assert answer.json()["code"] == "not_authenticated"


def test_every_schema_has_a_name_of_its_own() -> None:
    """The OpenAPI document names each schema by its class: two classes of one name are one
    component, and one operation is documented with the other's fields (the trip report's
    body was the annual report's, whose `year` the API then refused)."""
    from ninja import Schema

    def subclasses(cls: type) -> list[type]:
        found: list[type] = []
        sub: type
        for sub in cls.__subclasses__():
            found += [sub, *subclasses(sub)]
        return found

    ours: dict[str, set[str]] = {}
    for cls in subclasses(Schema):
        if cls.__module__.startswith("peyvand.") and ".api" in cls.__module__:
            ours.setdefault(cls.__name__, set()).add(cls.__module__)
    assert {name: sorted(m) for name, m in ours.items() if len(m) > 1} == {}
