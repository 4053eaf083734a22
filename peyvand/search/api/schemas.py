"""The shapes of the search API: what it answers and what it accepts."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET, PageMeta, RecordId, example, page_example

from ..query import QUERY_MAX

HIT_EXAMPLE: dict[str, Any] = {
    "type": "partnership",
    "id": 12,
    "title": "Vienna",
    "snippet": "Cooperation on urban water management",
    "url": "/fa/o/tehran/partnerships/12/",
    "similar": False,
}


class SearchFilters(Schema):
    q: str = Field(..., min_length=1, max_length=QUERY_MAX, description="The words.")
    type: str = Field(
        "", max_length=40, description="One type: partnership, activity, mission, contact..."
    )
    area: RecordId | None = Field(None, description="A cooperation area's id.")
    city: str = Field("", max_length=40, description="A city's public id, e.g. gn:2761369.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class HitOut(Schema):
    model_config = example(**HIT_EXAMPLE)

    type: str = Field(..., description="The record's type (as `type=` takes it).")
    id: int
    title: str = Field(..., description="In the request's language, else the other one.")
    snippet: str = Field(
        ..., description="HTML: escaped text of the record with the matched words in <mark>."
    )
    url: str = Field(..., description="The record's page.")
    similar: bool = Field(..., description="Found by a similar spelling of its title.")


class SearchPage(PageMeta):
    model_config = page_example(HIT_EXAMPLE)

    items: list[HitOut]
