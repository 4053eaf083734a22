"""The permission matrix: every route of the URL configuration and every operation of the
OpenAPI schema, asked by seven actors, answers what docs/permissions.csv says.

The actors: anonymous, a viewer, a liaison, an officer and a director of the office, the
director of another office and a superuser who is a member of no office. The world is the
language crawler's (peyvand/core/tests/conftest.py: a record of every kind), built once
per module inside a transaction rolled back at the end; each request runs in a savepoint
rolled back after it, so a write that succeeds (a removal, an archive) changes nothing for
the next one.

- A page is asked with GET, or POST with an empty form; an API operation with its
  required query parameters and the smallest body its schema accepts (so that the body
  passes the schema and reaches the permission gate).
- A route whose arguments name a record of the office (`pk`, `twinning_id`, `token`) is
  asked by the other office's director *in his own office*, with our record's id: the
  record must be looked up within the office of the URL (404). Elsewhere he asks in our
  office, as a stranger (404).
- The admin row is tried on the admin's index and every list.

A route or operation without a row fails with the row to add (its answers now); a row
that names nothing fails too. `make permission-rows` prints the missing rows.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.models import Invitation, Office, OfficeMembership
from peyvand.accounts.tests.factories import make_member, make_office, make_user
from peyvand.agenda.feeds import feed_token
from peyvand.core.tests.conftest import build_world, file_storage
from peyvand.opportunities.models import PartyFollowUp
from peyvand.partnerships.models import Approval
from peyvand.portal.models import InboxMessage

from .matrix import (
    ACTORS,
    HOW_TO_ADD,
    RECORD_PARAMS,
    TABLE,
    Route,
    Row,
    answer_code,
    api_schema,
    expected_keys,
    login_paths,
    operation_input,
    read_table,
    routes,
)
from .permission_rows import sort_key

SCHEMA = api_schema()
ROUTES = routes(SCHEMA)
ROWS = read_table()
BY_KEY = {row.key: row for row in ROWS}
MISSING = sorted(expected_keys(ROUTES) - set(BY_KEY), key=sort_key)
# Where `make permission-rows` collects the answers of the routes without a row.
ROWS_OUT = os.environ.get("PEYVAND_PERMISSION_ROWS_OUT", "")

# A route that only takes a POST (the crawler never reads it) names the same record as
# the route given here, whose arguments the crawler's world holds.
BORROW = {
    "partnerships:link_not_ours": "partnerships:link_adopt",
    "partnerships:status": "partnerships:detail",
    "partnerships:archive": "partnerships:detail",
    "partnerships:approval_add": "partnerships:detail",
    "partnerships:agreement_file_add": "partnerships:agreement_edit",
    "partnerships:commitment_add": "partnerships:detail",
    "partnerships:commitment_status": "partnerships:commitment_edit",
    "partnerships:outcome_add": "partnerships:activity_edit",
    "places:review_confirm": "network:city",
    "discover:note_delete": "discover:note_history",
    "organizations:obligation_done": "organizations:obligation_edit",
    "bin:restore": "bin:purge",
    "missions:transition": "missions:edit",
    "missions:document_add": "missions:detail",
    "knowledge:move": "knowledge:detail",
    "knowledge:document_add": "knowledge:detail",
    "opportunities:pitch_status": "opportunities:pitch_detail",
    "opportunities:document_add": "opportunities:pitch_detail",
    "opportunities:follow_up_add": "opportunities:party_edit",
    "opportunities:application_status": "opportunities:application_detail",
    "portal_office:moderate": "portal_office:feedback",
}
# The API's `{pk}`: the record the path's segment before it names, as this page route's.
API_RECORDS = {
    "partnerships": "partnerships:detail",
    "commitments": "partnerships:commitment_edit",
    "activities": "partnerships:activity_edit",
    "outcomes": "partnerships:outcome_edit",
    "organizations": "organizations:detail",
    "memberships": "organizations:membership_detail",
    "roles": "organizations:role_edit",
    "obligations": "organizations:obligation_edit",
    "agreements": "partnerships:agreement_edit",
    "agreement-files": "partnerships:agreement_file_delete",
    "members": "accounts:member_edit",
    "approvals": "partnerships:approval_decide",
    "bin": "bin:purge",
    "parties": "opportunities:party_edit",
    "follow-ups": "opportunities:follow_up_done",
    "mission-documents": "missions:document_delete",
    "practice-documents": "knowledge:document_delete",
    "pitch-documents": "opportunities:document_delete",
    "contacts": "contacts:detail",
    "events": "events:detail",
    "missions": "missions:edit",
    "practices": "knowledge:detail",
    "pitches": "opportunities:pitch_detail",
    "calls": "opportunities:call_detail",
    "applications": "opportunities:application_detail",
    "reports": "reports:detail",
    "tokens": "accounts:token_revoke",
}
API_VALUES = {"kind": "partnerships"}  # the other path parameters: a kind of list


@dataclass
class World:
    slug: str
    other_slug: str
    sessions: dict[str, str | None]
    kwargs: dict[str, dict[str, Any]]
    query: dict[str, str]
    city_code: str
    logins: set[str]


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[World]:
    """The crawler's world and the seven actors, once for the module; rolled back after."""
    storages = file_storage(settings.STORAGES, tmp_path_factory.mktemp("matrix"))
    with django_db_blocker.unblock(), override_settings(STORAGES=storages):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _world() -> World:
    crawled = build_world()
    slug = crawled.kwargs["dashboard:home"]["office_slug"]
    members = OfficeMembership.objects.filter(office__slug=slug).select_related("user")
    users: dict[str, Any] = {"anonymous": None}
    for role in ("viewer", "liaison", "officer"):
        users[role] = members.filter(role=role).order_by("pk")[0].user
    # The crawler's own client: its director, whose token the tokens pages show.
    users["director"] = _user_of(crawled.client)
    other = make_office("matrix-other", "اداره دیگر", "Another office")
    users["other_director"] = make_member(other, "director").user
    superuser = make_user("matrix_superuser")
    superuser.is_superuser = superuser.is_staff = True
    superuser.save(update_fields=["is_superuser", "is_staff"])
    users["superuser"] = superuser
    sessions: dict[str, str | None] = {}
    for actor, user in users.items():
        if user is None:
            sessions[actor] = None
            continue
        client = Client()
        client.force_login(user)
        sessions[actor] = client.cookies[settings.SESSION_COOKIE_NAME].value
    kwargs = dict(crawled.kwargs)
    for route, source in BORROW.items():
        kwargs.setdefault(route, crawled.kwargs[source])
    oid = {"office_slug": slug}
    approval = Approval.objects.filter(office__slug=slug).order_by("pk")[0]
    follow_up = PartyFollowUp.objects.filter(office__slug=slug).order_by("pk")[0]
    message = InboxMessage.objects.filter(office__slug=slug).order_by("pk")[0]
    invitation = Invitation.objects.filter(office__slug=slug).order_by("pk")[0]
    pact = crawled.kwargs["partnerships:detail"]["pk"]
    office = Office.objects.get(slug=slug)
    kwargs.update(
        {
            "partnerships:approval_decide": {**oid, "pk": approval.pk},
            "opportunities:follow_up_done": {**oid, "pk": follow_up.pk},
            "portal_office:message_handled": {**oid, "pk": message.pk},
            "accounts:invitation_withdraw": {**oid, "pk": invitation.pk},
            "accounts:invitation_accept": {"pk": invitation.pk},
            "accounts:invitation_decline": {"pk": invitation.pk},
            "publishing:publish": {**oid, "kind": "partnership", "pk": pact},
            "feeds:calendar": {"token": feed_token(office, users["director"])},
        }
    )
    return World(
        slug=slug,
        other_slug=other.slug,
        sessions=sessions,
        kwargs=kwargs,
        query=crawled.query,
        city_code=crawled.kwargs["network:city"]["code"],
        logins=login_paths(),
    )


