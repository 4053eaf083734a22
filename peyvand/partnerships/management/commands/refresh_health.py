"""Recompute every partnership's stored health score now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from peyvand.partnerships.services import health_refresh_all


class Command(BaseCommand):
    help = "Recompute the health score of every partnership (run daily by run_scheduler)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = health_refresh_all()
        self.stdout.write(
            self.style.SUCCESS(f"Refreshed the health score of {count} partnerships.")
        )
