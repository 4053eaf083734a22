"""Fixtures of the partner-discovery tests: a small world, an office at home in Tehran."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from peyvand.network import edges, tasks
from peyvand.network.discover.selectors.scope import clear_local_memo

from .discover_world import SmallWorld, build_small_world


@pytest.fixture
def fresh_memo() -> Any:
    cache.clear()
    clear_local_memo()
    yield
    cache.clear()
    clear_local_memo()


@pytest.fixture
def world(db: Any, fresh_memo: Any) -> SmallWorld:
    return build_small_world()


@pytest.fixture
def home(world: SmallWorld, office: Any) -> Any:
    office.home_city = world["Tehran"]
    office.save(update_fields=["home_city"])
    return office


@pytest.fixture
def private_pacts(world: SmallWorld) -> Any:
    """Register a provider: {office pk: [(home pk, partner pk)]} that a test fills in."""
    pacts: dict[int, list[tuple[int, int]]] = {}

    def provider(office: Any) -> list[tuple[int, int]]:
        return list(pacts.get(office.pk, []))

    def version(office: Any) -> str:
        return str(len(pacts.get(office.pk, [])))

    edges.register_office_edges(provider)
    edges.register_office_version(version)
    yield pacts
    edges.unregister_office_edges(provider)
    edges.unregister_office_version(version)


@pytest.fixture
def fitted(world: SmallWorld) -> SmallWorld:
    """The small world with its model fitted, as a first request queues it (the immediate
    task backend of the tests runs the fit at once)."""
    tasks.queue_fit_if_needed()
    return world


@pytest.fixture
def no_worker(settings: Any) -> Any:
    """Tasks are queued but nothing runs them (a `make run` whose worker has not started)."""
    from django.tasks import task_backends

    # Django resets its task backends when the TASKS setting changes (and back after).
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"]
