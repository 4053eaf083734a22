"""For tests that write through the API: the If-Match of a record's current version."""

from __future__ import annotations

from typing import Any


def current(record: Any) -> dict[str, str]:
    """The If-Match header (as test-client keywords) naming the record's version now."""
    version = type(record).objects.filter(pk=record.pk).values_list("version", flat=True).get()
    return {"HTTP_IF_MATCH": f'"v{version}"'}


def version(record: Any) -> int:
    """The record's version now (what a page's hidden `version` carries)."""
    found: int = type(record).objects.filter(pk=record.pk).values_list("version", flat=True).get()
    return found
