"""Mixed load: 50 members reading and writing at once, and every write that answered
success found in the database afterwards.

Run:  .venv/bin/python bench/load_mixed.py [--users 50] [--duration 60] [--no-setup]
      DATABASE_URL=postgres://... .venv/bin/python bench/load_mixed.py

It prepares the database and starts gunicorn as bench/load.py does (its helpers, imported),
then runs `--users` concurrent clients on 127.0.0.1 for `--duration` seconds (locust as a
library, no wait between requests), each signed in as the office's director, mixing:

- reads: the office home, the pact page, the missions list (pages) and the missions and
  activities lists (API);
- writes through pages, with CSRF (the token the page gave, the cookie it set): log an
  activity on the pact, add a commitment to its action plan;
- writes through the API, with CSRF and If-Match: create a mission, edit one's own last
  mission (its English title).

Each write carries a unique marker (`LM<run>-<user>-<n>`) in its title. Afterwards the
markers are read back from the database (activities, commitments, missions and, for the
edits, the missions' history) and compared with the markers of the writes that answered
success. It prints the requests, the errors (by kind; "database is locked" would show
here), the writes made and found, p50/p95 overall and per kind; the exit status is 1
unless there were 0 errors and writes made = writes found.
"""

from __future__ import annotations

# locust patches the standard library for gevent on import: before anything else.
from locust import FastHttpUser, constant, task  # isort: skip
from locust.env import Environment  # isort: skip

import argparse
import collections
import datetime as dt
import itertools
import json
import os
import re
import secrets
import sys
import time
from pathlib import Path
from typing import Any

import gevent

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import manage, read_context, server_env, start_server, workers  # noqa: E402

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# Read back from the database under test: every marker of this run, wherever it landed.
FOUND_CODE = """
import json, re
from django.contrib.contenttypes.models import ContentType
from peyvand.missions.models import Mission
from peyvand.partnerships.models import Activity, Commitment
from peyvand.records.models import Event

marker = re.compile({pattern!r})
found = set()
for model, field in ((Activity, "title"), (Commitment, "title"), (Mission, "title_fa")):
    rows = model.objects.filter(**{{field + "__startswith": {prefix!r}}})
    for text in rows.values_list(field, flat=True):
        found.update(marker.findall(text))
kind = ContentType.objects.get_for_model(Mission)
for changes in Event.objects.filter(target_type=kind).values_list("changes", flat=True).iterator():
    found.update(marker.findall(json.dumps(changes, ensure_ascii=False)))
print("FOUND " + json.dumps(sorted(found)))
"""


class Ledger:
    """What the clients did: the markers of the writes that answered success, the errors."""

    def __init__(self) -> None:
        self.succeeded: set[str] = set()
        self.attempted: collections.Counter[str] = collections.Counter()
        self.errors: collections.Counter[str] = collections.Counter()
        self.numbers = itertools.count(1)
        # At the end no request starts, and those under way finish: a write the server
        # made is then always one the client saw answered.
        self.stopping = False
        self.in_flight = 0


