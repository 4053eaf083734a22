"""Scale data for load benchmarks: offices at national scale, written in bulk.

`generate_scale_data(offices=100, activities=1_000_000, seed=0)` makes offices in the
largest Iranian cities of the imported world (slug `scale-<city>`), each with members,
departments, 10-40 pacts with real partner cities and 15 years of history ending on
`until`, and stores every pact's health score. `delete_scale_data()` removes them;
`scale_digest()` is a fingerprint of their content (not of ids or timestamps).
Design and rules: docs/decisions/0006-scale-data.md; the command: generate_scale_data.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from peyvand.accounts.models import Office

from .build import PREFIX, Context, OfficeBuilder, apportion
from .clean import delete_scale_data
from .digest import scale_digest
from .modules import build_modules
from .organizations import organizations
from .world import load_world

__all__ = [
    "PREFIX",
    "UNTIL",
    "ScaleDataError",
    "Summary",
    "delete_scale_data",
    "generate_scale_data",
    "scale_data_exists",
    "scale_digest",
]

UNTIL = dt.date(2026, 12, 1)  # the last day of the history, whatever day it is run
BATCH = 10_000
# An office's share of the activities: 1 / rank ** OFFICE_ZIPF (rank 1 the largest city).
OFFICE_ZIPF = 0.5


class ScaleDataError(Exception):
    """The scale data cannot be generated (already there, no world data)."""


@dataclass
class Summary:
    counts: Counter[str]
    seconds: float
    offices: list[str]

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def scale_data_exists() -> bool:
    return (
        Office.objects.filter(slug__startswith=PREFIX).exists()
        or get_user_model().objects.filter(username__startswith=PREFIX).exists()
    )


def generate_scale_data(
    *,
    offices: int,
    activities: int,
    seed: int = 0,
    until: dt.date = UNTIL,
    password: str | None = None,
    replace: bool = False,
    batch: int = BATCH,
    report: Callable[[str], None] = lambda _line: None,
) -> Summary:
    """Generate `offices` offices sharing `activities` activities; one transaction per
    office. Refused if generated data exists, unless `replace` (it is deleted first)."""
    if offices < 1 or activities < 0 or batch < 1:
        raise ScaleDataError("offices must be at least 1, activities at least 0.")
    if scale_data_exists():
        if not replace:
            raise ScaleDataError(
                f"Generated data exists already (offices {PREFIX}*): "
                "pass --replace to delete it first, or --delete."
            )
        deleted = delete_scale_data()
        report(f"deleted the previous generation: {sum(deleted.values()):,} rows")
    world = load_world(offices)
    if len(world.homes) < offices:
        raise ScaleDataError(
            f"The world has {len(world.homes)} cities with a population for {offices} "
            "offices: run `manage.py import_world` first."
        )
    started = time.monotonic()
    ctx = Context(
        world=world,
        seed=seed,
        until=until,
        # One hash for every user: hashing a thousand passwords would take minutes.
        password=make_password(password),
        batch=batch,
        organizations=organizations(),
    )
    shares = apportion(activities, [1 / (rank + 1) ** OFFICE_ZIPF for rank in range(offices)])
    slugs = []
    for index, home in enumerate(world.homes):
        with transaction.atomic():
            office = OfficeBuilder(ctx, index, home, shares[index]).build(build_modules)
        slugs.append(office.slug)
        elapsed = time.monotonic() - started
        rows = sum(ctx.counts.values())
        report(
            f"{index + 1}/{offices} {office.slug}: {shares[index]:,} activities | "
            f"{ctx.counts['partnerships.Activity']:,} activities, {rows:,} rows in "
            f"{elapsed:.0f} s ({rows / max(elapsed, 1e-9):,.0f} rows/s)"
        )
    refresh_statistics(report)
    return Summary(counts=ctx.counts, seconds=time.monotonic() - started, offices=slugs)


def refresh_statistics(report: Callable[[str], None] = lambda _line: None) -> None:
    """PostgreSQL's planner statistics, taken anew over the millions of rows just written:
    until autovacuum's next pass the planner would take a table of a million activities
    for the thousand it last counted (a public list of 50 activities planned as a nested
    loop took 4 s instead of 0.2). SQLite keeps no statistics unless ANALYZE was ever run,
    and a real office's database never runs it: its planner is left as it is."""
    if connection.vendor != "postgresql":
        return
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    report(f"planner statistics refreshed (ANALYZE) in {time.monotonic() - started:.0f} s")
