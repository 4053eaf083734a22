"""First-start set-up run by `make run`: world data, then the demo office, once each."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from peyvand.accounts.models import Office


class Command(BaseCommand):
    help = "Import the world data on first start and load the demo office into an empty database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--demo", default="1", help="0 to skip the demo office (make run DEMO=0)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from peyvand.places.models import City

        if not City.objects.exists():
            self.stdout.write("Importing the world data (first start)...")
            call_command("import_world", stdout=self.stdout, stderr=self.stderr)
        if options["demo"] not in {"0", "false", "no"} and not Office.objects.exists():
            call_command("load_demo", stdout=self.stdout, stderr=self.stderr)
