"""Loop forever: once per calendar day, enqueue the daily jobs the apps registered.

Started by scripts/run next to the db_worker. Several copies may run: the day is claimed
through the shared cache, so each job is enqueued once a day (see peyvand.core.scheduler).
At each check it also requeues or fails the tasks whose worker died (peyvand.core.recovery).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from peyvand.core.recovery import recover_stuck_tasks
from peyvand.core.scheduler import run_daily_if_due


class Command(BaseCommand):
    help = "Enqueue the daily jobs once per calendar day (runs until stopped)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=int, default=300, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="check once and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        interval = max(5, int(options["interval"]))
        while True:
            day = timezone.localdate()
            for name in run_daily_if_due(day):
                self.stdout.write(f"Enqueued the daily job {name} for {day.isoformat()}.")
            lost = recover_stuck_tasks(stuck_after=dt.timedelta(seconds=settings.TASK_STUCK_AFTER))
            if lost.requeued or lost.failed:
                self.stdout.write(
                    f"Tasks whose worker stopped: {len(lost.requeued)} requeued, "
                    f"{len(lost.failed)} marked failed."
                )
            if options["once"]:
                return
            time.sleep(interval)
