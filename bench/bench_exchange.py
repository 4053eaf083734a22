"""Benchmark: preview a 10,000-row spreadsheet import (pacts, then contacts).

Run:  .venv/bin/python bench/bench_exchange.py [--rows 10000] [--kind partnerships contacts]

Creates a temporary SQLite database (or uses DATABASE_URL when --use-database-url is
given), migrates it, adds 10,000 searchable cities, writes a CSV of new pacts (Persian
headers, Jalali dates, Persian digits, one city per row by name) and of contacts, and
times the preview (`import_table(dry_run=True)`: every row through the services inside a
transaction rolled back). Target: under 20 s each. With `--confirm` it then times the
confirmation too (`dry_run=False`: the rows written, then their history, audit entries,
search documents and health scores in one batch each) and checks that each is there.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--kind", nargs="*", default=["partnerships", "contacts"])
    parser.add_argument("--use-database-url", action="store_true")
    parser.add_argument("--confirm", action="store_true", help="time the confirmation too")
    args = parser.parse_args()
    if not args.use_database_url:
        folder = Path(tempfile.mkdtemp(prefix="peyvand-bench-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("PEYVAND_TESTING", "1")
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import translation

    call_command("migrate", verbosity=0)
    from peyvand.accounts.models import Office, OfficeMembership
    from peyvand.accounts.tests.factories import make_user
    from peyvand.exchange.kinds import KINDS
    from peyvand.exchange.reader import read_table
    from peyvand.exchange.services import import_table
    from peyvand.places.models import City, Country
    from peyvand.places.search import city_names_rebuild, city_search_text

    translation.activate("fa")
    country, _ = Country.objects.get_or_create(
        code="DE", defaults={"name_en": "Germany", "continent": "EU"}
    )
    office = Office.objects.create(slug="bench-exchange", name_fa="دفتر", name_en="Office")
    member = OfficeMembership.objects.create(user=make_user(), office=office, role="director")
    n = args.rows
    names = [f"Benchstadt {i}" for i in range(n)]
    cities = [
        City(code=f"bench:{i}", name_en=name, country=country, search_text="")
        for i, name in enumerate(names)
    ]
    for city in cities:
        city.search_text = city_search_text({"name_en": city.name_en})
    City.objects.bulk_create(cities, batch_size=2000)
    city_names_rebuild(
        city_ids=list(City.objects.filter(code__startswith="bench:").values_list("pk", flat=True))
    )

    def to_fa(text: str) -> str:
        return text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))

    files = {}
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["شهر طرف", "نوع", "وضعیت", "تاریخ امضا", "خلاصه (فارسی)"])
    for i, name in enumerate(names):
        w.writerow(
            [name, "خواهرخواندگی", "فعال", to_fa(f"14{i % 3:02d}/0{1 + i % 9}/1{i % 9}"), "همکاری"]
        )
    files["partnerships"] = out.getvalue().encode("utf-8-sig")
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["نام (فارسی)", "ایمیل", "شهر", "زبان‌ها"])
    for i, name in enumerate(names):
        w.writerow([f"شخص {i}", f"p{i}@example.org", name, "de; en"])
    files["contacts"] = out.getvalue().encode("utf-8-sig")

    failed = False
    for kind in args.kind:
        start, cpu = time.perf_counter(), time.process_time()
        table = read_table(files[kind], f"{kind}.csv")
        report = import_table(office=office, actor=member, kind=KINDS[kind], table=table)
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu
        print(
            f"{kind}: {n} rows previewed in {seconds:.1f} s ({cpu:.1f} s of CPU) "
            f"(to create {report.to_create}, errors {len(report.errors)})"
        )
        if report.errors:
            print("  first error:", report.errors[0])
        failed = failed or seconds >= 20 or bool(report.errors)
        if args.confirm and not report.errors:
            failed = confirm(office, member, KINDS[kind], files[kind], kind, n) or failed
    return 1 if failed else 0


def confirm(office: Any, member: Any, kind: Any, data: bytes, name: str, n: int) -> bool:
    """Time the confirmation of the file; True when something it must write is missing."""
    from peyvand.audit.models import AuditEntry
    from peyvand.exchange.reader import read_table
    from peyvand.exchange.services import import_table
    from peyvand.records.models import Event
    from peyvand.search.models import SearchDocument

    model = {"partnerships": "partnership", "contacts": "contact"}[name]
    start, cpu = time.perf_counter(), time.process_time()
    table = read_table(data, f"{name}.csv")
    report = import_table(office=office, actor=member, kind=kind, table=table, dry_run=False)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    written = {
        "history": Event.objects.filter(target_type__model=model, action="created").count(),
        "audit": AuditEntry.objects.filter(object_type__endswith=f".{model}").count(),
        "search": SearchDocument.objects.filter(kind=model).count(),
    }
    print(
        f"{name}: {n} rows confirmed in {seconds:.1f} s ({cpu:.1f} s of CPU) "
        f"(applied {report.applied}, written {written})"
    )
    return not report.applied or any(count < n for count in written.values())


if __name__ == "__main__":
    raise SystemExit(main())
