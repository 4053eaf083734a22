"""Shared API helpers: the error shape and pagination used by every app's router."""

from __future__ import annotations

from typing import Any

from ninja import Schema


class ErrorOut(Schema):
    detail: str


class PageMeta(Schema):
    count: int
    limit: int
    offset: int


def paginate_queryset(queryset: Any, *, limit: int, offset: int) -> dict[str, Any]:
    """The paginated object every list endpoint answers: {count, limit, offset, items}."""
    count = queryset.count()
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": list(queryset[offset : offset + limit]),
    }
