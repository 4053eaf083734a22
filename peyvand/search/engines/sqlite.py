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

from ..models import SearchDocument
from ..query import AllOf, AnyOf, Expr, Phrase, Scope
from ..tags import partitioned_sql
from .base import TABLE, Filters, in_partitions, office_where, scope_tags, tiered

FTS = "search_fts"
COVER = "search_doc_cover"
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
RANK = f"bm25({FTS}, {TITLE_WEIGHT}, {BODY_WEIGHT}, 0.0)"
ANY_TEXT = "{title_terms body_terms}"
TITLE = "{title_terms}"

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


def render(expr: Expr, *, whole: bool = False) -> str:
    """An expression in FTS5's query syntax (with `whole`, a prefix is also tried as the
    whole word, which bm25 then counts twice). The words are letters and digits only
    (core.text), so quoting them is all the escaping needed."""
    if isinstance(expr, Phrase):
        quoted = '"' + " ".join(expr.words) + '"'
        if not expr.prefix:
            return quoted
        return f"({quoted} OR {quoted} *)" if whole else f"{quoted} *"
    joiner = " OR " if isinstance(expr, AnyOf) else " AND "
    assert isinstance(expr, AnyOf | AllOf)
    return "(" + joiner.join(render(item, whole=whole) for item in expr.items) + ")"


def _words(filters: Filters, columns: str, *, whole: bool = False) -> str:
    both = in_partitions(filters.expr, filters.scope.office_id)
    return f"({columns} : (" + " OR ".join(render(e, whole=whole) for e in both) + "))"


def _tags(filters: Filters) -> list[str]:
    groups = scope_tags(filters.scope, with_kinds=filters.with_kinds)
    return ["tags : (" + " OR ".join(f'"{tag}"' for tag in group) + ")" for group in groups]


def match(filters: Filters) -> str:
    """The MATCH text: the words in the office's and the shared partitions, and the tags."""
    return " AND ".join([_words(filters, ANY_TEXT), *_tags(filters)])


def title_match(filters: Filters) -> str:
    """The documents whose title has the words (the first tier of the ranking)."""
    return " AND ".join([_words(filters, TITLE, whole=True), *_tags(filters)])


def body_match(filters: Filters) -> str:
    """The others (the second tier)."""
    return f"({match(filters)}) NOT {_words(filters, TITLE)}"


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
        """Two tiers: the documents with the words in their title, then the others, each
        by bm25. A title match thus always ranks above a body mention, and a broad word
        found in most documents is ranked over its title matches only for the first
        pages (bm25 is the cost of a query: it runs on every document it orders)."""
        scope = filters.scope
        with connection.cursor() as cursor:
            if scope.date_from is not None or scope.date_to is not None:
                sql, params = self._from(filters)
                cursor.execute(
                    f"SELECT d.id {sql} ORDER BY {RANK}, d.id LIMIT %s OFFSET %s",
                    [*params, limit, offset],
                )
                return [row[0] for row in cursor.fetchall()]

            def count_titles() -> int:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {FTS} WHERE {FTS} MATCH %s", [title_match(filters)]
                )
                return int(cursor.fetchone()[0])

            ids = tiered(
                lambda n, skip: self._ranked(cursor, title_match(filters), n, skip),
                count_titles,
                lambda n, skip: self._ranked(cursor, body_match(filters), n, skip),
                limit=limit,
                offset=offset,
            )
            # The page's rows are checked against the office once more (the words were
            # looked up in its partition already).
            where, params = office_where("d", scope)
            cursor.execute(
                f"SELECT d.id FROM {TABLE} d INDEXED BY {COVER} WHERE d.id IN "
                f"({', '.join(['%s'] * len(ids)) or 'NULL'}) AND {where}",
                [*ids, *params],
            )
            allowed = {row[0] for row in cursor.fetchall()}
            return [pk for pk in ids if pk in allowed]

    def _ranked(self, cursor: Any, text: str, limit: int, offset: int) -> list[int]:
        cursor.execute(
            f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s ORDER BY {RANK}, rowid "
            "LIMIT %s OFFSET %s",
            [text, limit, offset],
        )
        return [row[0] for row in cursor.fetchall()]

    def bulk_insert(self, rows: list[Any]) -> None:
        SearchDocument.objects.bulk_create(rows, batch_size=1000)

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
