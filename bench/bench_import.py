"""Benchmark: import the full world copy into a fresh SQLite database.

Run:  .venv/bin/python bench/bench_import.py [--data data/world] [--keep]

Creates a temporary SQLite file (DATABASE_URL is set before Django starts), runs
`migrate`, then times `import_world` twice: the first, full import, and a second run
that must change nothing. The recommender's fit, which an import queues for the task worker,
is timed on its own afterwards (in production it runs in the background, not inside the
import). Prints seconds and the row counts. Target: the import under 30 s.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "world")
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="peyvand-bench-"))
    database = folder / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("PEYVAND_TESTING", "1")  # no secret key needed
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import translation

    from peyvand.network.discover.services import network_snapshot_create
    from peyvand.network.models import Twinning
    from peyvand.network.signals import world_imported
    from peyvand.places.models import City, CityName, Country

    call_command("migrate", verbosity=0)
    # The import queues the fit; the immediate task backend of these settings would run it
    # inside the timed import. It is timed apart below.
    world_imported.disconnect(dispatch_uid="network_recompute")
    with translation.override("en"):
        started = time.perf_counter()
        call_command("import_world", "--data", str(args.data), stdout=io.StringIO())
        first = time.perf_counter() - started
        out = io.StringIO()
        started = time.perf_counter()
        call_command("import_world", "--data", str(args.data), stdout=out)
        second = time.perf_counter() - started
        started = time.perf_counter()
        snapshot = network_snapshot_create()
        fit = time.perf_counter() - started
    unchanged = "0 changed" in out.getvalue()
    print(f"database: {database}")
    print(
        f"rows: {Country.objects.count()} countries, {City.objects.count()} cities, "
        f"{Twinning.objects.count()} links, {CityName.objects.count()} search keys"
    )
    print(f"first import: {first:.1f} s")
    print(f"second import (no change): {second:.1f} s, reports 0 changed: {unchanged}")
    print(f"recommender fit and network metrics (a background task): {fit:.1f} s")
    print(f"snapshot: {snapshot.version}")
    if not args.keep:
        database.unlink(missing_ok=True)
        for extra in folder.iterdir():
            extra.unlink()
        folder.rmdir()
    return 0 if unchanged and first < 30 else 1


if __name__ == "__main__":
    raise SystemExit(main())
