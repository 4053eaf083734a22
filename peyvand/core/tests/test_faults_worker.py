"""A task worker killed mid-task (SIGKILL: nothing of it runs after): the task is never
left "running" for ever. `recover_tasks` requeues a task registered as safe to run again,
which the next worker finishes, and marks any other one failed, saying why."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from peyvand.core.recovery import MAX_ATTEMPTS, recover_stuck_tasks
from peyvand.core.tests.tasks import hangs_once, hangs_once_retryable

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.django_db(transaction=True)
TABLE = DBTaskResult._meta.db_table


def enqueue(task: Any, marker: Path) -> str:
    row = DBTaskResult.objects.create(
        task_path=task.module_path,
        args_kwargs={"args": [str(marker)], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
    )
    return str(row.pk)


class SharedDatabase:
    """The test's database as the worker processes see it: PostgreSQL's test database
    itself; SQLite's in-memory one copied to a file (and read back from it)."""

    def __init__(self, tmp_path: Path) -> None:
        self.sqlite = connection.vendor == "sqlite"
        self.file = tmp_path / "shared.sqlite3"
        self.tmp = tmp_path

    def url(self) -> str:
        if self.sqlite:
            connection.ensure_connection()
            target = sqlite3.connect(self.file)
            connection.connection.backup(target)
            target.close()
            return f"sqlite:///{self.file}"
        s = connection.settings_dict
        auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
        return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"

    def row(self, pk: str) -> tuple[str, list[str], str]:
        if self.sqlite:
            with sqlite3.connect(self.file) as db:
                status, workers, path = db.execute(
                    f"SELECT status, worker_ids, exception_class_path FROM {TABLE} WHERE id = ?",
                    (pk.replace("-", ""),),
                ).fetchone()
            return status, json.loads(workers), path
        row = DBTaskResult.objects.get(pk=pk)
        return row.status, row.worker_ids, row.exception_class_path

    def traceback(self, pk: str) -> str:
        if self.sqlite:
            with sqlite3.connect(self.file) as db:
                return str(
                    db.execute(
                        f"SELECT traceback FROM {TABLE} WHERE id = ?",
                        (pk.replace("-", ""),),
                    ).fetchone()[0]
                )
        return DBTaskResult.objects.get(pk=pk).traceback


def env_for(url: str, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PEYVAND_TESTING"}
    # the worker's own settings: the database backend of tasks, not the tests' immediate one
    env.update({"DATABASE_URL": url, "PEYVAND_VAR_DIR": str(tmp / "var"), "DEBUG": "0"})
    env.setdefault("SECRET_KEY", "worker-test-" + "x" * 40)
    return env


def manage(env: dict[str, str], *args: str, **kw: Any) -> Any:
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, **kw)


def kill_worker_mid_task(env: dict[str, str], marker: Path) -> None:
    worker = manage(
        env,
        "db_worker",
        "--queue-name",
        "*",
        "--no-startup-delay",
        "--interval",
        "0.2",
        "--worker-id",
        "doomed",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(600):
            if marker.exists():
                break
            assert worker.poll() is None, "the worker stopped by itself"
            time.sleep(0.1)
        else:
            pytest.fail("the worker never started the task")
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)


def recover(env: dict[str, str]) -> str:
    done = manage(env, "recover_tasks", "--older-than", "0", stdout=subprocess.PIPE, text=True)
    out, _ = done.communicate(timeout=120)
    assert done.returncode == 0
    return str(out)


def test_a_killed_workers_task_that_may_run_again_is_requeued_and_finished(
    tmp_path: Path,
) -> None:
    marker = tmp_path / "marker"
    pk = enqueue(hangs_once_retryable, marker)
    shared = SharedDatabase(tmp_path)
    env = env_for(shared.url(), tmp_path)
    kill_worker_mid_task(env, marker)
    assert shared.row(pk)[0] == TaskResultStatus.RUNNING  # what the kill leaves behind
    assert "1 requeued, 0 marked failed" in recover(env)
    assert shared.row(pk)[0] == TaskResultStatus.READY
    worker = manage(env, "db_worker", "--queue-name", "*", "--batch", "--no-startup-delay")
    assert worker.wait(timeout=120) == 0
    status, workers, _ = shared.row(pk)
    assert status == TaskResultStatus.SUCCESSFUL and len(workers) == 2
    assert marker.read_text().count("started") == 2


def test_a_killed_workers_other_task_is_marked_failed_saying_why(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    pk = enqueue(hangs_once, marker)
    shared = SharedDatabase(tmp_path)
    env = env_for(shared.url(), tmp_path)
    kill_worker_mid_task(env, marker)
    assert "0 requeued, 1 marked failed" in recover(env)
    status, _, exception = shared.row(pk)
    assert status == TaskResultStatus.FAILED
    assert exception == "peyvand.core.recovery.WorkerLost"
    assert "doomed" in shared.traceback(pk) and "not registered as safe" in shared.traceback(pk)


def test_recovery_leaves_a_task_running_for_less_than_the_limit(tmp_path: Path) -> None:
    pk = enqueue(hangs_once, tmp_path / "m")
    DBTaskResult.objects.get(pk=pk).claim("alive")
    done = recover_stuck_tasks(stuck_after=dt.timedelta(hours=1))
    assert done.requeued == done.failed == []
    assert DBTaskResult.objects.get(pk=pk).status == TaskResultStatus.RUNNING


def test_a_task_that_keeps_killing_its_worker_fails_after_the_last_attempt(
    tmp_path: Path,
) -> None:
    pk = enqueue(hangs_once_retryable, tmp_path / "m")
    later = timezone.now() + dt.timedelta(hours=2)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        DBTaskResult.objects.get(pk=pk).claim(f"worker-{attempt}")
        done = recover_stuck_tasks(stuck_after=dt.timedelta(hours=1), now=later)
        assert (done.requeued, done.failed) == (
            ([pk], []) if attempt < MAX_ATTEMPTS else ([], [pk])
        )
    row = DBTaskResult.objects.get(pk=pk)
    assert row.status == TaskResultStatus.FAILED and "3 time(s)" in row.traceback
