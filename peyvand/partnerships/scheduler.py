"""A once-a-day scheduler that several processes may run without doubling the work.

The claim on a calendar day is an atomic `cache.add` (the cache is shared by the web
servers and the workers: the database cache by default, Redis in production), so only the
first process to reach a new day enqueues the daily jobs.
"""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache

CLAIM_KEY = "partnerships:daily-refresh:{day}"
CLAIM_TTL = 3 * 24 * 3600


def claim_day(day: dt.date) -> bool:
    """True for the one process that first claims this calendar day."""
    return bool(cache.add(CLAIM_KEY.format(day=day.isoformat()), "1", CLAIM_TTL))


def run_daily_if_due(day: dt.date) -> bool:
    """Enqueue the daily refresh once for `day`; True if this call enqueued it."""
    if not claim_day(day):
        return False
    from .tasks import refresh_all_health

    refresh_all_health.enqueue(today=day.isoformat())
    return True
