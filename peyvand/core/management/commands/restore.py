"""`manage.py restore FILE`: a backup into an empty database and upload folder, checked
against the backup's manifest before and after (peyvand.core.backup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from peyvand.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore FILE (written by `manage.py backup`) into an empty database and an empty "
        "upload folder; a non-empty one is refused."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the archive written by manage.py backup")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["file"].is_file():
            raise CommandError(f"{options['file']}: no such file")
        try:
            done = backup_restore(options["file"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored and verified against the manifest: {done.tables} tables, "
            f"{done.rows} rows, {done.files} files."
        )
