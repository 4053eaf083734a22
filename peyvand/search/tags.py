"""The words the engines index beyond a document's own: its partition and filter tags.

Every indexed word is written in its office's **partition**: prefixed with the office's id
and an `x` (`7xهمکاری`; shared documents `0x`), so that a query for office 7 reads only
the lists of office 7's words and the shared ones, never another office's: the office is a
condition of the index lookup itself, and the lists read are an office's share of the
index, not the whole (decision 0010). The stored `title_terms`/`body_terms`/`tags` keep
the plain words; each engine adds the prefix as it indexes (SQL `replace`, `partitioned`).

The filter tags (the type `tpartnership`, each area `a3`, the city `c881`) are words of the
`tags` column, partitioned the same way.
"""

from __future__ import annotations

import re

_TAG_SAFE = re.compile(r"[^a-z0-9]")


def partition(office_id: int | None) -> str:
    return f"{office_id or 0}x"


def kind_tag(key: str) -> str:
    return "t" + _TAG_SAFE.sub("", key.lower())


def area_tag(area_id: int) -> str:
    return f"a{area_id}"


def city_tag(city_id: int) -> str:
    return f"c{city_id}"


def partitioned_sql(column: str, office: str) -> str:
    """SQL of a column's words, each prefixed with the partition of `office` (an SQL
    expression of the office id, NULL for shared); '' stays ''."""
    prefix = f"(COALESCE(CAST({office} AS TEXT), '0') || 'x')"
    return (
        f"(CASE WHEN {column} = '' THEN '' ELSE "
        f"{prefix} || REPLACE({column}, ' ', ' ' || {prefix}) END)"
    )
