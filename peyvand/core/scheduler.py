"""A once-a-day scheduler that several processes may run without doubling the work.

Apps register their daily jobs from `AppConfig.ready()` with `register_daily(name, task)`:
a task of Django's tasks framework taking `today` (an ISO date). `run_scheduler` calls
`run_daily_if_due` every few minutes, on any number of hosts. The claim on a calendar day
is a `DailyRun` row, unique per job and day, inserted in the transaction that enqueues the
job: the first scheduler to reach a new day inserts it, every other one meets the unique
constraint (PostgreSQL makes it wait for the first one's commit) and enqueues nothing. The
database decides, so a cache flush or eviction cannot run a job twice (decision 0022).

With the database task backend the row and the task commit together. With Redis the task
is sent before the commit: an enqueue that fails leaves no claim (the next check tries
again); a commit that fails after the send is the one way a job could run twice that day,
and the daily jobs are registered as safe to run again (`core.recovery`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction

from .models import DailyRun

_daily: dict[str, Any] = {}


def register_daily(name: str, task: Any) -> None:
    """Enqueue `task` (with `today=<ISO date>`) once per calendar day."""
    _daily[name] = task


def daily_jobs() -> dict[str, Any]:
    return dict(_daily)


def run_daily_if_due(day: dt.date) -> list[str]:
    """Enqueue each daily job not yet enqueued for `day`; the names of those this call enqueued."""
    enqueued = []
    for name, task in _daily.items():
        if DailyRun.objects.filter(job=name, day=day).exists():
            continue
        try:
            with transaction.atomic():
                DailyRun.objects.create(job=name, day=day)
                task.enqueue(today=day.isoformat())
        except IntegrityError:
            continue  # another scheduler claimed the day first
        enqueued.append(name)
    return enqueued