def _user_of(client: Client) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=client.session["_auth_user_id"])


# ---------------------------------------------------------------- asking


def _client(world: World, actor: str) -> Client:
    client = Client(raise_request_exception=False)
    session = world.sessions[actor]
    if session is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    return client


class NoRecord(Exception):
    """The matrix does not know which record to ask this route about."""


def _page_url(world: World, route: Route, actor: str, name: str | None = None) -> str:
    name = name or route.route
    if name.startswith("/"):
        return name  # an unnamed route: its path
    params = set(route.params)
    if params <= {"office_slug"}:
        kwargs = {"office_slug": world.slug} if params else {}
    elif name in world.kwargs:
        kwargs = dict(world.kwargs[name])
    else:
        raise NoRecord(
            f"{name} takes {sorted(params)}: give the crawler's world its arguments "
            "(peyvand/core/tests/conftest.py, `kwargs`) or, for a route that only takes a "
            "POST, name a route with the same record in BORROW (test_permission_matrix.py)"
        )
    if actor == "other_director" and params & RECORD_PARAMS and "office_slug" in kwargs:
        kwargs["office_slug"] = world.other_slug
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse(name, kwargs=kwargs)
    query = world.query.get(name)
    return f"{url}?{query}" if query else url


def _api_url(world: World, route: Route, actor: str) -> str:
    path = route.route
    parts = path.split("/")
    values: dict[str, Any] = {"code": world.city_code, **API_VALUES}
    if "pk" in route.params:
        kind = parts[parts.index("{pk}") - 1]
        if kind == "{kind}" and parts[parts.index(kind) - 1] == "bin":
            # .../bin/{kind}/{pk}/...: the record the crawler's world put in the bin
            values.update(kind=world.kwargs["bin:purge"]["kind"])
            kind = "bin"
        if kind not in API_RECORDS:
            raise NoRecord(f"{path}: name the page route of its `{kind}` in API_RECORDS")
        values["pk"] = world.kwargs[API_RECORDS[kind]]["pk"]
    stranger = actor == "other_director" and set(route.params) & RECORD_PARAMS
    values["slug"] = world.other_slug if stranger else world.slug
    for name in route.params:
        if name not in values:
            raise NoRecord(f"{path}: give `{name}` a value in API_VALUES")
        path = path.replace("{" + name + "}", str(values[name]))
    return path


