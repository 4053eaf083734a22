"""What every engine offers, and the SQL both share (the document table's filters)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from ..models import SearchDocument
from ..query import AllOf, AnyOf, Expr, Phrase, Scope
from ..tags import area_tag, city_tag, kind_tag, partition

TABLE = SearchDocument._meta.db_table


@dataclass(frozen=True)
class Filters:
    """An engine's query: the words' expression and the scope."""

    expr: Expr
    scope: Scope
    with_kinds: bool = True  # the facets count every type: without the type filter


class Engine(Protocol):
    vendor: str

    def install(self, schema_editor: Any) -> None:
        """Create the full-text index (migration 0002)."""

    def uninstall(self, schema_editor: Any) -> None: ...

    def ranked_ids(self, filters: Filters, *, limit: int, offset: int) -> list[int]:
        """Document ids, best first."""

    def bulk_insert(self, rows: list[Any]) -> None:
        """Write many new (unsaved) document rows at once, the fastest way the database
        has (no signal: the index writes them)."""

    def kind_counts(self, filters: Filters) -> dict[str, int]:
        """How many documents of each type match (the type filter not applied)."""

    def similar_ids(self, scope: Scope, words: list[str], *, limit: int) -> list[int]:
        """Documents whose title is spelled like the words (misspellings); [] where the
        engine has no such index."""

    def pause(self) -> None:
        """Stop indexing each written row (a bulk load follows, then `reindex_all`)."""

    def reindex_all(self) -> None:
        """Index every document row again from the table, and index each row again."""

    def optimize(self) -> None: ...


def tiered(
    first: Callable[[int, int], list[int]],
    count_first: Callable[[], int],
    rest: Callable[[int, int], list[int]],
    *,
    limit: int,
    offset: int,
) -> list[int]:
    """One page of a ranking in two tiers (the title matches, then the others), each a
    function (limit, offset) -> ids. The first tier is counted only when the page starts
    past its end (on the first pages its own answer says where it ends)."""
    ids = first(limit, offset)
    if len(ids) == limit:
        return ids
    before = offset + len(ids) if ids else count_first()
    return ids + rest(limit - len(ids), max(0, offset - before))


def in_partitions(expr: Expr, office_id: int) -> list[Expr]:
    """The expression in the office's partition and in the shared one."""
    return [in_partition(expr, partition(office_id)), in_partition(expr, partition(None))]


def in_partition(expr: Expr, prefix: str) -> Expr:
    if isinstance(expr, Phrase):
        return Phrase(tuple(prefix + word for word in expr.words), expr.prefix)
    items = tuple(in_partition(item, prefix) for item in expr.items)
    return AnyOf(items) if isinstance(expr, AnyOf) else AllOf(items)


def scope_tags(scope: Scope, *, with_kinds: bool) -> list[list[str]]:
    """The filters as groups of tags (in both partitions): a document carries at least one
    tag of each group."""
    groups: list[list[str]] = []
    if with_kinds and scope.kinds:
        groups.append([kind_tag(key) for key in scope.kinds])
    if scope.area_id is not None:
        groups.append([area_tag(scope.area_id)])
    if scope.city_id is not None:
        groups.append([city_tag(scope.city_id)])
    mine, shared = partition(scope.office_id), partition(None)
    return [[p + tag for tag in group for p in (mine, shared)] for group in groups]


def office_where(alias: str, scope: Scope) -> tuple[str, list[Any]]:
    """The office condition on the document table (its own records and the shared ones),
    and the date range: part of every engine query, never a filter applied afterwards."""
    sql = f"({alias}.office_id = %s OR {alias}.office_id IS NULL)"
    params: list[Any] = [scope.office_id]
    if scope.date_from is not None:
        sql += f" AND {alias}.date >= %s"
        params.append(scope.date_from)
    if scope.date_to is not None:
        sql += f" AND {alias}.date <= %s"
        params.append(scope.date_to)
    return sql, params
