"""Benchmark: 200 typical city searches against the full world data.

Run:  .venv/bin/python bench/bench_search.py [--db PATH] [--data data/world]

Without --db, builds a fresh SQLite database from the shipped copy first (as
bench_import.py does). Then runs 200 queries (Persian, English, lower case, variants,
prefixes of 1 to 6 letters, word starts) through places.search.city_search, limit 10, and
prints milliseconds per query (mean, median, 95th percentile, max). Target: < 30 ms.
With DATABASE_URL set to a PostgreSQL database that holds the data, pass --db "".
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WHOLE = [
    "تهران",
    "Tehran",
    "tehran",
    "Teheran",
    "كابل",
    "کابل",
    "Kabul",
    "مسکو",
    "Moscow",
    "Berlin",
    "برلین",
    "پکن",
    "Beijing",
    "استانبول",
    "Istanbul",
    "Saint Petersburg",
    "sankt petersburg",
    "São Paulo",
    "sao paulo",
    "Rio de Janeiro",
    "janeiro",
    "Mexico City",
    "Kyiv",
    "Kiev",
    "Mashhad",
    "مشهد",
    "Isfahan",
    "اصفهان",
    "Shiraz",
    "شیراز",
    "Tabriz",
    "تبریز",
    "Dushanbe",
    "دوشنبه",
    "Havana",
    "هاوانا",
    "London",
    "لندن",
    "Paris",
    "پاریس",
]
PREFIX_SOURCES = [
    "Tehran",
    "Berlin",
    "Bethlehem",
    "Shanghai",
    "Buenos Aires",
    "Prague",
    "Kaliningrad",
    "Taipei",
    "Suzhou",
    "Ankara",
    "Sarajevo",
    "Minsk",
    "Vienna",
    "Hamburg",
    "Munich",
    "تهران",
    "مسکو",
    "برلین",
    "استانبول",
    "کابل",
    "بغداد",
    "دبی",
    "هاوانا",
    "مینسک",
    "Frankfurt",
    "Kraków",
    "Lyon",
    "Osaka",
    "Seoul",
    "Toronto",
]


def queries() -> list[str]:
    found = list(WHOLE)
    for word in PREFIX_SOURCES:
        for n in (1, 2, 3, 4, 6):
            found.append(word[:n])
    found += [q.lower() for q in PREFIX_SOURCES[:10]]
    return found[:200]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="existing SQLite file with the data")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "world")
    args = parser.parse_args()

    temporary = None
    if args.db:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(args.db).resolve()}"
    elif args.db is None:
        temporary = Path(tempfile.mkdtemp(prefix="peyvand-bench-")) / "search.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("PEYVAND_TESTING", "1")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from peyvand.places.models import City
    from peyvand.places.search import city_search

    if temporary is not None:
        call_command("migrate", verbosity=0)
        call_command("import_world", "--data", str(args.data), stdout=io.StringIO())
    assert City.objects.count() > 20_000, "the database holds no world data"

    batch = queries()
    assert len(batch) == 200, len(batch)
    for query in batch[:20]:  # warm the caches
        city_search(query, limit=10)
    timings = []
    misses = []
    for query in batch:
        started = time.perf_counter()
        results = city_search(query, limit=10)
        timings.append((time.perf_counter() - started) * 1000)
        if not results:
            misses.append(query)
    tehran = [c.code for c in city_search("تهران")][:1] + [c.code for c in city_search("Tehran")][
        :1
    ]
    timings.sort()
    print(f"database: {connection.vendor}, {City.objects.count()} cities")
    print(
        f"queries: {len(timings)} (Persian, English, variants, prefixes 1-6 letters, word starts)"
    )
    mean, median = statistics.mean(timings), statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"ms per query: mean {mean:.2f}, median {median:.2f}, p95 {p95:.2f}, max {timings[-1]:.2f}"
    )
    print(f"queries without a result: {misses}")
    print(f"تهران / Tehran first result: {tehran}")
    if temporary is not None:
        for path in temporary.parent.iterdir():
            path.unlink()
        temporary.parent.rmdir()
    return 0 if statistics.mean(timings) < 30 else 1


if __name__ == "__main__":
    raise SystemExit(main())
