"""Background work: the daily refresh of every health score (Django's tasks framework)."""

from __future__ import annotations

import datetime as dt

from django.tasks import task
from django.utils import timezone


@task()
def refresh_all_health(today: str | None = None) -> int:
    """Recompute every partnership's stored health score; returns how many."""
    from .services import health_refresh_all

    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    return health_refresh_all(today=day)
