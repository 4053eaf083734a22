"""The network one reader sees, and the model that scores it (reads only).

- the fitted model: the latest `NetworkSnapshot` row (one per world import), parsed once per
  process and digest; before the first fit, the hand-set prior (`Scope.provisional`);
- an office's view: the public network plus `edges.office_edges(office)`, under keys that
  carry `edges.office_version(office)`; another office's pacts never enter it.

Queueing a missing fit or a refit is the caller's, through `tasks.queue_fit_if_needed()`:
a selector never writes nor enqueues.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ... import arrays
from ...arrays import WorldArrays, world_fingerprint, world_for_version
from ...edges import office_edges, office_version
from ...models import NetworkSnapshot
from ...recommender.context import Context, build_context
from ...recommender.model import Model, prior_model

PROVISIONAL = "provisional"


def current_snapshot() -> NetworkSnapshot | None:
    return NetworkSnapshot.objects.order_by("-created_at", "-pk").first()


@lru_cache(maxsize=2)
def _public_context(version: str) -> Context:
    return build_context(world_for_version(version).net)


@lru_cache(maxsize=16)
def _office_context(version: str, edges: tuple[tuple[int, int], ...]) -> Context:
    world = world_for_version(version)
    return build_context(world.net.with_edges(list(edges)))


@lru_cache(maxsize=4)
def _model(version: str, digest: str, payload: str) -> Model:
    """The stored model, parsed once per process and digest (a refit of the same data
    replaces the model under the same version)."""
    return Model.from_dict(json.loads(payload))


@lru_cache(maxsize=2)
def _provisional_model(version: str) -> Model:
    return prior_model(_public_context(version))


def snapshot_model(snap: NetworkSnapshot) -> tuple[Model, str]:
    """The snapshot's model and its digest (cached scores follow a refit)."""
    payload = json.dumps(snap.model, sort_keys=True)
    digest = hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()[:12]
    return _model(snap.version, digest, payload), digest


def needs_refit(snap: NetworkSnapshot) -> bool:
    """A snapshot fitted by an older release lacks features (they weigh 0 meanwhile)."""
    return bool(snapshot_model(snap)[0].meta.get("missing_features"))


@dataclass
class Scope:
    """The network one reader sees: the public one, or plus an office's own pacts."""

    version: str
    world: WorldArrays
    ctx: Context
    model: Model
    office_key: str  # "public" or "o<pk>-<pacts version>"
    office_links: list[tuple[int, int]] = field(default_factory=list)  # index pairs
    model_key: str = ""  # a digest of the model: cached scores follow a refit
    provisional: bool = False  # no fitted model yet: the hand-set prior scores


def _fitted_model() -> tuple[str, Model, str, bool]:
    """(version, model, model digest, provisional) of the current snapshot or the prior."""
    snap = current_snapshot()
    if snap is None:
        version = f"{PROVISIONAL}-{world_fingerprint()}"
        return version, _provisional_model(version), PROVISIONAL, True
    model, digest = snapshot_model(snap)
    return snap.version, model, digest, False


def scope_for(office: Any = None) -> Scope:
    version, model, digest, provisional = _fitted_model()
    world = world_for_version(version)
    ctx = _public_context(version)
    key = "public"
    idx_pairs: list[tuple[int, int]] = []
    if office is not None:
        key = f"o{office.pk}-{office_version(office)}"
        pk_edges = office_edges(office)
        if pk_edges:
            flat = world.indices_of([p for pair in pk_edges for p in pair]).reshape(-1, 2)
            idx_pairs = [(int(a), int(b)) for a, b in flat if a >= 0 and b >= 0]
        if idx_pairs:
            ctx = _office_context(version, tuple(sorted(idx_pairs)))
        # else nothing of the office's own changes the network: share the public arrays
    return Scope(version, world, ctx, model, key, idx_pairs, digest, provisional)


def clear_local_memo() -> None:
    """Forget this process's copies of the arrays and models (tests; a new import does not
    need it)."""
    arrays.clear_local_memo()
    _public_context.cache_clear()
    _office_context.cache_clear()
    _model.cache_clear()
    _provisional_model.cache_clear()
