"""The full-text engines: one module per database, one interface (`base.Engine`).

`engine()` answers the engine of the default database: `sqlite.SQLiteEngine` (FTS5) on the
embedded default, `postgresql.PostgresEngine` (full text over the `simple` configuration,
and pg_trgm for misspellings) in production.
"""

from __future__ import annotations

from django.db import connection

from .base import Engine, Filters
from .postgresql import PostgresEngine
from .sqlite import SQLiteEngine

__all__ = ["Engine", "Filters", "engine", "engine_for"]

_ENGINES: dict[str, Engine] = {"sqlite": SQLiteEngine(), "postgresql": PostgresEngine()}


def engine_for(vendor: str) -> Engine:
    try:
        return _ENGINES[vendor]
    except KeyError:
        raise NotImplementedError(f"no search engine for the {vendor} database") from None


def engine() -> Engine:
    return engine_for(connection.vendor)
