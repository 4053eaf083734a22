"""List pages: one paginator with a bounded page size, shared by every list."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

DEFAULT_PAGE_SIZE = 25


def paginate(
    request: HttpRequest, items: Any, per_page: int = DEFAULT_PAGE_SIZE, count: int | None = None
) -> Page[Any]:
    """The page the request asks for; `count`, when the caller has a cheaper way to count
    the items than counting the query (a join the database would scan), is used instead."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.__dict__["count"] = count  # Paginator.count is a cached property
    return paginator.get_page(request.GET.get("page"))


def querystring_without(request: HttpRequest, *keys: str) -> str:
    params = request.GET.copy()
    for key in keys:
        params.pop(key, None)
    return params.urlencode()
