from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from peyvand.accounts.tests.factories import make_user
from peyvand.places.models import City
from peyvand.places.search import city_index_refresh
from peyvand.places.tests.factories import make_city


@pytest.fixture
def indexed_city(db: Any) -> Callable[..., City]:
    """make_city(...) and put it in the search index."""

    def factory(*args: Any, **kwargs: Any) -> City:
        city = make_city(*args, **kwargs)
        city_index_refresh(cities=[city])
        return city

    return factory


@pytest.fixture
def reviewer_client(db: Any) -> Client:
    user = make_user("reviewer")
    user.user_permissions.add(Permission.objects.get(codename="review_names"))
    client = Client()
    client.force_login(user)
    client.user = user  # type: ignore[attr-defined]
    return client
