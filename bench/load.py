"""Load benchmark: every main page and API list against /healthz, under gunicorn.

Run:  make bench-load
      .venv/bin/python bench/load.py [--clients 8 16] [--duration 15] [--only NAME ...]
                                     [--office SLUG] [--user USERNAME] [--json FILE]

With the production settings (DEBUG off, the manifest static files) it prepares the
database as `make run` does (`setup_site`: SQLite by default, PostgreSQL with DATABASE_URL),
starts gunicorn with `config/gunicorn.py` on 127.0.0.1, opens a session as the office's
director, warms every page up, then drives each page of `bench/pages.py` with each number
of concurrent clients (locust, as a library: keep-alive connections, no wait between
requests) for `--duration` seconds, each page between two runs of /healthz. It prints, per
page: requests/s, p50, p95, p99, errors, the gunicorn workers' CPU per request, their peak
memory, and the throughput as a share of /healthz's (the mean of the runs before and after).
A page meets the target with 8 clients at p95 < 150 ms, a share >= 35 % and no error; the
exit status is 1 when one does not.
"""

from __future__ import annotations

# locust patches the standard library for gevent on import: before anything else.
from locust import FastHttpUser, constant, task  # isort: skip
from locust.env import Environment  # isort: skip

import argparse
import contextlib
import json
import os
import secrets
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

import gevent
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import HEALTHZ, P95_TARGET_MS, PAGES, RECORDS, SHARE_TARGET, Page  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")

# Printed by `manage.py shell` in the database under test: a session of the director and
# the values the page paths need.
CONTEXT_CODE = """
import json
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.test import Client
from peyvand.accounts.models import Office, OfficeMembership
from peyvand.network.discover.selectors.scope import current_snapshot
from peyvand.network.discover.services import network_snapshot_create
from peyvand.partnerships.models import Partnership

office_slug, username = {office!r}, {user!r}
if current_snapshot() is None:  # the fit the task worker makes after an import
    network_snapshot_create()
if office_slug:
    office = Office.objects.get(slug=office_slug)
else:
    office = Office.objects.filter(is_demo=True).first() or Office.objects.order_by("pk").first()
members = OfficeMembership.objects.filter(office=office).select_related("user")
member = (members.filter(user__username=username).first() if username
          else members.filter(role="director").order_by("pk").first())
client = Client()
client.force_login(member.user)
pact = (Partnership.objects.filter(office=office).annotate(n=Count("activities"))
        .order_by("-n", "pk").first())
public = (Partnership.objects.filter(office=office, published=True, archived=False)
          .annotate(n=Count("activities")).order_by("-n", "pk").first())
print("CONTEXT " + json.dumps({{
    "sessionid": client.cookies["sessionid"].value,
    "user": member.user.username,
    "office": office.slug,
    "partnership": pact.pk,
    "public_partnership": public.pk if public else None,
    "city": office.home_city.code,
    **{{key: apps.get_model(label).objects.filter(office=office).order_by("-pk")
         .values_list("pk", flat=True).first() for key, label in {records!r}.items()}},
}}))
"""


@dataclass
class Run:
    page: str
    clients: int
    requests: int
    errors: int
    seconds: float
    rps: float
    p50: float
    p95: float
    p99: float
    cpu_ms: float
    worker_mb: float
    share: float | None = None


