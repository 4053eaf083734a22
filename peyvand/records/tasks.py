"""Background work of the records: the daily purge of the bin (decision 0020)."""

from __future__ import annotations

from django.tasks import task


@task()
def purge_bin(today: str | None = None) -> int:
    """Purge what has been in any office's bin for more than 90 days; returns how many."""
    from .binning import purge_expired

    return purge_expired()
