"""Background work of the network app (Django's tasks framework), and its queueing.

Selectors never enqueue: a view or API endpoint that reads the discover network calls
`queue_fit_if_needed()` first, so a missing fit (or one refit of a snapshot from an older
release) is queued, never run inside the request. With an immediate task backend (tests)
the queued fit has run by the time it returns.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.tasks import task

from .arrays import CACHE_TIMEOUT, fit_queued_key, refit_queued_key, world_fingerprint
from .discover.selectors.scope import current_snapshot, needs_refit
from .discover.services import network_snapshot_create

# A queued fit that never ran (no worker) is queued again after this long.
FIT_QUEUED_TIMEOUT = 15 * 60


@task()
def network_recompute() -> str:
    """Fit the recommender and compute the network metrics after a world import."""
    return network_snapshot_create().version


def queue_fit(*, always: bool) -> None:
    """Queue the fit; unless `always` (a world import), not if one was queued for the same
    world in the last FIT_QUEUED_TIMEOUT (so a burst of requests queues one fit)."""
    key = fit_queued_key(world_fingerprint())
    if always:
        cache.set(key, True, FIT_QUEUED_TIMEOUT)
    elif not cache.add(key, True, FIT_QUEUED_TIMEOUT):
        return
    network_recompute.enqueue()


def queue_fit_if_needed() -> None:
    """Before a discover read: queue the fit when no snapshot is stored yet (the reader is
    then served the hand-set prior, `Scope.provisional`), or one refit per version of a
    snapshot fitted by an older release, whichever process notices it first."""
    snap = current_snapshot()
    if snap is None:
        queue_fit(always=False)
    elif needs_refit(snap) and cache.add(refit_queued_key(snap.version), True, CACHE_TIMEOUT):
        network_recompute.enqueue()


def on_world_imported(sender: Any = None, **kwargs: Any) -> None:
    """Receiver of `signals.world_imported`: queue the recompute (never run it inline)."""
    queue_fit(always=True)
