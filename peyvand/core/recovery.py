"""Tasks whose worker died: retried or marked failed, never left "running" for ever.

django-tasks-db marks a task RUNNING when a worker claims it and SUCCESSFUL or FAILED when
the task returns or raises (a worker stopped with SIGTERM or Ctrl-C marks its task failed).
A worker that is killed (SIGKILL, the out-of-memory killer, a machine that stops) leaves its
task RUNNING, and no worker takes a RUNNING task again. `recover_stuck_tasks` (run by
`run_scheduler` every few minutes and by `manage.py recover_tasks`) finds the tasks RUNNING
for longer than `settings.TASK_STUCK_AFTER` and

- puts back in the queue a task registered as safe to run again
  (`register_retryable(task)` from `AppConfig.ready()`: it recomputes what it writes, so
  running it twice does no harm), at most `MAX_ATTEMPTS` claims in all;
- marks every other one FAILED with `WorkerLost` and a message saying what happened, so
  that whoever enqueued it sees the failure (decision 0019).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

# A task is claimed at most this many times (the first run and two retries).
MAX_ATTEMPTS = 3

_retryable: set[str] = set()


class WorkerLost(Exception):
    """The worker running the task stopped before the task finished."""


def register_retryable(task: Any) -> None:
    """`task` may run again when its worker died: it is idempotent."""
    _retryable.add(task.module_path)


def is_retryable(task_path: str) -> bool:
    return task_path in _retryable


@dataclass
class Recovered:
    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _lost_message(row: DBTaskResult[Any, Any], stuck_after: dt.timedelta, now: dt.datetime) -> str:
    started = row.started_at.isoformat() if row.started_at else "?"
    return (
        f"WorkerLost: task {row.task_path} (id {row.pk}) was claimed by worker(s) "
        f"{', '.join(row.worker_ids) or '?'} at {started} and still marked running at "
        f"{now.isoformat()}, more than {int(stuck_after.total_seconds())} s later: its worker "
        "stopped before the task finished (killed, out of memory, machine down). "
        + (
            f"It was tried {len(row.worker_ids)} time(s), the most allowed."
            if is_retryable(row.task_path)
            else "It is not registered as safe to run again, so it was not retried."
        )
    )


def recover_stuck_tasks(*, stuck_after: dt.timedelta, now: dt.datetime | None = None) -> Recovered:
    """Requeue or fail every task RUNNING since before `now - stuck_after`."""
    now = now or timezone.now()
    done = Recovered()
    with transaction.atomic():
        stuck = (
            DBTaskResult.objects.running()
            .filter(started_at__lt=now - stuck_after)
            .select_for_update(skip_locked=True)
        )
        for row in stuck:
            # Importing the task's module runs its registrations; a task that no longer
            # exists is failed below.
            with contextlib.suppress(Exception):
                row.task  # noqa: B018
            if is_retryable(row.task_path) and len(row.worker_ids) < MAX_ATTEMPTS:
                row.status = TaskResultStatus.READY
                row.started_at = None
                row.save(update_fields=["status", "started_at"])
                done.requeued.append(str(row.pk))
                continue
            row.status = TaskResultStatus.FAILED
            row.finished_at = now
            row.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
            row.traceback = _lost_message(row, stuck_after, now)
            row.return_value = None
            row.save(
                update_fields=[
                    "status",
                    "finished_at",
                    "exception_class_path",
                    "traceback",
                    "return_value",
                ]
            )
            done.failed.append(str(row.pk))
    return done
