"""Who is writing, from where: the request being answered (kept by `AuditMiddleware` in
a context variable) or, outside any request, the system (a management command by name)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from peyvand.core.middleware import API_PREFIX, client_ip


@dataclass(frozen=True)
class Origin:
    actor_pk: int | None
    actor_name: str
    source: str
    ip: str | None
    office_pk: int | None  # the office the request works in, for rows that have none


_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)
_forced: ContextVar[Origin | None] = ContextVar("audit_origin", default=None)


def _command() -> str:
    """`command:<name>` when running under manage.py, else `system`."""
    argv = sys.argv
    if len(argv) > 1 and argv[0].endswith("manage.py"):
        return f"command:{argv[1]}"[:60]
    return "system"


@contextmanager
def request_context(request: HttpRequest) -> Iterator[None]:
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


@contextmanager
def acting_as(source: str, *, user: Any = None) -> Iterator[None]:
    """Record the writes made inside as `source` (an import, a task), by `user` if given."""
    origin = Origin(
        actor_pk=getattr(user, "pk", None),
        actor_name=getattr(user, "username", "") if user is not None else "",
        source=source[:60],
        ip=None,
        office_pk=None,
    )
    token = _forced.set(origin)
    try:
        yield
    finally:
        _forced.reset(token)


def _source(request: HttpRequest) -> str:
    if request.path.startswith(API_PREFIX):
        return "api"
    match = getattr(request, "resolver_match", None)
    if match is not None and match.namespace == "admin":
        return "admin"
    return "web"


def current_origin() -> Origin:
    forced = _forced.get()
    if forced is not None:
        return forced
    request = _request.get()
    if request is None:
        return Origin(None, "", _command(), None, None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        # a token-authenticated API call carries its user as `auth`
        auth = getattr(request, "auth", None)
        user = auth if getattr(auth, "is_authenticated", False) else None
    seat = getattr(request, "seat", None)
    return Origin(
        actor_pk=user.pk if user is not None else None,
        actor_name=user.get_username() if user is not None else "",
        source=_source(request),
        ip=client_ip(request),
        office_pk=seat.office_id if seat is not None else None,
    )
