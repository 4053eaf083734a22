"""Optimistic locking over HTTP for every router: ETag out, If-Match in, 412 when stale.

A versioned record's ETag is `"v<version>"`. An update sends it back in If-Match; a stale
If-Match makes the service raise `StaleVersion`, which the API's handler answers with 412,
the current ETag and what changed meanwhile (described by the app's history presenter,
registered with `register_presenter`). Without If-Match the update is not checked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError

from peyvand.core.api import ErrorOut, ValidationOut, error_body

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


def register_presenter(app_label: str, presenter: Presenter) -> None:
    """How an app's history entries are labelled in a 412 answer (from its AppConfig.ready)."""
    _presenters[app_label] = presenter


def etag(record: Versioned) -> str:
    return f'"v{record.version}"'


def set_etag(response: HttpResponse, record: Versioned) -> None:
    response["ETag"] = etag(record)


def if_match(request: HttpRequest) -> int | None:
    """The version an update was made from (If-Match), None when the client sent none."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    text = header.removeprefix("W/").strip('"')
    if not text.startswith("v") or not text[1:].isdigit() or len(text) > 12:
        return -1  # matches no version: refused as stale
    return int(text[1:])


def required_if_match(request: HttpRequest) -> int:
    """The version a deletion was made from: without If-Match it is refused (428), so
    that nothing goes to the bin that its client did not read as it is now."""
    version = if_match(request)
    if version is None:
        raise HttpError(
            428,
            _("Send the ETag of the record you read in If-Match to delete it."),
        )
    return version


# The answers a deletion documents: 204 done, 403 a role that may not, 404 not there (or
# another office's), 412 stale (what changed), 428 without If-Match, 422 a rule refused it.
DELETE_ANSWERS: dict[int, Any] = {
    204: None,
    403: ErrorOut,
    404: ErrorOut,
    412: StaleOut,
    428: ErrorOut,
    422: ValidationOut,
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
    """A stale If-Match answers 412 with the current ETag and what changed, for every router."""

    def stale(request: HttpRequest, exc: StaleVersion) -> HttpResponse:
        response: HttpResponse = api.create_response(request, stale_body(exc), status=412)
        set_etag(response, exc.record)
        return response

    api.add_exception_handler(StaleVersion, stale)
