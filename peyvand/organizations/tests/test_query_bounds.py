"""The two list pages ask the same number of queries for 2 rows as for 20."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from peyvand.accounts.actors import SYSTEM
from peyvand.organizations import services
from peyvand.organizations.models import Organization

from .factories import make_membership
from .support import url


def _count(client: Any, path: str) -> int:
    from django.core.cache import caches

    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _grow(office: Any, n: int) -> None:
    for org in Organization.objects.filter(memberships__isnull=True).order_by("pk")[:n]:
        m = make_membership(
            office, org, annual_fee=10, fee_currency="EUR", fee_due_on=dt.date(2030, 1, 1)
        )
        services.obligation_create(
            membership=m, actor=SYSTEM, kind="report", title="R", due_on=dt.date(2030, 1, 1)
        )


def test_the_list_pages_ask_a_bounded_number_of_queries(office: Any, member_client: Any) -> None:
    for i in range(10):
        services.organization_create(office=office, actor=SYSTEM, name_en=f"Body {i}")
    client = member_client(office, "officer")
    client.get(url("list", office))  # the session learns the office (one write, once)
    _grow(office, 2)
    small = {name: _count(client, url(name, office)) for name in ("list", "memberships")}
    _grow(office, 18)
    large = {name: _count(client, url(name, office)) for name in ("list", "memberships")}
    assert small == large
    assert max(large.values()) <= 12
