"""Writing and deleting many rows fast, on SQLite and PostgreSQL alike.

Records with ids go through `bulk_create` (both databases return the new ids); rows of the
many-to-many tables, which nothing refers to, are written straight into their table:
PostgreSQL's COPY, or one prepared INSERT run for every row elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models

Row = tuple[Any, ...]


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Sequence[Row]) -> int:
    """Write `rows` (values of `columns`, in order) into the table of `model`; returns how
    many. Nothing is checked here: the caller builds valid rows."""
    if not rows:
        return 0
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw: Any = cursor.cursor  # the psycopg cursor under Django's wrapper
            with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
    return len(rows)


def delete_where(model: type[models.Model], column: str, values: str, params: Sequence[Any]) -> int:
    """DELETE FROM model's table WHERE column IN (values), `values` a subquery or a list
    of placeholders: one statement, no rows loaded (Django's collector would load every
    row of a table that others refer to before deleting it)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(column)} IN ({values})",
            params,
        )
        return int(cursor.rowcount)
