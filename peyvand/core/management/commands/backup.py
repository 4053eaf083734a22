"""`manage.py backup FILE`: the database and every uploaded file in one archive
(peyvand.core.backup; docs/operations.md says how to schedule it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from peyvand.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write FILE (a .tar.gz): the database (SQLite's online backup, or pg_dump) and "
        "every uploaded file, with a manifest of row counts and checksums."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the archive to write, e.g. backup.tar.gz")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_create(options["file"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"Backed up {manifest['vendor']}: {len(manifest['tables'])} tables, {rows} rows, "
            f"{len(manifest['files'])} files -> {options['file']}"
        )
