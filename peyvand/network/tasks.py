"""Background work of partner discovery (Django's tasks framework)."""

from __future__ import annotations

from typing import Any

from django.tasks import task


@task()
def network_recompute() -> str:
    """Fit the recommender and compute the network metrics after a world import."""
    from .services import network_snapshot_create

    return network_snapshot_create().version


def on_world_imported(sender: Any = None, **kwargs: Any) -> None:
    """Receiver of `signals.world_imported`: queue the recompute (never run it inline)."""
    from .selectors import queue_fit

    queue_fit(always=True)
