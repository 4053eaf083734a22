"""Background work of the reports (Django's tasks framework): building one report.

A request queues the build once its transaction commits (`queue_report`); a worker runs
`report_build`. With the immediate backend (tests) the build runs at the commit.
"""

from __future__ import annotations

from django.db import transaction
from django.tasks import task

from .build import build_report


@task()
def report_build(report_id: int) -> str:
    """Build the report's PDF and spreadsheet; its final status."""
    return build_report(report_id)


def queue_report(report_id: int) -> None:
    transaction.on_commit(lambda: report_build.enqueue(report_id))
