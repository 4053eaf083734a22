"""PostgreSQL: a generated tsvector column over the normalised words, and pg_trgm.

`vector` is `to_tsvector('simple', ...)` of the words the index wrote, in the document's
office partition (`tags.partitioned_sql`: `7xهمکاری`; the `simple` configuration only
lower-cases, every folding is `core.text`'s), the title with weight A, the body B, the
filter tags D; a GIN index serves `@@`. The query is a `tsquery` written
out by `render` (lexemes restricted to weights A and B, prefixes `:*`) and cast, so no
parser runs on it. The rank is `ts_rank` (A 1.0, B 0.4), plus the rank of the words
taken whole. When the full text finds few
records, `similar_ids` looks for titles spelled alike (`<%`, pg_trgm's word similarity,
over a trigram index of `title_terms`, at pg_trgm's threshold of 0.6).
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from ..query import AllOf, AnyOf, Expr, Phrase, Scope
from ..tags import partitioned_sql
from .base import TABLE, Filters, in_partitions, office_where, scope_tags

_TITLE, _BODY, _TAGS = (
    partitioned_sql(c, "office_id") for c in ("title_terms", "body_terms", "tags")
)
INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""ALTER TABLE {TABLE} ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, {_TITLE}), 'A')
        || setweight(to_tsvector('simple'::regconfig, {_BODY}), 'B')
        || setweight(to_tsvector('simple'::regconfig, {_TAGS}), 'D')
    ) STORED""",
    f"CREATE INDEX search_doc_vector ON {TABLE} USING gin (vector)",
    f"CREATE INDEX search_doc_title_trgm ON {TABLE} USING gin (title_terms gin_trgm_ops)",
]
UNINSTALL = [
    "DROP INDEX IF EXISTS search_doc_title_trgm",
    "DROP INDEX IF EXISTS search_doc_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector",
]


def _lexeme(word: str, prefix: bool, weights: str = "AB") -> str:
    # Words are letters and digits only (core.text): quoting is all the escaping needed.
    return f"'{word}':{'*' if prefix else ''}{weights}"


def render(expr: Expr, *, prefixes: bool = True) -> str:
    """An expression as tsquery text (without `prefixes`: every word whole)."""
    if isinstance(expr, Phrase):
        last = len(expr.words) - 1
        parts = [
            _lexeme(w, prefixes and expr.prefix and i == last) for i, w in enumerate(expr.words)
        ]
        return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"
    joiner = " | " if isinstance(expr, AnyOf) else " & "
    assert isinstance(expr, AnyOf | AllOf)
    return "(" + joiner.join(render(item, prefixes=prefixes) for item in expr.items) + ")"


def _tags(groups: list[list[str]]) -> list[str]:
    return ["(" + " | ".join(f"'{tag}':D" for tag in group) + ")" for group in groups]


def tsquery(filters: Filters, *, prefixes: bool = True) -> str:
    """The words in the office's and the shared partitions, and the tags."""
    both = in_partitions(filters.expr, filters.scope.office_id)
    words = "(" + " | ".join(render(e, prefixes=prefixes) for e in both) + ")"
    groups = scope_tags(filters.scope, with_kinds=filters.with_kinds)
    return " & ".join([words, *_tags(groups)])


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
        where, params = self._where(filters)
        # ts_rank counts a word matched whole and by its prefix once: the rank of the
        # words taken whole is added, so "paris" ranks Paris above Parisville.
        whole = tsquery(filters, prefixes=False)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id FROM {TABLE} d WHERE {where} "
                "ORDER BY ts_rank(d.vector, %s::tsquery) + ts_rank(d.vector, %s::tsquery) DESC,"
                " d.id LIMIT %s OFFSET %s",
                [*params, params[0], whole, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

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
        pass  # the column is generated: nothing to pause

    def reindex_all(self) -> None:
        pass

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")
