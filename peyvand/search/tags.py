"""The filter words of a document (its `tags`): the index and the engines share them."""

from __future__ import annotations

import re

SHARED = "oshared"
_TAG_SAFE = re.compile(r"[^a-z0-9]")


def office_tag(office_id: int | None) -> str:
    return SHARED if office_id is None else f"o{office_id}"


def kind_tag(key: str) -> str:
    return "t" + _TAG_SAFE.sub("", key.lower())


def area_tag(area_id: int) -> str:
    return f"a{area_id}"


def city_tag(city_id: int) -> str:
    return f"c{city_id}"
