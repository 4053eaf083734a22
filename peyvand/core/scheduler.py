"""A once-a-day scheduler that several processes may run without doubling the work.

Apps register their daily jobs from `AppConfig.ready()` with `register_daily(name, task)`:
a task of Django's tasks framework taking `today` (an ISO date). `run_scheduler` calls
`run_daily_if_due` every few minutes. The claim on a calendar day is an atomic `cache.add`
per job (the cache is shared by the web servers and the workers: the database cache by
default, Redis in production), so only the first process to reach a new day enqueues it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.cache import cache

CLAIM_KEY = "scheduler:daily:{job}:{day}"
CLAIM_TTL = 3 * 24 * 3600

_daily: dict[str, Any] = {}


def register_daily(name: str, task: Any) -> None:
    """Enqueue `task` (with `today=<ISO date>`) once per calendar day."""
    _daily[name] = task


def daily_jobs() -> dict[str, Any]:
    return dict(_daily)


def claim_day(job: str, day: dt.date) -> bool:
    """True for the one process that first claims this calendar day for this job."""
    return bool(cache.add(CLAIM_KEY.format(job=job, day=day.isoformat()), "1", CLAIM_TTL))


def run_daily_if_due(day: dt.date) -> list[str]:
    """Enqueue each daily job not yet enqueued for `day`; the names of those this call enqueued."""
    enqueued = []
    for name, task in _daily.items():
        if claim_day(name, day):
            task.enqueue(today=day.isoformat())
            enqueued.append(name)
    return enqueued
