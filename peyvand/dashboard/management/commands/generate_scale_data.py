"""`manage.py generate_scale_data --offices 100 --activities 1000000 --seed 0`: national-scale
data for load benchmarks (see bench/README.md and docs/decisions/0006-scale-data.md)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from peyvand.dashboard.scale import (
    PREFIX,
    UNTIL,
    ScaleDataError,
    delete_scale_data,
    generate_scale_data,
    scale_digest,
)


class Command(BaseCommand):
    # An operator's tool: its output is English, whatever the site's language.
    help = (
        f"Generate offices ({PREFIX}<city>) with members, pacts, 15 years of activities and "
        "stored health scores, written in bulk; deterministic for the same arguments."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--offices", type=int, default=100)
        parser.add_argument("--activities", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--until",
            type=dt.date.fromisoformat,
            default=UNTIL,
            help=f"Last day of the history and day of the scores (default {UNTIL}); the "
            "data does not depend on the day the command is run.",
        )
        parser.add_argument(
            "--replace", action="store_true", help="Delete a previous generation first."
        )
        parser.add_argument("--delete", action="store_true", help="Only delete the generated data.")
        parser.add_argument(
            "--password",
            default=None,
            help="Give every generated user this password (default: none can log in).",
        )
        parser.add_argument("--batch", type=int, default=10_000, help="Rows per bulk insert.")
        parser.add_argument(
            "--digest", action="store_true", help="Print a fingerprint of the data at the end."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["delete"]:
            started = time.monotonic()
            deleted = delete_scale_data()
            self._counts(deleted)
            self.stdout.write(f"Deleted {sum(deleted.values()):,} rows in {self._since(started)}.")
            return
        self.stdout.write(
            f"Generating {options['offices']} offices, {options['activities']:,} activities, "
            f"seed {options['seed']}, history until {options['until']} "
            f"({connection.vendor})..."
        )
        try:
            summary = generate_scale_data(
                offices=options["offices"],
                activities=options["activities"],
                seed=options["seed"],
                until=options["until"],
                password=options["password"],
                replace=options["replace"],
                batch=options["batch"],
                report=self.stdout.write,
            )
        except ScaleDataError as exc:
            raise CommandError(str(exc)) from exc
        self._counts(summary.counts)
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary.rows:,} rows in {summary.seconds:.1f} s "
                f"({summary.rows / max(summary.seconds, 1e-9):,.0f} rows/s); offices "
                f"{summary.offices[0]} ... {summary.offices[-1]}, director of each: "
                f"<office slug>-director."
            )
        )
        if options["digest"]:
            self.stdout.write(f"digest {scale_digest()}")

    def _counts(self, counts: Any) -> None:
        for label, n in sorted(counts.items()):
            self.stdout.write(f"  {label:<42} {n:>12,}")

    @staticmethod
    def _since(started: float) -> str:
        return f"{time.monotonic() - started:.1f} s"
