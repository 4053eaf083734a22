"""`manage.py import_world [--data DIR] [--prune]`: load the world data, all or nothing."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from peyvand.network.atlas.importer.data import Counts, ImportReport
from peyvand.network.atlas.importer.parse import load_world
from peyvand.network.atlas.importer.upsert import world_import
from peyvand.network.signals import world_imported

MAX_LISTED = 50


class Command(BaseCommand):
    help = (
        "Import the world data (countries, cities, Persian names, twinnings) from CSV or "
        "CSV.gz files. Every row is validated first; any problem: nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data",
            type=Path,
            default=None,
            help="Folder with countries.csv, cities.csv, city_names_fa.csv, twinnings.csv "
            "(.gz or plain). Default: settings.WORLD_DATA_DIR.",
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Delete rows that are no longer in the data (never while referred to).",
        )

    # Operators read this in logs and terminals: English, whatever the site's default.
    @translation.override("en")
    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        data_dir = Path(options["data"] or settings.WORLD_DATA_DIR)
        if not data_dir.is_dir():
            raise CommandError(_("Data folder not found: %(dir)s") % {"dir": data_dir})
        data = load_world(data_dir)
        if data.problems:
            for problem in data.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                _("%(n)s problem(s) in the data; nothing was imported.") % {"n": len(data.problems)}
            )
        bars: list[tqdm[Any]] = []
        show = self.stdout.isatty()
        stream = getattr(self.stdout, "_out", sys.stdout)  # the raw stream under the wrapper

        def progress(name: str, total: int) -> Callable[[int], None]:
            bar: tqdm[Any] = tqdm(
                total=total, desc=name, unit=" rows", disable=not show, file=stream
            )
            bars.append(bar)
            return bar.update

        try:
            report = world_import(data=data, prune=options["prune"], progress=progress)
        finally:
            for bar in bars:
                bar.close()
        self._print_report(report, options["prune"])
        world_imported.send(sender=None, changed=report.changed)
        self.stdout.write(
            self.style.SUCCESS(
                _("Import done in %(seconds).1f s: %(changed)s changed.")
                % {"seconds": time.monotonic() - started, "changed": report.changed}
            )
        )

    def _print_report(self, report: ImportReport, prune: bool) -> None:
        for label, counts in (
            (_("countries"), report.countries),
            (_("cities"), report.cities),
            (_("links"), report.links),
        ):
            self.stdout.write(
                _(
                    "%(what)s: %(created)s created, %(updated)s updated, %(deleted)s deleted, "
                    "%(unchanged)s unchanged, %(missing)s not in the data"
                )
                % {
                    "what": label,
                    "created": counts.created,
                    "updated": counts.updated,
                    "deleted": counts.deleted,
                    "unchanged": counts.unchanged,
                    "missing": len(counts.missing),
                }
            )
            self._list_missing(counts, prune)
        self.stdout.write(
            _("reviewed Persian names: %(n)s newly confirmed") % {"n": report.reviewed_names}
        )
        for line in report.protected:
            self.stderr.write(self.style.WARNING(line))

    def _list_missing(self, counts: Counts, prune: bool) -> None:
        if not counts.missing:
            return
        for row in counts.missing[:MAX_LISTED]:
            self.stdout.write(f"  - {row}")
        if len(counts.missing) > MAX_LISTED:
            self.stdout.write(_("  ... and %(n)s more") % {"n": len(counts.missing) - MAX_LISTED})
        if not prune:
            self.stdout.write(_("  (kept; run with --prune to delete them)"))
