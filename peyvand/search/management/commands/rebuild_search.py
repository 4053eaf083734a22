"""Rebuild the search index of every registered kind from the records."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from peyvand.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of every kind of record, in chunks, with progress."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        shown: dict[str, float] = {}

        def progress(key: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if done == total or now - shown.get(key, 0.0) > 1.0:
                shown[key] = now
                self.stdout.write(f"{key}: {done}/{total}")

        written = rebuild(progress)
        total = sum(written.values())
        for key, count in written.items():
            self.stdout.write(f"{key}: {count} documents")
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"{total} documents in {elapsed:.1f} s"))
