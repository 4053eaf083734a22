"""Property tests of the whole API against its own OpenAPI schema.

Every operation of `/api/v1/openapi.json` is called in-process (through the WSGI app) with
generated input, as a logged-in director of a test office that holds one record of every
kind (a pact, a commitment, an activity, a membership, a contact, an event, a mission),
once with the session (cookie and CSRF token) and once with the director's read-write
access token (`Authorization: Bearer`, no cookie). Each answer must not be a server error
and must conform to the schema (status code, content type, body). The run is bounded and
deterministic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import reverse
from django.utils.module_loading import import_string
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from schemathesis import checks

from peyvand.accounts import services as accounts
from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member, make_office
from peyvand.api.urls import api
from peyvand.missions.tests.people_factories import make_contact, make_event, make_mission
from peyvand.organizations import services as organizations
from peyvand.organizations.models import Organization
from peyvand.partnerships import services
from peyvand.partnerships.tests.factories import make_partnership, with_home_city

# One fixed token in the cookie and the header: what a browser session sends.
CSRF_TOKEN = "a" * 32
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture
def keep_connection() -> Iterator[None]:
    """The calls go through the WSGI app, which closes the database connection at the end
    of each request; the test's transaction lives on that connection (Django's test client
    keeps it open the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def world(db: Any, keep_connection: None) -> dict[str, Any]:
    """A test office with one of everything, and a director's session."""
    office = with_home_city(make_office("st-office"))
    director = make_member(office, "director")
    pact = make_partnership(office, signed_on=dt.date(2020, 5, 1))
    commitment = services.commitment_create(
        partnership=pact, actor=SYSTEM, title="Exchange", due_on=dt.date(2030, 1, 1)
    )
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[pact],
        date=dt.date(2024, 3, 1),
        kind="event",
        title="A meeting",
    )
    uclg = Organization.objects.get(acronym="UCLG")
    membership = organizations.membership_create(
        office=office, actor=SYSTEM, organization=uclg, since=dt.date(2004, 5, 5)
    )
    contact = make_contact(office)
    event = make_event(office)
    mission = make_mission(office, status="draft", end_date=dt.date(2030, 3, 4))
    session = import_string(settings.SESSION_ENGINE + ".SessionStore")()
    user = director.user
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    _token, raw = accounts.token_create(
        user=user, office=office, name="schemathesis", scope="read_write", expires_on=None
    )
    return {
        "token": raw,
        "office": office,
        "ids": {
            "partnerships": pact.pk,
            "commitments": commitment.pk,
            "activities": activity.pk,
            "organizations": uclg.pk,
            "memberships": membership.pk,
            "contacts": contact.pk,
            "events": event.pk,
            "missions": mission.pk,
        },
        "cookies": {
            settings.SESSION_COOKIE_NAME: session.session_key,
            settings.CSRF_COOKIE_NAME: CSRF_TOKEN,
        },
    }


def _load_schema() -> Any:
    """The schema `/api/v1/openapi.json` serves, loaded in-process; calls go to the WSGI app."""
    loaded = schemathesis.openapi.from_dict(
        api.get_openapi_schema(path_prefix=reverse("api:api-root"))
    )
    loaded.app = get_wsgi_application()
    return loaded


schema = _load_schema()


def _aim(case: Any, world: dict[str, Any]) -> None:
    """Calls go to the test office; every other generated id is replaced by a real one
    (ids are random numbers otherwise, and nearly every call would only find nothing)."""
    params = case.path_parameters
    if params is None:
        return
    if "slug" in params:
        params["slug"] = world["office"].slug
    if "pk" in params and isinstance(params["pk"], int) and params["pk"] % 2 == 0:
        parts = case.path.split("/")
        kind = parts[parts.index("{pk}") - 1] if "{pk}" in parts else ""
        if kind in world["ids"]:
            params["pk"] = world["ids"][kind]


@schema.parametrize()
@hypothesis_settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.parametrize("auth", ["session", "token"])
def test_api_conforms_to_its_schema(
    case: Any, world: dict[str, Any], auth: str, settings: Any
) -> None:
    _aim(case, world)
    if auth == "token" and case.path.startswith("/api/v1/me/"):
        return  # a token cannot manage tokens (401, tested in accounts/tests/test_tokens.py)
    settings.API_TOKEN_RATE_LIMIT = 10**6  # the run's own pace is no abuse
    if auth == "session":
        case.call_and_validate(
            headers={"X-CSRFToken": CSRF_TOKEN}, cookies=world["cookies"], checks=CHECKS
        )
    else:
        case.call_and_validate(headers={"Authorization": f"Bearer {world['token']}"}, checks=CHECKS)
