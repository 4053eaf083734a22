"""Error pages in both languages (under /api/ the API's JSON error shape instead), the icon
and the health check.

A database that does not answer (down, restarting, unreachable: Django's `OperationalError`
or `InterfaceError`, wherever it is raised: a view, a middleware, the session) answers 503
with `Retry-After`, a page in the request's language or the API's `ErrorOut`, and no stack
trace; nothing is kept, so the first request after the database returns is served as usual
(Django closes a connection that failed at the end of its request).
"""

from __future__ import annotations

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _

from .middleware import API_PREFIX


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _api_error(request, 403) or render(request, "403.html", status=403)


def _api_error(request: HttpRequest, status: int) -> HttpResponse | None:
    """An API address answers in the API's error shape (`ErrorOut`), never an HTML page."""
    if not request.path.startswith(API_PREFIX):
        return None
    messages = {404: _("Not found."), 403: _("Permission denied."), 500: _("Server error.")}
    code = {404: "not_found", 403: "permission_denied", 500: "server_error"}[status]
    return JsonResponse({"code": code, "detail": str(messages[status])}, status=status)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _api_error(request, 404) or render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this handler inside its `except` block: the error is at hand.
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable(request)
    return _api_error(request, 500) or render(request, "500.html", status=500)


# What a database that does not answer raises (a refused or dropped connection, a server
# shutting down, SQLite's file that cannot be opened or stays locked).
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """503 in the request's language; rendered without the request, so that no context
    processor asks the database again."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        if request.path.startswith(API_PREFIX):
            detail = _("The database is not answering; please try again in a moment.")
            body = {"code": "unavailable", "detail": detail}  # core.api.ERROR_CODES[503]
            response: HttpResponse = JsonResponse(body, status=503)
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; the icon is an SVG."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def healthz(request: HttpRequest) -> HttpResponse:
    """`ok` once the database answers one trivial query, 503 when it does not.

    It goes through every middleware like any page: the load benchmark (bench/load.py)
    measures each page against it.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
