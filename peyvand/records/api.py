"""Optimistic locking over HTTP for every router: ETag out, If-Match in, 412 when stale.

A versioned record's ETag is `"v<version>"`. An update sends it back in If-Match; a stale
If-Match makes the service raise `StaleVersion`, which the API's handler answers with 412,
the current ETag and what changed meanwhile (described by the app's history presenter,
registered with `register_presenter`).

If-Match is required (docs/decisions/0021): `if_match` is the one entry every update and
deletion of a versioned record reads it through, and without it (or with `*`) it raises
`PreconditionRequired`, answered 428 before anything is written. An operation says so in
its answers (`LOCKED_ANSWERS`: 412 and 428); `document_if_match` then documents the
required `If-Match` header on it. Creating a record takes none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Schema

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET, ErrorOut, ValidationOut, error_body

from .history import StaleVersion
from .models import Event, Versioned

# app label -> function(events) -> rows with "event" and "action" (the app's history labels)
Presenter = Callable[[list[Event]], list[dict[str, Any]]]
_presenters: dict[str, Presenter] = {}


class StaleOut(Schema):
    code: str = Field(..., examples=["stale"])
    detail: str
    version: int
    changes: list[dict[str, Any]]


class PreconditionRequired(Exception):
    """An update or deletion of a versioned record without If-Match (answered 428)."""


# The answers of every operation that changes or deletes a versioned record: it takes the
# version in If-Match (required: documented by `document_if_match`).
LOCKED_ANSWERS: dict[int, Any] = {412: StaleOut, 428: ErrorOut}

# An If-Match the API reads: the ETag of a version (`"v<version>"`, weak or strong).
IF_MATCH_PATTERN = r'^(W/)?"v[0-9]{1,9}"$'


def register_presenter(app_label: str, presenter: Presenter) -> None:
    """How an app's history entries are labelled in a 412 answer (from its AppConfig.ready)."""
    _presenters[app_label] = presenter


def etag(record: Versioned) -> str:
    return f'"v{record.version}"'


def set_etag(response: HttpResponse, record: Versioned) -> None:
    response["ETag"] = etag(record)


def if_match(request: HttpRequest) -> int:
    """The version an update was made from (If-Match). Without one (or with `*`, which
    names no version) the update is refused: `PreconditionRequired`, answered 428."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        raise PreconditionRequired
    text = header.removeprefix("W/").strip('"')
    if not text.startswith("v") or not text[1:].isdigit() or len(text) > 12:
        return -1  # matches no version: refused as stale
    return int(text[1:])


# The answers of an update of a versioned record besides its 200: 403 a role that may not,
# 404 not there (or another office's), 422 a rule refused it, 412 stale, 428 no If-Match.
UPDATE_ANSWERS: dict[int, Any] = {
    403: ErrorOut,
    404: ErrorOut,
    422: ValidationOut,
    **LOCKED_ANSWERS,
}


# The answers a deletion documents: 204 done, 403 a role that may not, 404 not there (or
# another office's), 412 stale (what changed), 428 without If-Match, 422 a rule refused it.
DELETE_ANSWERS: dict[int, Any] = {
    204: None,
    403: ErrorOut,
    404: ErrorOut,
    422: ValidationOut,
    **LOCKED_ANSWERS,
}


def stale_rows(exc: StaleVersion) -> list[dict[str, Any]]:
    """The changes made meanwhile, labelled by the record's app (its presenter)."""
    presenter = _presenters.get(exc.record._meta.app_label)
    if presenter:
        return presenter(exc.events)
    return [{"event": e, "action": e.action} for e in exc.events]


def stale_body(exc: StaleVersion) -> dict[str, Any]:
    """The body of a 412: the message, the current version and the changes meanwhile."""
    rows = stale_rows(exc)
    return error_body(
        412,
        exc.message,
        version=exc.version,
        changes=[
            {
                "action": str(row["action"]),
                "by": row["event"].actor.get_username() if row["event"].actor else None,
                "at": row["event"].created_at.isoformat(),
                "changes": row["event"].changes,
            }
            for row in rows
        ],
    )


def install_stale_handler(api: Any) -> None:
    """For every router: a stale If-Match answers 412 with the current ETag and what
    changed; a missing one answers 428 (nothing is written)."""

    def required(request: HttpRequest, exc: PreconditionRequired) -> HttpResponse:
        body = error_body(
            428,
            _(
                "Send the ETag of the version you read in If-Match: an update or a deletion"
                " without it is refused. Read the record again to get its ETag."
            ),
        )
        response: HttpResponse = api.create_response(request, body, status=428)
        return response

    def stale(request: HttpRequest, exc: StaleVersion) -> HttpResponse:
        response: HttpResponse = api.create_response(request, stale_body(exc), status=412)
        set_etag(response, exc.record)
        return response

    api.add_exception_handler(StaleVersion, stale)
    api.add_exception_handler(PreconditionRequired, required)


def document_if_match(schema: dict[str, Any]) -> None:
    """Every operation that answers 428 (`LOCKED_ANSWERS`) takes a required If-Match
    header: the ETag of the version the change was made from."""
    for methods in schema.get("paths", {}).values():
        for operation in methods.values():
            if 428 not in operation.get("responses", {}):
                continue
            parameters = operation.setdefault("parameters", [])
            if any(p.get("in") == "header" and p.get("name") == "If-Match" for p in parameters):
                continue
            parameters.append(
                {
                    "in": "header",
                    "name": "If-Match",
                    "required": True,
                    "description": (
                        'The ETag of the version you read (`"v<version>"`): 412 when the'
                        " record changed since, 428 without it."
                    ),
                    "schema": {"type": "string", "pattern": IF_MATCH_PATTERN},
                }
            )


class DocumentOut(Schema):
    """What the API says of a document stored with a record (a mission's, a practice's, a
    pitch's): its metadata; the file itself is downloaded from the record's page. Each app
    names its kinds (`kind`) and gives its example."""

    id: int
    kind: str
    name: str
    content_type: str
    size: int = Field(..., description="In bytes.")
    uploaded_at: dt.datetime

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.original_name)

    @staticmethod
    def resolve_uploaded_at(obj: Any) -> dt.datetime:
        created: dt.datetime = obj.created_at
        return created


class DocumentFilters(Schema):
    """The paging of a record's documents."""

    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
