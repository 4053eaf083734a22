"""The daily claim (core.scheduler, decision 0022): a database row per job and day, in the
transaction that enqueues the job, so that one scheduler of many enqueues it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db.models import QuerySet

from peyvand.core import scheduler
from peyvand.core.models import DailyRun

DAY = dt.date(2026, 12, 3)


class FakeTask:
    def __init__(self, fails: bool = False) -> None:
        self.calls: list[dict[str, Any]] = []
        self.fails = fails

    def enqueue(self, **kwargs: Any) -> None:
        if self.fails:
            raise ConnectionError("the queue does not answer")
        self.calls.append(kwargs)


@pytest.fixture
def job(monkeypatch: pytest.MonkeyPatch) -> FakeTask:
    task = FakeTask()
    monkeypatch.setattr(scheduler, "_daily", {"test.job": task})
    return task


@pytest.mark.django_db
def test_the_first_scheduler_claims_the_day_and_the_next_ones_enqueue_nothing(
    job: FakeTask,
) -> None:
    assert scheduler.run_daily_if_due(DAY) == ["test.job"]
    assert scheduler.run_daily_if_due(DAY) == []
    assert job.calls == [{"today": "2026-12-03"}]
    assert list(DailyRun.objects.values_list("job", "day")) == [("test.job", DAY)]


@pytest.mark.django_db(transaction=True)
def test_a_scheduler_that_loses_the_race_meets_the_constraint_and_enqueues_nothing(
    job: FakeTask, monkeypatch: pytest.MonkeyPatch
) -> None:
    DailyRun.objects.create(job="test.job", day=DAY)  # another scheduler's claim, committed
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)  # it looked just before
    assert scheduler.run_daily_if_due(DAY) == []
    assert job.calls == []
    assert DailyRun.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_enqueue_that_fails_leaves_no_claim_so_the_next_check_tries_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(scheduler, "_daily", {"test.job": FakeTask(fails=True)})
    with pytest.raises(ConnectionError):
        scheduler.run_daily_if_due(DAY)
    assert not DailyRun.objects.exists()
    working = FakeTask()
    monkeypatch.setattr(scheduler, "_daily", {"test.job": working})
    assert scheduler.run_daily_if_due(DAY) == ["test.job"]
    assert working.calls == [{"today": "2026-12-03"}]
