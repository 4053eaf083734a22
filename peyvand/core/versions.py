"""Versions of shared data: a number that changes with every write that changes what pages
show, so that what was computed from the data (a rendered page, `pagecache`) is keyed on it
and never served stale. An office's own data has its version on its row
(`accounts.Office.data_version`); the world (the atlas, the names, the network and its fit,
and the offices and memberships every menu lists) has the counter `world` here.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import F

from .models import Counter

WORLD = "world"


def version_of(name: str) -> int:
    """The counter's value (0 before its first change): one small query, no ORM compile."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {Counter._meta.db_table} WHERE name = %s", [name])
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def bump(name: str) -> None:
    """The counter grows by one (created on its first change)."""
    if not Counter.objects.filter(name=name).update(value=F("value") + 1):
        Counter.objects.get_or_create(name=name, defaults={"value": 1})


def world_version() -> int:
    return version_of(WORLD)


def bump_world(*args: object, **kwargs: object) -> None:
    """Also a signal receiver (it ignores the signal's arguments)."""
    bump(WORLD)
