"""PostgreSQL: generated tsvector columns over the normalised words, and pg_trgm.

`vector` is `to_tsvector('simple', ...)` of every word the index wrote and the filter
tags, `title_vector` of the title's words and the tags, both in the document's office
partition (`tags.partitioned_sql`: `7xهمکاری`; the `simple` configuration only
lower-cases, every folding is `core.text`'s), each with a GIN index. The query is a
`tsquery` written out by `render` (prefixes `:*`) and cast, so no parser runs on it.
It holds no weight restriction and no phrase (a Persian word tried split in two asks for
both parts, not side by side): either would make PostgreSQL recheck every matching row
against its stored vector, which is the cost of a broad query. Rows are kept narrow
(`toast_tuple_target`: the long texts live out of line), so counting the matches of a
broad word reads few pages. The ranking has two tiers, as on SQLite: the title matches
(the shorter title first), then the others, newest first; `ts_rank` orders a
date-filtered search only (decision 0010 says why). When the full text finds few
records, `similar_ids` looks for titles spelled alike (`<%`, pg_trgm's word
similarity over a trigram index of `title_terms`, at pg_trgm's threshold of 0.6).
"""

from __future__ import annotations

import json
from typing import Any

from django.db import connection

from ..query import AllOf, AnyOf, Expr, Phrase, Scope
from ..tags import partitioned_sql
from .base import TABLE, Filters, in_partitions, office_where, scope_tags, tiered

_TITLE, _BODY, _TAGS = (
    partitioned_sql(c, "office_id") for c in ("title_terms", "body_terms", "tags")
)
INDEXES = [
    f"CREATE INDEX search_doc_vector ON {TABLE} USING gin (vector)",
    f"CREATE INDEX search_doc_title_vector ON {TABLE} USING gin (title_vector)",
    f"CREATE INDEX search_doc_title_trgm ON {TABLE} USING gin (title_terms gin_trgm_ops)",
]
DROP_INDEXES = [
    f"DROP INDEX IF EXISTS {name}"
    for name in ("search_doc_title_trgm", "search_doc_title_vector", "search_doc_vector")
]
INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""ALTER TABLE {TABLE} ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, {_TITLE} || ' ' || {_BODY} || ' ' || {_TAGS})
    ) STORED""",
    f"""ALTER TABLE {TABLE} ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, {_TITLE} || ' ' || {_TAGS})
    ) STORED""",
    # Narrow rows: the long texts out of line, what a query reads of every match (the
    # title's words and vector, the tags) kept in the row (a value moved out of line
    # costs a lookup in the TOAST table for every row a broad query reads).
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)",
    f"""ALTER TABLE {TABLE} ALTER COLUMN title_vector SET STORAGE MAIN,
        ALTER COLUMN title_terms SET STORAGE MAIN, ALTER COLUMN title_fa SET STORAGE MAIN,
        ALTER COLUMN title_en SET STORAGE MAIN, ALTER COLUMN tags SET STORAGE MAIN""",
    *INDEXES,
]
UNINSTALL = [
    *DROP_INDEXES,
    f"ALTER TABLE {TABLE} RESET (toast_tuple_target)",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS title_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector",
]


_COPY_FIELDS = [
    "kind",
    "object_id",
    "visible_to_id",
    "title_fa",
    "title_en",
    "body",
    "title_terms",
    "body_terms",
    "tags",
    "city_id",
    "date",
    "link",
]
_COPY = (
    f"COPY {TABLE} (kind, object_id, office_id, title_fa, title_en, body, title_terms, "
    "body_terms, tags, city_id, date, link) FROM STDIN"
)


def _lexeme(word: str, prefix: bool) -> str:
    # Words are letters and digits only (core.text): quoting is all the escaping needed.
    return f"'{word}'{':*' if prefix else ''}"


def render(expr: Expr, *, prefixes: bool = True) -> str:
    """An expression as tsquery text (without `prefixes`: every word whole)."""
    if isinstance(expr, Phrase):
        last = len(expr.words) - 1
        parts = [
            _lexeme(w, prefixes and expr.prefix and i == last) for i, w in enumerate(expr.words)
        ]
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"
    joiner = " | " if isinstance(expr, AnyOf) else " & "
    assert isinstance(expr, AnyOf | AllOf)
    return "(" + joiner.join(render(item, prefixes=prefixes) for item in expr.items) + ")"


def _tags(groups: list[list[str]]) -> list[str]:
    return ["(" + " | ".join(f"'{tag}'" for tag in group) + ")" for group in groups]


def words_query(filters: Filters, *, prefixes: bool = True) -> str:
    both = in_partitions(filters.expr, filters.scope.office_id)
    return "(" + " | ".join(render(e, prefixes=prefixes) for e in both) + ")"


def tsquery(filters: Filters, *, prefixes: bool = True) -> str:
    """The words in the office's and the shared partitions, and the tags."""
    groups = scope_tags(filters.scope, with_kinds=filters.with_kinds)
    return " & ".join([words_query(filters, prefixes=prefixes), *_tags(groups)])


