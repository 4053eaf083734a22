"""Benchmark: the annual report of the busiest office, built as its worker builds it.

Run:  DATABASE_URL=... .venv/bin/python bench/bench_report.py [--office scale-tehran]
          [--year 2025 --calendar gregorian --language en] [--keep]

Against a database made by `manage.py generate_scale_data`: asks for the report as the
office's director does (`report_request`, its queueing left out), then times the build the
worker runs (`build_report`: every section read, the charts, the PDF by WeasyPrint and the
XLSX), and prints the wall and CPU time, the peak memory of this process and the
files' sizes. The report is deleted afterwards unless `--keep`.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--office", default="scale-tehran")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--calendar", default="gregorian", choices=["gregorian", "jalali"])
    parser.add_argument("--language", default="en", choices=["fa", "en"])
    parser.add_argument("--keep", action="store_true", help="keep the report and its files")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import transaction
    from django.test.utils import override_settings

    from peyvand.accounts.models import Office, OfficeMembership, Role
    from peyvand.reports import services
    from peyvand.reports.build import build_report
    from peyvand.reports.models import AnnualReport

    office = Office.objects.get(slug=args.office)
    director = OfficeMembership.objects.filter(office=office, role=Role.DIRECTOR).first()
    assert director is not None, "the office has no director"
    # The request's queueing is left out: this process builds the report itself.
    dummy = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy), transaction.atomic():
        report = services.report_request(
            office=office,
            actor=director,
            year=args.year,
            calendar=args.calendar,
            language=args.language,
        )
    started, cpu = time.perf_counter(), time.process_time()
    status = build_report(report.pk)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = AnnualReport.objects.get(pk=report.pk)
    sizes = {
        name: getattr(report, f"{name}_file").size if getattr(report, f"{name}_file") else 0
        for name in ("pdf", "xlsx")
    }
    print(f"database: {os.environ.get('DATABASE_URL', 'sqlite (var/)')}; office {office.slug}")
    print(
        f"annual report {args.year} ({args.calendar}, {args.language}): {status}; "
        f"{wall:.1f} s wall, {cpu:.1f} s CPU, peak {peak:.0f} MB; "
        f"PDF {sizes['pdf'] / 1024:.0f} KB, XLSX {sizes['xlsx'] / 1024:.0f} KB"
    )
    if not args.keep:
        for name in ("pdf_file", "xlsx_file"):
            if getattr(report, name):
                getattr(report, name).delete(save=False)
        report.delete()
    return 0 if status == "done" else 1


if __name__ == "__main__":
    raise SystemExit(main())