def _ask(world: World, route: Route, method: str, actor: str, name: str | None = None) -> Any:
    client = _client(world, actor)
    with transaction.atomic():
        if route.route.startswith("/api/"):
            url = _api_url(world, route, actor)
            query, body, content_type = operation_input(SCHEMA, route.route, method)
            if query:
                url = f"{url}?{urlencode(query)}"
            if method == "GET":
                response = client.get(url)
            elif content_type is None and body is not None:
                upload = SimpleUploadedFile("matrix.csv", b"name\n", content_type="text/csv")
                response = client.post(url, {**body, "file": upload})
            else:
                data = "" if body is None else json.dumps(body)
                response = client.generic(method, url, data, content_type or "application/json")
        else:
            url = _page_url(world, route, actor, name)
            if method == "GET":
                response = client.get(url)
            else:
                response = client.generic(method, url, "", "application/x-www-form-urlencoded")
        transaction.set_rollback(True)
    return response


def _answers(world: World, route: Route, method: str) -> tuple[dict[str, str], list[str]]:
    """Each actor's answer, and what went wrong (a server error's exception)."""
    answers: dict[str, str] = {}
    problems: list[str] = []
    names = route.names or (None,)
    for actor in ACTORS:
        seen: Counter[str] = Counter()
        for name in names:
            response = _ask(world, route, method, actor, name)
            code = answer_code(response, method, world.logins)
            seen[code] += 1
            if response.status_code >= 500 and response.exc_info:
                problems.append(f"{actor} {name or ''}: {response.exc_info[1]!r}")
        if len(seen) > 1:
            problems.append(f"{actor}: the admin's routes answer differently: {dict(seen)}")
        answers[actor] = seen.most_common(1)[0][0]
    return answers, problems


# ---------------------------------------------------------------- the tests


def _case_id(key: tuple[str, str]) -> str:
    return f"{'MISSING ' if key not in BY_KEY else ''}{key[1]} {key[0]}"


CASES = [row.key for row in ROWS if row.route in ROUTES] + MISSING


@pytest.mark.parametrize("key", CASES, ids=[_case_id(k) for k in CASES])
def test_every_actor_gets_the_answer_of_the_table(
    world: World, key: tuple[str, str], db: Any
) -> None:
    route_name, method = key
    route = ROUTES[route_name]
    row = BY_KEY.get(key)
    try:
        answers, problems = _answers(world, route, method)
    except NoRecord as exc:
        pytest.fail(str(exc))
    if row is None:
        line = Row(route_name, method, answers).line()
        if ROWS_OUT:
            with open(ROWS_OUT, "a", encoding="utf-8") as out:
                out.write(line + "\n")
        pytest.fail(
            f"No row in {TABLE.name} for {method} {route_name}. With its answers now:\n"
            f"{line}\n{HOW_TO_ADD}"
        )
    wrong = {
        a: f"{row.expected[a]} expected, {answers[a]} given"
        for a in ACTORS
        if answers[a] != row.expected[a]
    }
    assert not wrong and not problems, (
        f"{method} {route_name}: {wrong} {problems}\nthe row as answered now: {row.line(answers)}"
    )


def test_every_row_names_a_route_and_an_answer() -> None:
    problems: list[str] = []
    codes = {"ok", "login"}
    for key, count in Counter(row.key for row in ROWS).items():
        if count > 1:
            problems.append(f"{key}: {count} rows")
    for row in ROWS:
        route = ROUTES.get(row.route)
        if route is None:
            problems.append(f"{row.route}: no such route or operation")
        elif row.is_api and row.method not in route.methods:
            problems.append(f"{row.method} {row.route}: no such operation")
        for actor, code in row.expected.items():
            if code not in codes and not (code.isdigit() and len(code) == 3):
                problems.append(f"{row.key} {actor}: `{code}` is not ok, login or a status")
    assert not problems, "\n".join(problems)


def test_the_table_is_in_order() -> None:
    """Sorted by route and method, so that a diff shows a new row where it belongs."""
    keys = [row.key for row in ROWS]
    assert keys == sorted(keys, key=sort_key), "sort docs/permissions.csv: make permission-rows"