class PostgresEngine:
    vendor = "postgresql"

    def install(self, schema_editor: Any) -> None:
        for sql in INSTALL:
            schema_editor.execute(sql)

    def uninstall(self, schema_editor: Any) -> None:
        for sql in UNINSTALL:
            schema_editor.execute(sql)

    def _where(self, filters: Filters) -> tuple[str, list[Any]]:
        where, params = office_where("d", filters.scope)
        return f"d.vector @@ %s::tsquery AND {where}", [tsquery(filters), *params]

    def ranked_ids(self, filters: Filters, *, limit: int, offset: int) -> list[int]:
        scope = filters.scope
        office, office_params = office_where("d", scope)
        query = tsquery(filters)
        with connection.cursor() as cursor:

            def run(sql: str, params: list[Any]) -> list[int]:
                cursor.execute(sql, params)
                return [row[0] for row in cursor.fetchall()]

            if scope.date_from is not None or scope.date_to is not None:
                return run(
                    f"SELECT d.id FROM {TABLE} d WHERE d.vector @@ %s::tsquery AND {office} "
                    "ORDER BY ts_rank(d.vector, %s::tsquery) DESC, d.id LIMIT %s OFFSET %s",
                    [query, *office_params, query, limit, offset],
                )
            # Within the title tier the shorter title first (the words are more of it:
            # "paris" finds Paris before Parisville); the others newest first. ts_rank
            # costs some 10 µs a row, and a broad word matches most of an office's records.

            def titles(n: int, skip: int) -> list[int]:
                return run(
                    f"SELECT d.id FROM {TABLE} d WHERE d.title_vector @@ %s::tsquery "
                    f"AND {office} ORDER BY length(d.title_terms), d.id DESC "
                    "LIMIT %s OFFSET %s",
                    [query, *office_params, n, skip],
                )

            def count_titles() -> int:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {TABLE} d WHERE d.title_vector @@ %s::tsquery "
                    f"AND {office}",
                    [query, *office_params],
                )
                return int(cursor.fetchone()[0])

            def others(n: int, skip: int) -> list[int]:
                return run(
                    f"SELECT d.id FROM {TABLE} d WHERE d.vector @@ %s::tsquery "
                    f"AND NOT d.title_vector @@ %s::tsquery AND {office} "
                    "ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT %s OFFSET %s",
                    [query, words_query(filters), *office_params, n, skip],
                )

            return tiered(titles, count_titles, others, limit=limit, offset=offset)

    def bulk_insert(self, rows: list[Any]) -> None:
        """Many new document rows at once, through COPY (the bulk path of PostgreSQL)."""
        with connection.cursor() as cursor, cursor.cursor.copy(_COPY) as copy:
            for row in rows:
                copy.write_row(
                    [getattr(row, name) for name in _COPY_FIELDS[:-1]] + [json.dumps(row.link)]
                )

    def kind_counts(self, filters: Filters) -> dict[str, int]:
        where, params = self._where(filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.kind, COUNT(*) FROM {TABLE} d WHERE {where} GROUP BY d.kind", params
            )
            return {kind: count for kind, count in cursor.fetchall()}

    def similar_ids(self, scope: Scope, words: list[str], *, limit: int) -> list[int]:
        text = " ".join(words)
        if len(text) < 3:
            return []
        where, params = office_where("d", scope)
        groups = scope_tags(scope, with_kinds=True)
        if groups:
            where += " AND d.vector @@ %s::tsquery"
            params.append(" & ".join(_tags(groups)))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id FROM {TABLE} d WHERE %s <%% d.title_terms AND {where} "
                "ORDER BY word_similarity(%s, d.title_terms) DESC, d.id LIMIT %s",
                [text, *params, text, limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def pause(self) -> None:
        # The column is generated as rows are written; its indexes are built once after.
        with connection.cursor() as cursor:
            for sql in DROP_INDEXES:
                cursor.execute(sql)

    def reindex_all(self) -> None:
        with connection.cursor() as cursor:
            # The rows' deferred foreign-key checks first: an index is not built over
            # rows with checks pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for sql in INDEXES:
                cursor.execute(sql)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"VACUUM ANALYZE {TABLE}" if connection.get_autocommit() else f"ANALYZE {TABLE}"
            )
