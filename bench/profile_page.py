"""Profile one page as a member sees it: CPU a request, queries, size, and where the time goes.

Run:  .venv/bin/python bench/profile_page.py PATH [--user USERNAME] [--requests 20] [--kept]

PATH is a page or API path ("/fa/o/tehran-demo/partnerships/3/"); DATABASE_URL picks the
database. The page is rendered anew each time (PAGE_CACHE=0) unless `--kept`, which
measures the kept page (decision 0007). Prints the CPU a request, the queries of one
request (with the slowest), the answer's size, then pyinstrument's call tree of the
requests. The user defaults to the first director of the office in the path (or any
director for a world page).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--user", default="")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--kept", action="store_true", help="measure the kept page")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DEBUG"] = "0"
    os.environ["PAGE_CACHE"] = "1" if args.kept else "0"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from pyinstrument import Profiler

    from peyvand.accounts.models import OfficeMembership

    if args.user:
        user = get_user_model().objects.get(username=args.user)
    else:
        parts = args.path.split("/")
        slug = parts[parts.index("o") + 1] if "o" in parts else None
        members = OfficeMembership.objects.filter(role="director").select_related("user")
        if slug:
            members = members.filter(office__slug=slug)
        user = members.order_by("pk").first().user  # type: ignore[union-attr]
    client = Client()
    client.force_login(user)
    for _ in range(3):
        response = client.get(args.path)
    if response.status_code != 200:
        print(f"{args.path}: status {response.status_code}")
        return 1
    queries: list[tuple[float, str]] = []

    def record(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - started, sql))

    # An execute wrapper, not the debug cursor's log: a request closes its connection
    # (SQLite) and the next one starts a new log.
    with connection.execute_wrapper(record):
        response = client.get(args.path)
    started = time.process_time()
    for _ in range(args.requests):
        client.get(args.path)
    cpu = (time.process_time() - started) / args.requests * 1000
    print(
        f"{args.path} as {user.username}: {cpu:.1f} ms of CPU a request, "
        f"{len(queries)} queries, {len(response.content) / 1024:.0f} KB"
    )
    for seconds, sql in sorted(queries, reverse=True)[:5]:
        print(f"  {seconds * 1000:6.1f} ms  {sql[:150]}")
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(args.requests):
        client.get(args.path)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
