"""Tasks for the worker tests (peyvand/core/tests/test_faults_worker.py): each writes its
marker file when it starts, and hangs on its first run (the worker is killed then)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.tasks import task

from peyvand.core.recovery import register_retryable


def _run(marker: str) -> str:
    path = Path(marker)
    first = not path.exists()
    with path.open("a", encoding="utf-8") as handle:
        handle.write("started\n")
    if first:
        time.sleep(120)  # killed here
    return "done"


@task()
def hangs_once(marker: str) -> str:
    """Not safe to run twice (as far as the recovery knows)."""
    return _run(marker)


@task()
def hangs_once_retryable(marker: str) -> str:
    return _run(marker)


register_retryable(hangs_once_retryable)


@task()
def note_run(marker: str, n: int) -> int:
    """Appends `n` and the worker's process id to the marker file (the scale-out test counts
    the runs of each task)."""
    with Path(marker).open("a", encoding="utf-8") as handle:
        handle.write(f"{n} {os.getpid()}\n")
    return n
