"""The daily refresh: the task, the command and the once-a-day scheduler."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.cache import cache
from django.core.management import call_command

from peyvand.core.scheduler import run_daily_if_due
from peyvand.partnerships.models import Partnership
from peyvand.partnerships.tasks import refresh_all_health

from .factories import make_partnership


def test_the_task_refreshes_stored_scores(office: Any) -> None:
    p = make_partnership(office, signed_on=dt.date(2020, 1, 1))
    Partnership.objects.filter(pk=p.pk).update(health_score=None, health_computed_on=None)
    result = refresh_all_health.enqueue(today="2025-01-01")
    assert result.return_value == 1
    p.refresh_from_db()
    assert p.health_computed_on == dt.date(2025, 1, 1)
    assert p.health_label == "dormant"


def test_the_command_refreshes(office: Any, capsys: Any) -> None:
    make_partnership(office)
    call_command("refresh_health")
    assert "1 partnerships" in capsys.readouterr().out


def test_the_scheduler_enqueues_once_per_day(office: Any) -> None:
    cache.clear()
    p = make_partnership(office)
    day = dt.date(2031, 3, 4)
    assert "partnerships.refresh_health" in run_daily_if_due(day)  # (the bin's purge too)
    assert run_daily_if_due(day) == []  # a second process on the same day
    p.refresh_from_db()
    assert p.health_computed_on == day
    assert "partnerships.refresh_health" in run_daily_if_due(day + dt.timedelta(days=1))