def server_env(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DEBUG": "0", "PORT": str(port), "WEB_ACCESS_LOG": ""})
    env.pop("PEYVAND_TESTING", None)
    if not env.get("SECRET_KEY") and not (ROOT / "var" / "secret_key").exists():
        env["SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"manage.py {args[0]} failed")
    return done.stdout


def read_context(env: dict[str, str], office: str, user: str) -> dict[str, str]:
    out = manage(env, "shell", "-c", CONTEXT_CODE.format(office=office, user=user, records=RECORDS))
    line = next(line for line in out.splitlines() if line.startswith("CONTEXT "))
    return json.loads(line.removeprefix("CONTEXT "))


def runnable(page: Page, context: dict[str, str]) -> bool:
    """A page runs when every record its path names exists in the office."""
    try:
        page.path.format(**{key: value for key, value in context.items() if value is not None})
    except KeyError:
        return False
    return True


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            pass
        if server.poll() is not None:
            raise SystemExit("gunicorn did not start")
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz")


def workers(
    server: subprocess.Popen[bytes] | list[subprocess.Popen[bytes]],
) -> list[psutil.Process]:
    """The gunicorn workers of one server, or of several (bench/balanced.py)."""
    servers = server if isinstance(server, list) else [server]
    return [child for one in servers for child in psutil.Process(one.pid).children()]


def cpu_seconds(procs: list[psutil.Process]) -> float:
    total = 0.0
    for proc in procs:
        times = proc.cpu_times()
        total += times.user + times.system
    return total


def user_class(host: str, path: str, cookie: str) -> type[FastHttpUser]:
    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}

    class Client(FastHttpUser):
        wait_time = constant(0)

        @task
        def get(self) -> None:
            with self.client.get(
                path, name=path, headers=headers, allow_redirects=False, catch_response=True
            ) as answer:
                if answer.status_code != 200:
                    answer.failure(f"status {answer.status_code}")

    Client.host = host
    return Client


def drive(
    server: subprocess.Popen[bytes] | list[subprocess.Popen[bytes]],
    host: str,
    page: Page,
    path: str,
    cookie: str,
    clients: int,
    seconds: float,
) -> Run:
    env = Environment(user_classes=[user_class(host, path, cookie)])
    runner = env.create_local_runner()
    procs = workers(server)
    peak = [0.0]

    def sample_memory() -> None:
        while True:
            for proc in procs:
                with contextlib.suppress(psutil.Error):
                    peak[0] = max(peak[0], proc.memory_info().rss / 2**20)
            gevent.sleep(0.25)

    sampler = gevent.spawn(sample_memory)
    runner.start(clients, spawn_rate=clients)
    gevent.sleep(1)  # every client connected and running
    env.stats.reset_all()
    cpu_before, started = cpu_seconds(procs), time.perf_counter()
    gevent.sleep(seconds)
    cpu_after, elapsed = cpu_seconds(procs), time.perf_counter() - started
    stats = env.stats.total
    count, errors = stats.num_requests, stats.num_failures
    runner.quit()
    sampler.kill()
    return Run(
        page=page.name,
        clients=clients,
        requests=count,
        errors=errors,
        seconds=round(elapsed, 2),
        rps=round(count / elapsed, 1),
        p50=stats.get_response_time_percentile(0.50) or 0.0,
        p95=stats.get_response_time_percentile(0.95) or 0.0,
        p99=stats.get_response_time_percentile(0.99) or 0.0,
        cpu_ms=round(1000 * (cpu_after - cpu_before) / max(count, 1), 1),
        worker_mb=round(peak[0], 1),
    )


def warm_up(host: str, path: str, cookie: str) -> None:
    request = urllib.request.Request(host + path, headers={"Cookie": f"sessionid={cookie}"})
    for _ in range(3):
        with urllib.request.urlopen(request, timeout=60) as answer:
            if answer.status != 200:
                raise SystemExit(f"{path}: status {answer.status}")
            answer.read()


def table(runs: list[Run]) -> str:
    rows = [
        "| page | clients | requests/s | share of /healthz | p50 | p95 | p99 | errors "
        "| CPU a request | worker peak |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        share = f"{run.share:.0%}" if run.share is not None else ""
        rows.append(
            f"| {run.page} | {run.clients} | {run.rps:.1f} | {share} | {run.p50:.0f} ms "
            f"| {run.p95:.0f} ms | {run.p99:.0f} ms | {run.errors} | {run.cpu_ms:.1f} ms "
            f"| {run.worker_mb:.0f} MB |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[8, 16])
    parser.add_argument("--duration", type=float, default=15.0, help="seconds a run")
    parser.add_argument("--only", nargs="+", default=[], help="page names (bench/pages.py)")
    parser.add_argument("--office", default="", help="office slug (default: the demo office)")
    parser.add_argument("--user", default="", help="username (default: the office's director)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--no-setup", action="store_true", help="skip `manage.py setup_site`")
    args = parser.parse_args()

    env = server_env(args.port)
    database = env.get("DATABASE_URL") or "sqlite (var/peyvand.sqlite3)"
    print(f"command: {' '.join(sys.argv)}", flush=True)
    print(
        f"database: {database}; {os.cpu_count()} CPUs, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; gunicorn "
        f"{env.get('WEB_WORKER_CLASS', 'gthread')} {env.get('WEB_WORKERS', '2')} workers x "
        f"{env.get('WEB_THREADS', '4')} threads, keep-alive {env.get('WEB_KEEPALIVE', '0')} s",
        flush=True,
    )
    if not args.no_setup:
        manage(env, "setup_site")
    context = read_context(env, args.office, args.user)
    print(f"office {context['office']}, user {context['user']}", flush=True)
    pages = [page for page in PAGES if not args.only or page.name in args.only]
    for page in [page for page in pages if not runnable(page, context)]:
        print(f"skipped {page.name}: the office has no record for {page.path}", flush=True)
    pages = [page for page in pages if runnable(page, context)]
    host = f"http://127.0.0.1:{args.port}"
    server = start_server(env, args.port)
    runs: list[Run] = []
    try:
        for page in [HEALTHZ, *pages]:
            warm_up(host, page.path.format(**context), context["sessionid"])
        print(f"gunicorn workers: {len(workers(server))}", flush=True)
        for clients in args.clients:
            before = drive(server, host, HEALTHZ, HEALTHZ.path, "", clients, args.duration)
            runs.append(before)
            for page in pages:
                path = page.path.format(**context)
                run = drive(server, host, page, path, context["sessionid"], clients, args.duration)
                after = drive(server, host, HEALTHZ, HEALTHZ.path, "", clients, args.duration)
                baseline = statistics.mean([before.rps, after.rps])
                # /healthz answered nothing: the page held every worker for the whole run
                run.share = run.rps / baseline if baseline else 0.0
                runs += [run, after]
                print(
                    f"{page.name} ({clients} clients): {run.rps:.1f}/s, p95 {run.p95:.0f} ms, "
                    f"{run.share:.0%} of /healthz, {run.errors} errors",
                    flush=True,
                )
                before = after
    finally:
        server.terminate()
        server.wait(timeout=30)
    print()
    print(table(runs))
    if args.json:
        args.json.write_text(json.dumps([asdict(run) for run in runs], indent=1))
    missed = [
        run
        for run in runs
        if run.clients == 8
        and run.page != HEALTHZ.name
        and (run.p95 >= P95_TARGET_MS or (run.share or 0) < SHARE_TARGET or run.errors)
    ]
    if missed:
        print("\nmissed the target (8 clients): " + ", ".join(run.page for run in missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
