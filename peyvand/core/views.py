"""Error pages in both languages (under /api/ the API's JSON error shape instead), the icon
and the health check."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
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
    return _api_error(request, 500) or render(request, "500.html", status=500)


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