def user_class(host: str, context: dict[str, Any], run: str, ledger: Ledger) -> type[Any]:
    office, pact = context["office"], context["partnership"]
    today = dt.date.today()

    class Member(FastHttpUser):
        wait_time = constant(0)

        def on_start(self) -> None:
            self.user_no = next(ledger.numbers)
            self.n = 0
            self.mission: tuple[int, int] | None = None  # (pk, version) of my last mission
            self.session = context["sessionid"]
            # The token the page gives and the cookie it sets, as a browser gets them.
            answer = self.client.get(
                f"/en/o/{office}/partnerships/{pact}/",
                headers={"Cookie": f"sessionid={self.session}"},
                name="start: the pact page",
            )
            match = TOKEN.search(answer.text or "")
            set_cookie = answer.headers.get("Set-Cookie") or ""
            if isinstance(set_cookie, list):  # one header a cookie
                set_cookie = "; ".join(set_cookie)
            cookie = re.search(r"csrftoken=([^;,\s]+)", set_cookie)
            if not match or not cookie:
                raise RuntimeError(f"no CSRF token on the pact page ({answer.status_code})")
            self.token, self.csrf_cookie = match.group(1), cookie.group(1)

        # Plumbing

        def headers(self, **extra: str) -> dict[str, str]:
            return {
                "Cookie": f"sessionid={self.session}; csrftoken={self.csrf_cookie}",
                "X-CSRFToken": self.csrf_cookie,
                **extra,
            }

        def marker(self) -> str:
            self.n += 1
            return f"LM{run}-{self.user_no}-{self.n}"

        def call(
            self, method: str, path: str, name: str, expect: int, marker: str = "", **kw: Any
        ) -> Any:
            if ledger.stopping:
                gevent.sleep(1)
                return None
            if marker:
                ledger.attempted[name] += 1
            ledger.in_flight += 1
            try:
                with self.client.request(
                    method, path, name=name, allow_redirects=False, catch_response=True, **kw
                ) as answer:
                    if answer.status_code == expect:
                        if marker:
                            ledger.succeeded.add(marker)
                        return answer
                    body = (answer.text or "")[:300]
                    status = answer.status_code
                    kind = "database is locked" if "locked" in body else f"status {status}"
                    ledger.errors[f"{name}: {kind}"] += 1
                    answer.failure(f"{kind}: {body[:120]}")
                    return None
            finally:
                ledger.in_flight -= 1

        # Reads

        @task(3)
        def office_home(self) -> None:
            self.call("GET", f"/en/o/{office}/", "read: office home", 200, headers=self.headers())

        @task(3)
        def pact_page(self) -> None:
            path = f"/en/o/{office}/partnerships/{pact}/"
            self.call("GET", path, "read: pact page", 200, headers=self.headers())

        @task(2)
        def missions_list(self) -> None:
            path = f"/en/o/{office}/missions/"
            self.call("GET", path, "read: missions list", 200, headers=self.headers())

        @task(2)
        def api_missions(self) -> None:
            path = f"/api/v1/offices/{office}/missions?limit=20"
            self.call("GET", path, "read: API missions", 200, headers=self.headers())

        @task(2)
        def api_activities(self) -> None:
            path = f"/api/v1/offices/{office}/activities?limit=20"
            self.call("GET", path, "read: API activities", 200, headers=self.headers())

        # Writes through pages

        @task(2)
        def log_activity(self) -> None:
            mark = self.marker()
            form = {
                "csrfmiddlewaretoken": self.token,
                "title": f"{mark} load test meeting",
                "date": today.isoformat(),
                "kind": "online_meeting",
                "initiated_by": "us",
                "partnerships": str(pact),
                "description": "written by bench/load_mixed.py",
            }
            self.call(
                "POST",
                f"/en/o/{office}/partnerships/{pact}/activities/new/",
                "write: activity (page)",
                302,
                marker=mark,
                data=form,
                headers=self.headers(),
            )

        @task(2)
        def add_commitment(self) -> None:
            mark = self.marker()
            form = {
                "csrfmiddlewaretoken": self.token,
                "title": f"{mark} load test commitment",
                "due_on": (today + dt.timedelta(days=90)).isoformat(),
            }
            self.call(
                "POST",
                f"/en/o/{office}/partnerships/{pact}/commitments/",
                "write: commitment (page)",
                302,
                marker=mark,
                data=form,
                headers=self.headers(),
            )

        # Writes through the API

        @task(2)
        def create_mission(self) -> None:
            mark = self.marker()
            body = {
                "title_fa": f"{mark} سفر آزمون بار",
                "title_en": f"{mark} load test trip",
                "start_date": (today + dt.timedelta(days=30)).isoformat(),
                "end_date": (today + dt.timedelta(days=33)).isoformat(),
            }
            answer = self.call(
                "POST",
                f"/api/v1/offices/{office}/missions",
                "write: mission create (API)",
                201,
                marker=mark,
                json=body,
                headers=self.headers(),
            )
            if answer is not None:
                data = answer.json()
                self.mission = (int(data["id"]), int(data["version"]))

        @task(2)
        def edit_mission(self) -> None:
            if self.mission is None:
                self.create_mission()
                return
            pk, version = self.mission
            mark = self.marker()
            answer = self.call(
                "PATCH",
                f"/api/v1/offices/{office}/missions/{pk}",
                "write: mission edit (API)",
                200,
                marker=mark,
                json={"title_en": f"{mark} load test trip, edited"},
                headers=self.headers(**{"If-Match": f'"v{version}"'}),
            )
            if answer is not None:
                self.mission = (pk, int(answer.json()["version"]))

    Member.host = host
    return Member


