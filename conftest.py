"""Shared pytest fixtures: offices, members in each role, logged-in clients."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from peyvand.accounts.tests.factories import make_member, make_office


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """The `slow` tests (the full world import) first, the rest in their order: under
    pytest-xdist one worker starts the long one at once while the others share the rest."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _english_free_defaults(settings: Any) -> None:
    settings.LANGUAGE_CODE = "fa"


@pytest.fixture(autouse=True)
def _no_kept_pages() -> Any:
    """Each test starts with no kept page: a rolled-back database gives its versions again
    to other data (in production the kept pages live as long as a worker's memory)."""
    from django.core.cache import caches

    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def office(db: Any) -> Any:
    return make_office("tehran-test", "اداره تهران", "Tehran office")


@pytest.fixture
def other_office(db: Any) -> Any:
    return make_office("mashhad-test", "اداره مشهد", "Mashhad office")


@pytest.fixture
def member_client(db: Any) -> Callable[..., Client]:
    """member_client(office, role, department=None) -> a Client logged in as a new member."""

    def factory(office: Any, role: str, department: Any = None) -> Client:
        membership = make_member(office, role, department=department)
        client = Client()
        client.force_login(membership.user)
        client.membership = membership  # type: ignore[attr-defined]
        return client

    return factory


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    """Uploaded files go to a temporary folder for the test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "peyvand.core.uploads.PrivateStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path
