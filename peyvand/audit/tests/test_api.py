"""The audit log's API: sorted by a key it offers, refused otherwise; directors only."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.tests.factories import make_department


def test_the_log_sorts_by_a_key_it_offers(office: Any, member_client: Any) -> None:
    director = member_client(office, "director")
    make_department(office, "Water")
    make_department(office, "Roads")
    path = f"/api/v1/offices/{office.slug}/audit"
    newest = director.get(path).json()["items"]
    oldest = director.get(path + "?ordering=at").json()["items"]
    assert len(newest) >= 2 and newest == list(reversed(oldest))
    assert director.get(path + "?ordering=ip").status_code == 422
    assert member_client(office, "officer").get(path + "?ordering=at").status_code == 403
