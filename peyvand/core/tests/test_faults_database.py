"""A database that does not answer: every page answers 503 in the reader's language, the
API 503 in its error shape, never a stack trace; the next request after it returns works."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db


@contextmanager
def database_down(error: type[Exception] = OperationalError) -> Iterator[None]:
    """Every query fails as it does when the server is gone (the driver's error, wrapped
    by Django into its own)."""
    failing = mock.Mock(side_effect=error("server closed the connection unexpectedly"))
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", failing):
        yield


def client_of(member_client: Any, office: Any, role: str = "officer") -> Client:
    client: Client = member_client(office, role)
    client.raise_request_exception = False  # as in production: the handler answers
    return client


def no_trace(text: str) -> bool:
    return "Traceback" not in text and "server closed the connection" not in text


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_answers_503_in_the_readers_language(
    office: Any, member_client: Any, error: type[Exception]
) -> None:
    client = client_of(member_client, office)
    with database_down(error):
        fa = client.get(f"/fa/o/{office.slug}/missions/")
        en = client.get(f"/en/o/{office.slug}/missions/")
    assert fa.status_code == en.status_code == 503
    assert fa["Retry-After"] == "30"
    assert 'lang="fa"' in fa.text and "پایگاه داده" in fa.text
    assert 'lang="en"' in en.text and "The database is not answering" in en.text
    assert no_trace(fa.text) and no_trace(en.text)


def test_a_write_answers_503_and_the_next_request_works(office: Any, member_client: Any) -> None:
    client = client_of(member_client, office)
    with database_down():
        refused = client.post(f"/en/o/{office.slug}/missions/new/", {"title_en": "Vienna"})
    assert refused.status_code == 503 and no_trace(refused.text)
    assert client.get(f"/en/o/{office.slug}/missions/").status_code == 200


def test_the_api_answers_503_in_its_error_shape(office: Any, member_client: Any) -> None:
    client = client_of(member_client, office)
    with database_down():
        fa = client.get(f"/api/v1/offices/{office.slug}/missions", HTTP_ACCEPT_LANGUAGE="fa")
        en = client.get(f"/api/v1/offices/{office.slug}/missions", HTTP_ACCEPT_LANGUAGE="en")
    assert fa.status_code == en.status_code == 503
    assert fa["Content-Type"] == "application/json" and fa["Retry-After"] == "30"
    assert en.json()["code"] == "unavailable" and "try again" in en.json()["detail"]
    assert no_trace(fa.text)
    assert client.get(f"/api/v1/offices/{office.slug}/missions").status_code == 200


def test_the_api_documents_the_503(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/offices/{slug}/missions"]["get"]
    assert operation["responses"]["503"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"
    }


def test_an_anonymous_visitor_gets_the_503_page_too(client: Client) -> None:
    client.raise_request_exception = False
    with database_down():
        answer = client.get("/en/world/")
    assert answer.status_code == 503 and no_trace(answer.text)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the block ends


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a server to be away from")
def test_a_postgresql_server_away_then_back(office: Any, member_client: Any) -> None:
    """The real thing: the connection goes to a port nobody listens on, then back."""
    client = client_of(member_client, office)
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = _closed_port()
    try:
        down = client.get(f"/fa/o/{office.slug}/missions/")
        api = client.get(f"/api/v1/offices/{office.slug}/missions")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port
    assert down.status_code == 503 and "پایگاه داده" in down.text and no_trace(down.text)
    assert api.status_code == 503 and api.json()["code"] == "unavailable"
    assert client.get(f"/fa/o/{office.slug}/missions/").status_code == 200
