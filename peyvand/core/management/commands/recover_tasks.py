"""`manage.py recover_tasks [--older-than SECONDS]`: requeue or fail the tasks whose worker
died (peyvand.core.recovery); `run_scheduler` runs the same every few minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from peyvand.core.recovery import recover_stuck_tasks


class Command(BaseCommand):
    help = (
        "Tasks marked running for longer than --older-than seconds (default: "
        "TASK_STUCK_AFTER) lost their worker: requeue those registered as safe to run "
        "again, mark the others failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--older-than", type=int, default=None, help="seconds")

    def handle(self, *args: Any, **options: Any) -> None:
        seconds = options["older_than"]
        if seconds is None:
            seconds = settings.TASK_STUCK_AFTER
        done = recover_stuck_tasks(stuck_after=dt.timedelta(seconds=max(0, seconds)))
        for pk in done.requeued:
            self.stdout.write(f"requeued {pk} (its worker stopped)")
        for pk in done.failed:
            self.stdout.write(f"failed {pk} (its worker stopped)")
        self.stdout.write(f"{len(done.requeued)} requeued, {len(done.failed)} marked failed.")
