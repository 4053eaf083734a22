"""SQLite: a contentless FTS5 table over the document table's words, keyed by its id.

`search_fts(title_terms, body_terms, tags)` holds each document's words in its office's
partition (`tags.partitioned_sql`: `7xهمکاری`); the tokenizer only splits at spaces
(unicode61, no folding of its own: every folding is `core.text`'s). Triggers on the
document table index each written row in the same transaction (a contentless table is
told the old words to forget them). A bulk load (`pause`, then `reindex_all`) indexes the
whole table in one INSERT ... SELECT instead. The rank is bm25 with the title ten times
the body, the tags nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from ..query import AllOf, AnyOf, Expr, Phrase, Scope
from ..tags import partitioned_sql
from .base import TABLE, Filters, in_partitions, office_where, scope_tags

FTS = "search_fts"
COVER = "search_doc_cover"
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
RANK = f"bm25({FTS}, {TITLE_WEIGHT}, {BODY_WEIGHT}, 0.0)"

COLUMNS = ("title_terms", "body_terms", "tags")


def _values(row: str) -> str:
    """The partitioned words of a row (`new`, `old`, or a table alias)."""
    return ", ".join(partitioned_sql(f"{row}.{c}", f"{row}.office_id") for c in COLUMNS)


_NAMES = ", ".join(COLUMNS)
_INSERT = f"INSERT INTO {FTS}(rowid, {_NAMES}) VALUES (new.id, {_values('new')});"
_DELETE = f"INSERT INTO {FTS}({FTS}, rowid, {_NAMES}) VALUES ('delete', old.id, {_values('old')});"
TRIGGERS = [
    f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON {TABLE} BEGIN {_INSERT} END",
    f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON {TABLE} BEGIN {_DELETE} END",
    f"CREATE TRIGGER {FTS}_update AFTER UPDATE ON {TABLE} BEGIN {_DELETE} {_INSERT} END",
]
DROP_TRIGGERS = [f"DROP TRIGGER IF EXISTS {FTS}_{name}" for name in ("insert", "delete", "update")]
REINDEX = [
    f"INSERT INTO {FTS}({FTS}) VALUES ('delete-all')",
    f"INSERT INTO {FTS}(rowid, {_NAMES}) SELECT d.id, {_values('d')} FROM {TABLE} d",
]
INSTALL = [
    f"""CREATE VIRTUAL TABLE {FTS} USING fts5(
        {_NAMES}, content='', tokenize='unicode61 remove_diacritics 0'
    )""",
    # What a query reads of each matching document (its office, type, date) without
    # touching its row, whose texts are long: the join reads this index only.
    f"CREATE INDEX {COVER} ON {TABLE} (id, office_id, kind, date)",
    *TRIGGERS,
    *REINDEX,  # rows written before the table existed
]
UNINSTALL = [*DROP_TRIGGERS, f"DROP INDEX IF EXISTS {COVER}", f"DROP TABLE IF EXISTS {FTS}"]


def render(expr: Expr) -> str:
    """An expression in FTS5's query syntax. The words are letters and digits only
    (core.text), so quoting them is all the escaping needed."""
    if isinstance(expr, Phrase):
        return '"' + " ".join(expr.words) + '"' + (" *" if expr.prefix else "")
    joiner = " OR " if isinstance(expr, AnyOf) else " AND "
    assert isinstance(expr, AnyOf | AllOf)
    return "(" + joiner.join(render(item) for item in expr.items) + ")"


def match(filters: Filters) -> str:
    """The MATCH text: the words in the office's and the shared partitions, and the tags."""
    both = in_partitions(filters.expr, filters.scope.office_id)
    words = "{title_terms body_terms} : (" + " OR ".join(render(e) for e in both) + ")"
    groups = scope_tags(filters.scope, with_kinds=filters.with_kinds)
    tags = ["tags : (" + " OR ".join(f'"{tag}"' for tag in group) + ")" for group in groups]
    return " AND ".join([f"({words})", *tags])


class SQLiteEngine:
    vendor = "sqlite"

    def install(self, schema_editor: Any) -> None:
        for sql in INSTALL:
            schema_editor.execute(sql)

    def uninstall(self, schema_editor: Any) -> None:
        for sql in UNINSTALL:
            schema_editor.execute(sql)

    def _from(self, filters: Filters) -> tuple[str, list[Any]]:
        # The office is the partition of the words matched (and the WHERE again, on the
        # covering index, with the dates).
        where, params = office_where("d", filters.scope)
        sql = (
            f"FROM {FTS} JOIN {TABLE} d INDEXED BY {COVER} ON d.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND {where}"
        )
        return sql, [match(filters), *params]

    def ranked_ids(self, filters: Filters, *, limit: int, offset: int) -> list[int]:
        scope = filters.scope
        with connection.cursor() as cursor:
            if scope.date_from is None and scope.date_to is None:
                # Ranked inside the index alone (no row read per match); the page's rows
                # are checked against the office once more.
                where, params = office_where("d", scope)
                cursor.execute(
                    f"SELECT d.id FROM (SELECT rowid AS id, {RANK} AS score FROM {FTS} "
                    f"WHERE {FTS} MATCH %s ORDER BY score, rowid LIMIT %s OFFSET %s) f "
                    f"JOIN {TABLE} d INDEXED BY {COVER} ON d.id = f.id WHERE {where} "
                    "ORDER BY f.score, f.id",
                    [match(filters), limit, offset, *params],
                )
            else:
                sql, params = self._from(filters)
                cursor.execute(
                    f"SELECT d.id {sql} ORDER BY {RANK}, d.id LIMIT %s OFFSET %s",
                    [*params, limit, offset],
                )
            return [row[0] for row in cursor.fetchall()]

    def kind_counts(self, filters: Filters) -> dict[str, int]:
        sql, params = self._from(filters)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT d.kind, COUNT(*) {sql} GROUP BY d.kind", params)
            return {kind: count for kind, count in cursor.fetchall()}

    def similar_ids(self, scope: Scope, words: list[str], *, limit: int) -> list[int]:
        return []  # FTS5 has no similarity index; PostgreSQL's pg_trgm does this

    def pause(self) -> None:
        with connection.cursor() as cursor:
            for sql in DROP_TRIGGERS:
                cursor.execute(sql)

    def reindex_all(self) -> None:
        with connection.cursor() as cursor:
            for sql in (*REINDEX, *TRIGGERS):
                cursor.execute(sql)

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")
