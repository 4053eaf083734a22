"""Placeholder until the world-atlas issue lands: imports nothing yet."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Import the world data (cities, countries, twinnings)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("import_world: not implemented yet")
