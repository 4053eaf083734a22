"""Text with NUL characters is refused wherever it comes in (URL, query, form, JSON).

No record may hold a NUL (PostgreSQL cannot store one, and no person types one), so a
request carrying one is refused before any view runs: a page answers 400, the API 422 in
its error shape. Services refuse NUL again for callers that are not requests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError

from .validation import NUL_MESSAGE

API_PREFIX = "/api/"


def _nul_in(data: Any, path: str = "") -> str | None:
    """The dotted name of the first value holding a NUL, or None."""
    if isinstance(data, str):
        return path or "__all__" if "\x00" in data else None
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"{path}.{key}" if path else str(key)
            if "\x00" in str(key):
                return name
            found = _nul_in(value, name)
            if found:
                return found
    if isinstance(data, list):
        for i, value in enumerate(data):
            found = _nul_in(value, f"{path}.{i}" if path else str(i))
            if found:
                return found
    return None


def _offending_field(request: HttpRequest) -> str | None:
    if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in v for v in values):
                return key.replace("\x00", "")
        return "__all__"
    content_type = request.content_type or ""
    if request.method in {"POST", "PUT", "PATCH"}:
        if content_type == "application/json":
            try:
                body = json.loads(request.body or b"null")
            except ValueError:
                return None  # not JSON: the API says so itself
            return _nul_in(body)
        if content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            try:
                fields = list(request.POST.lists())
            except MultiPartParserError:
                return None  # unreadable: the view's form finds nothing in it
            for key, values in fields:
                if "\x00" in key or any("\x00" in v for v in values):
                    return key.replace("\x00", "")
    return None


class RefuseNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = _offending_field(request)
        if field is None:
            return self.get_response(request)
        message = str(NUL_MESSAGE)
        if request.path.startswith(API_PREFIX):
            return JsonResponse(
                {"code": "validation_error", "detail": message, "errors": {field: [message]}},
                status=422,
            )
        raise BadRequest(message)


def client_ip(request: HttpRequest) -> str | None:
    """The address a request came from: the socket's, or behind a proxy that says so
    (`BEHIND_PROXY`), the last address the proxy appended to X-Forwarded-For (earlier ones
    are whatever the client wrote)."""
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last[:45]
    address = request.META.get("REMOTE_ADDR")
    return str(address)[:45] if address else None
