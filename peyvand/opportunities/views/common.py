"""What the opportunities pages share: links back, confirmations, the list filters."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from peyvand.accounts.access import OfficeRequest

from ..forms import VersionForm

HISTORY_SHOWN = 50


def url(request: OfficeRequest, name: str, **kwargs: Any) -> str:
    return reverse(f"opportunities:{name}", kwargs={"office_slug": request.office.slug, **kwargs})


def back(request: OfficeRequest, name: str, anchor: str = "", **kwargs: Any) -> HttpResponse:
    return redirect(url(request, name, **kwargs) + (f"#{anchor}" if anchor else ""))


def choice_filter(request: HttpRequest, key: str, allowed: Any) -> str:
    """A filter's value, or "" when it is not one offered (a crafted URL lists everything)."""
    value = request.GET.get(key, "").strip()
    return value if value in set(allowed) else ""


def confirm_form(request: OfficeRequest, version: int) -> VersionForm:
    return VersionForm(
        request.POST if request.method == "POST" else None, initial={"version": version}
    )


def render_confirm(
    request: OfficeRequest, context: dict[str, Any], stale: dict[str, Any] | None = None
) -> HttpResponse:
    """The page that asks before a deletion (409 with what changed when it was stale)."""
    return render(
        request,
        "opportunities/confirm_delete.html",
        {**context, "stale": stale},
        status=409 if stale else 200,
    )
