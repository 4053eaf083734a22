"""Several app processes, workers and schedulers on one PostgreSQL and one Redis (decision
0022, docs/deploy.md): two gunicorn servers, two task workers and two schedulers on
127.0.0.1, against a fresh PostgreSQL database made and migrated here and a Redis database
of their own (flushed before and after), configured only through the environment as on
several hosts (DATABASE_URL, CACHE_URL, TASKS_URL). It shows that

- a write through one server is read through the other;
- a session opened on one server is valid on the other (sessions in cache and database);
- each task enqueued runs exactly once, by one of the two workers;
- the daily job is enqueued once, and runs once, however many schedulers reach the day;
- a task whose worker is killed mid-task is taken again by another worker and finished.

The processes run with PEYVAND_TESTING=1 for two things only: the static files come from
the sources (no collectstatic) and passwords are hashed cheaply. Marked `slow` (CI runs it
on its PostgreSQL pass); it needs PostgreSQL and Redis on 127.0.0.1 (PEYVAND_TEST_REDIS_URL
names another Redis) and skips without them, except in CI, where it fails.
"""

from __future__ import annotations

import html.parser
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import requests

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.slow
REDIS_URL = os.environ.get("PEYVAND_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
TASKS = 20
PASSWORD = "scale-out-pw-1"


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI has PostgreSQL and Redis, so this test must run")
    pytest.skip(reason)


def pg_params() -> dict[str, Any]:
    """The PostgreSQL server the tests use (DATABASE_URL) or the one on 127.0.0.1:5432."""
    url = urlparse(os.environ.get("DATABASE_URL", ""))
    if url.scheme.startswith("postgres"):
        params = {"host": url.hostname or "127.0.0.1", "port": url.port or 5432}
        params["user"] = url.username or "postgres"
        if url.password:
            params["password"] = url.password
        return params
    return {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


@pytest.fixture
def database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database (dropped afterwards); its URL."""
    import psycopg

    params = pg_params()
    name = f"peyvand_scale_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **params)
    except psycopg.OperationalError as exc:
        unavailable(f"no PostgreSQL at {params['host']}:{params['port']}: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    auth = params["user"] + (f":{params['password']}" if "password" in params else "")
    try:
        yield f"postgres://{auth}@{params['host']}:{params['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def redis_db() -> Iterator[str]:
    """The test's own Redis database, empty before and after; its URL."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=5)
    try:
        client.flushdb()
    except redis.RedisError as exc:
        unavailable(f"no Redis at {REDIS_URL}: {exc}")
    try:
        yield REDIS_URL
    finally:
        client.flushdb()
        client.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Processes:
    """The processes started for the test, each stopped (and its output kept) at the end."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env, self.logs = env, logs
        self.started: list[tuple[str, subprocess.Popen[bytes]]] = []

    def start(self, name: str, *command: str, **env: str) -> subprocess.Popen[bytes]:
        log = (self.logs / f"{name}.log").open("wb")
        process = subprocess.Popen(
            command, cwd=ROOT, env=self.env | env, stdout=log, stderr=subprocess.STDOUT
        )
        self.started.append((name, process))
        return process

    def manage(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        return self.start(name, sys.executable, "manage.py", *args)

    def output(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        for name, _ in self.started:
            # captured by pytest, shown when the test failed
            print(f"--- {name}\n{self.output(name)[-2000:]}")
        for _, process in self.started:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for _, process in self.started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def run(env: dict[str, str], *args: str, timeout: int = 120) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


SEED = """
import json
from peyvand.accounts.tests.factories import make_member, make_office, make_user
from peyvand.core.tests.tasks import note_run
office = make_office("scale-out", "اداره آزمون", "Scale-out office")
make_member(office, "officer", user=make_user("scaler", password={password!r}))
ids = [note_run.enqueue({marker!r}, n).id for n in range({tasks})]
print("SEEDED " + json.dumps(ids))
"""

REPORT = """
import json
from django.tasks import task_backends
from peyvand.core.models import DailyRun
backend = task_backends["default"]
tasks, _ = backend.get_all_tasks(limit=1000)
print("REPORT " + json.dumps({{
    "claims": list(DailyRun.objects.values_list("job", "day")),
    "tasks": [[t["task_path"], t["status"], json.loads(t["worker_ids_json"])] for t in tasks],
}}, default=str))
"""


def wait_for(check: Any, what: str, timeout: float = 120) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def answers(port: int) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200
    except requests.RequestException:
        return False


class HiddenInputs(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("type") == "hidden" and found.get("name"):
            self.values[str(found["name"])] = found.get("value") or ""


def log_in(session: requests.Session, base: str) -> None:
    page = session.get(f"{base}/en/login/", timeout=10)
    assert page.status_code == 200
    form = HiddenInputs()
    form.feed(page.text)
    data = form.values | {"username": "scaler", "password": PASSWORD}
    done = session.post(
        f"{base}/en/login/", data=data, headers={"Referer": f"{base}/en/login/"}, timeout=10
    )
    assert done.status_code == 200 and "sessionid" in session.cookies, done.text[:500]


def test_two_servers_two_workers_two_schedulers_share_one_database_and_one_redis(
    database: str, redis_db: str, tmp_path: Path
) -> None:
    marker = tmp_path / "runs.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        {
            "PEYVAND_TESTING": "1",
            "DEBUG": "0",
            "DATABASE_URL": database,
            "CACHE_URL": redis_db,
            "TASKS_URL": redis_db,
            "PEYVAND_VAR_DIR": str(tmp_path / "var"),
            "SECRET_KEY": "scale-out-test-" + "x" * 40,
            "WEB_WORKERS": "1",
            "WEB_THREADS": "2",
            "WEB_ACCESS_LOG": "",
        }
    )
    env.pop("PAGE_CACHE_URL", None)
    run(env, "migrate", "-v", "0", timeout=300)
    seeded = run(
        env, "shell", "-c", SEED.format(password=PASSWORD, marker=str(marker), tasks=TASKS)
    )
    task_ids = json.loads(next(x for x in seeded.splitlines() if x.startswith("SEEDED "))[7:])
    assert len(task_ids) == TASKS

    procs = Processes(env, tmp_path)
    ports = [free_port(), free_port()]
    try:
        gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
        for n, port in enumerate(ports):
            procs.start(
                f"app{n}", gunicorn, "-c", "config/gunicorn.py", "config.wsgi", PORT=str(port)
            )
        for n in range(2):
            procs.manage(f"worker{n}", "run_worker")
        schedulers = [procs.manage(f"scheduler{n}", "run_scheduler", "--once") for n in range(2)]

        # the sessions and the data of one server are the other's
        for port in ports:
            wait_for(lambda port=port: answers(port), f"the server on port {port}")
        one, other = (f"http://127.0.0.1:{port}" for port in ports)
        session = requests.Session()
        log_in(session, one)
        home = session.get(f"{other}/en/", timeout=10)
        assert home.status_code == 200 and "/login/" not in home.url  # signed in on the other
        title = f"Shared write {uuid.uuid4().hex[:6]}"
        made = session.post(
            f"{one}/api/v1/offices/scale-out/practices",
            json={"title_en": title, "title_fa": "نوشته مشترک"},
            headers={"X-CSRFToken": session.cookies.get("csrftoken") or "", "Referer": f"{one}/"},
            timeout=10,
        )
        assert made.status_code == 201, made.text[:500]
        read = session.get(f"{other}/api/v1/offices/scale-out/practices", timeout=10)
        assert read.status_code == 200
        assert title in [item["title_en"] for item in read.json()["items"]]

        # every task once, by one of the two workers
        def all_ran() -> list[str] | None:
            lines = marker.read_text().splitlines() if marker.exists() else []
            return lines if len(lines) >= TASKS else None

        lines = wait_for(all_ran, f"the {TASKS} tasks")
        time.sleep(1)  # a task run twice would show here
        lines = marker.read_text().splitlines()
        runs = [int(line.split()[0]) for line in lines]
        assert sorted(runs) == list(range(TASKS))  # each exactly once
        workers = {line.split()[1] for line in lines}
        worker_pids = {str(p.pid) for name, p in procs.started if name.startswith("worker")}
        # the worker processes are `manage.py run_worker` themselves
        assert workers <= worker_pids

        # the daily job: claimed once, enqueued once, run once
        for scheduler in schedulers:
            assert scheduler.wait(timeout=60) == 0
        said = [procs.output(f"scheduler{n}") for n in range(2)]
        assert sum(s.count("Enqueued the daily job partnerships.refresh_health") for s in said) == 1

        def daily_done() -> dict[str, Any] | None:
            out = run(env, "shell", "-c", REPORT.format())
            report = json.loads(next(x for x in out.splitlines() if x.startswith("REPORT "))[7:])
            daily = [t for t in report["tasks"] if t[0].endswith("refresh_all_health")]
            return report if daily and daily[0][1] == "SUCCESSFUL" else None

        report = wait_for(daily_done, "the daily job")
        # every daily job (the health refresh, the bin's purge) claimed once for the day
        claimed = [job for job, _ in report["claims"]]
        assert "partnerships.refresh_health" in claimed and len(claimed) == len(set(claimed))
        daily = [t for t in report["tasks"] if t[0].endswith("refresh_all_health")]
        assert len(daily) == 1 and len(daily[0][2]) == 1  # one task, one attempt
        notes = [t for t in report["tasks"] if t[0].endswith("note_run")]
        assert len(notes) == TASKS and all(t[1] == "SUCCESSFUL" for t in notes)
        by = [line.split()[1] for line in lines]
        print(f"tasks per worker: {sorted(by.count(w) for w in workers)}")
    finally:
        procs.stop()


STATUS = """
import json
from django.tasks import task_backends
tasks, _ = task_backends["default"].get_all_tasks(limit=10)
print("STATUS " + json.dumps([[t["status"], json.loads(t["worker_ids_json"])] for t in tasks]))
"""


def test_a_task_whose_redis_worker_is_killed_mid_task_is_taken_again_by_another(
    database: str, redis_db: str, tmp_path: Path
) -> None:
    """SIGKILL (nothing of the worker runs after it): the task stays pending in the stream;
    once it has been pending TASK_STUCK_AFTER seconds (60, the least allowed) another
    worker takes it and finishes it. About 80 s."""
    marker = tmp_path / "marker"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        {
            "PEYVAND_TESTING": "1",
            "DATABASE_URL": database,
            "CACHE_URL": redis_db,
            "TASKS_URL": redis_db,
            "TASK_STUCK_AFTER": "60",
            "PEYVAND_VAR_DIR": str(tmp_path / "var"),
            "SECRET_KEY": "scale-out-test-" + "x" * 40,
        }
    )
    enqueue = (
        "from peyvand.core.tests.tasks import hangs_once_retryable; "
        f"print('ID', hangs_once_retryable.enqueue({str(marker)!r}).id)"
    )
    run(env, "shell", "-c", enqueue)  # no table is needed: the queue and results are Redis's
    procs = Processes(env, tmp_path)
    try:
        doomed = procs.manage("doomed", "run_worker")
        wait_for(marker.exists, "the first worker to start the task")
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(timeout=30)

        def status() -> list[list[Any]]:
            out = run(env, "shell", "-c", STATUS)
            return list(
                json.loads(next(x for x in out.splitlines() if x.startswith("STATUS "))[7:])
            )

        assert [row[0] for row in status()] == ["RUNNING"]  # what the kill leaves behind
        procs.manage("rescuer", "run_redis_tasks", "--continuous", "--claim-interval", "2")
        done = wait_for(lambda: [r for r in status() if r[0] == "SUCCESSFUL"], "the rescue", 150)
        assert len(done) == 1 and len(done[0][1]) == 2  # two starts, by two workers
        assert marker.read_text().count("started") == 2
    finally:
        procs.stop()