def found_markers(env: dict[str, str], run: str) -> set[str]:
    prefix = f"LM{run}-"
    code = FOUND_CODE.format(pattern=rf"LM{run}-\d+-\d+", prefix=prefix)
    out = manage(env, "shell", "-c", code)
    line = next(line for line in out.splitlines() if line.startswith("FOUND "))
    return set(json.loads(line.removeprefix("FOUND ")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds")
    parser.add_argument("--office", default="", help="office slug (default: the demo office)")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--no-setup", action="store_true", help="skip `manage.py setup_site`")
    args = parser.parse_args()

    env = server_env(args.port)
    database = env.get("DATABASE_URL") or "sqlite (var/peyvand.sqlite3)"
    print(f"command: {' '.join(sys.argv)}", flush=True)
    print(
        f"database: {database}; {os.cpu_count()} CPUs, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; gunicorn "
        f"{env.get('WEB_WORKER_CLASS', 'gthread')} {env.get('WEB_WORKERS', '2')} workers x "
        f"{env.get('WEB_THREADS', '4')} threads",
        flush=True,
    )
    if not args.no_setup:
        manage(env, "setup_site")
    context = read_context(env, args.office, "")
    run = secrets.token_hex(3)
    print(f"office {context['office']}, user {context['user']}, run marker LM{run}", flush=True)
    host = f"http://127.0.0.1:{args.port}"
    server = start_server(env, args.port)
    ledger = Ledger()
    try:
        print(f"gunicorn workers: {len(workers(server))}", flush=True)
        environment = Environment(user_classes=[user_class(host, context, run, ledger)])
        runner = environment.create_local_runner()
        runner.start(args.users, spawn_rate=args.users)
        started = time.perf_counter()
        gevent.sleep(args.duration)
        ledger.stopping = True
        elapsed = time.perf_counter() - started
        for _ in range(1200):  # the requests under way finish (at most two minutes)
            if ledger.in_flight == 0:
                break
            gevent.sleep(0.1)
        runner.quit()
    finally:
        server.terminate()
        server.wait(timeout=60)
    found = found_markers(env, run)
    stats = environment.stats
    total = stats.total
    made = len(ledger.succeeded)
    lost = ledger.succeeded - found
    unanswered = found - ledger.succeeded  # in the database, though the client saw no success
    print()
    print(
        f"{args.users} users for {elapsed:.0f} s: {total.num_requests} requests "
        f"({total.num_requests / elapsed:.1f}/s), {total.num_failures} errors"
    )
    print(
        f"p50 {total.get_response_time_percentile(0.5):.0f} ms, "
        f"p95 {total.get_response_time_percentile(0.95):.0f} ms, "
        f"max {total.max_response_time:.0f} ms"
    )
    print(
        f"writes made (answered success): {made}; found in the database: {len(found)}; "
        f"made but not found: {len(lost)}; found but not answered success: {len(unanswered)}"
    )
    print()
    print("| request | count | errors | p50 | p95 |")
    print("|---|---|---|---|---|")
    for name in sorted(stats.entries):
        entry = stats.entries[name]
        print(
            f"| {name[0]} | {entry.num_requests} | {entry.num_failures} "
            f"| {entry.get_response_time_percentile(0.5):.0f} ms "
            f"| {entry.get_response_time_percentile(0.95):.0f} ms |"
        )
    for kind, count in ledger.errors.most_common():
        print(f"error: {kind} x {count}")
    ok = total.num_failures == 0 and not lost and not unanswered
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
