"""SQLite: an FTS5 table over the document table (external content, keyed by its id).

`search_fts(title_terms, body_terms, tags)` reads the normalised words the index wrote
(the tokenizer only splits them at spaces: unicode61 with no folding of its own, every
folding is `core.text`'s); triggers on the document table keep it in step in the same
transaction. Prefix indexes of two and three characters keep short prefixes fast. The
rank is bm25 with the title ten times the body, the tags nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from ..query import AllOf, AnyOf, Expr, Phrase, Scope
from .base import TABLE, Filters, office_where, scope_tags

FTS = "search_fts"
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0

INSTALL = [
    f"""CREATE VIRTUAL TABLE {FTS} USING fts5(
        title_terms, body_terms, tags,
        content='{TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3'
    )""",
    f"""CREATE TRIGGER {FTS}_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS}(rowid, title_terms, body_terms, tags)
        VALUES (new.id, new.title_terms, new.body_terms, new.tags);
    END""",
    f"""CREATE TRIGGER {FTS}_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title_terms, body_terms, tags)
        VALUES ('delete', old.id, old.title_terms, old.body_terms, old.tags);
    END""",
    f"""CREATE TRIGGER {FTS}_update AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title_terms, body_terms, tags)
        VALUES ('delete', old.id, old.title_terms, old.body_terms, old.tags);
        INSERT INTO {FTS}(rowid, title_terms, body_terms, tags)
        VALUES (new.id, new.title_terms, new.body_terms, new.tags);
    END""",
    # Rows written before the table existed.
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
UNINSTALL = [
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TRIGGER IF EXISTS {FTS}_update",
    f"DROP TABLE IF EXISTS {FTS}",
]


def render(expr: Expr) -> str:
    """An expression in FTS5's query syntax. The words are letters and digits only
    (core.text), so quoting them is all the escaping needed."""
    if isinstance(expr, Phrase):
        return '"' + " ".join(expr.words) + '"' + (" *" if expr.prefix else "")
    joiner = " OR " if isinstance(expr, AnyOf) else " AND "
    assert isinstance(expr, AnyOf | AllOf)
    return "(" + joiner.join(render(item) for item in expr.items) + ")"


def match(filters: Filters) -> str:
    words = "{title_terms body_terms} : " + render(filters.expr)
    groups = scope_tags(filters.scope, with_kinds=filters.with_kinds)
    tags = " AND ".join(
        "tags : (" + " OR ".join(f'"{tag}"' for tag in group) + ")" for group in groups
    )
    return f"({words}) AND {tags}"


class SQLiteEngine:
    vendor = "sqlite"

    def install(self, schema_editor: Any) -> None:
        for sql in INSTALL:
            schema_editor.execute(sql)

    def uninstall(self, schema_editor: Any) -> None:
        for sql in UNINSTALL:
            schema_editor.execute(sql)

    def _from(self, filters: Filters) -> tuple[str, list[Any]]:
        where, params = office_where("d", filters.scope)
        sql = f"FROM {FTS} JOIN {TABLE} d ON d.id = {FTS}.rowid WHERE {FTS} MATCH %s AND {where}"
        return sql, [match(filters), *params]

    def ranked_ids(self, filters: Filters, *, limit: int, offset: int) -> list[int]:
        sql, params = self._from(filters)
        rank = f"bm25({FTS}, {TITLE_WEIGHT}, {BODY_WEIGHT}, 0.0)"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id {sql} ORDER BY {rank}, d.id LIMIT %s OFFSET %s",
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

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")
