"""How an office's own signed pacts reach the network app, without importing partnerships.

`network` is a domain app that `partnerships` depends on, so `network` must never import
`partnerships`. Instead, `partnerships` registers providers here (in its AppConfig.ready()):

- `register_office_edges(fn)`: `fn(office) -> list[tuple[int, int]]`, the City pks of the
  office's own signed partnerships (home city, partner city);
- `register_office_version(fn)`: `fn(office) -> str`, a version of those pacts that changes
  whenever they change (used in cache keys, so only what an office's pacts change is
  recomputed);
- `register_office_cities(fn)`: `fn(office) -> list[int]`, the City pks of every partner
  city in the office's registry, whatever the pact's status (proposed, negotiating,
  active, ended, archived): discovery never suggests them again.

The registries are filled once at start-up by AppConfig.ready() and never changed after, so
they are the same in every process (not mutable state in the sense of DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

EdgeProvider = Callable[[Any], list[tuple[int, int]]]
VersionProvider = Callable[[Any], str]
CityProvider = Callable[[Any], list[int]]

_edge_providers: list[EdgeProvider] = []
_version_providers: list[VersionProvider] = []
_city_providers: list[CityProvider] = []


def register_office_edges(fn: EdgeProvider) -> EdgeProvider:
    """Register a provider of an office's own links (idempotent; usable as a decorator)."""
    if fn not in _edge_providers:
        _edge_providers.append(fn)
    return fn


def unregister_office_edges(fn: EdgeProvider) -> None:
    if fn in _edge_providers:
        _edge_providers.remove(fn)


def register_office_version(fn: VersionProvider) -> VersionProvider:
    """Register a provider of the version of an office's own links (idempotent)."""
    if fn not in _version_providers:
        _version_providers.append(fn)
    return fn


def unregister_office_version(fn: VersionProvider) -> None:
    if fn in _version_providers:
        _version_providers.remove(fn)


def register_office_cities(fn: CityProvider) -> CityProvider:
    """Register a provider of the partner cities in an office's registry (idempotent)."""
    if fn not in _city_providers:
        _city_providers.append(fn)
    return fn


def unregister_office_cities(fn: CityProvider) -> None:
    if fn in _city_providers:
        _city_providers.remove(fn)


def office_cities(office: Any) -> set[int]:
    """City pks of every partner city in the office's registry (read on every request, so
    a city proposed a moment ago is already left out)."""
    if office is None:
        return set()
    return {pk for fn in list(_city_providers) for pk in fn(office) if pk is not None}


def office_edges(office: Any) -> list[tuple[int, int]]:
    """The union of every provider's links for the office, as sorted (low pk, high pk) pairs."""
    if office is None:
        return []
    pairs: set[tuple[int, int]] = set()
    for fn in list(_edge_providers):
        for a, b in fn(office):
            if a is None or b is None or a == b:
                continue
            pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


def office_version(office: Any) -> str:
    """A version of the office's own links; "0" when no provider is registered."""
    if office is None:
        return "0"
    parts = [str(fn(office)) for fn in list(_version_providers)]
    return "-".join(parts) if parts else "0"
