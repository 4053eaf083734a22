"""Helpers of the search tests: records written through the apps' own services."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.partnerships import services
from peyvand.partnerships.models import Activity, Partnership
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.places.tests.factories import make_city
from peyvand.search.selectors import SearchResult, search


def pact(office: Office, city: str = "Vienna", **kw: Any) -> Partnership:
    kw.setdefault("partner_city", make_city(city, country="AT"))
    return make_partnership(office, **kw)


def activity(office: Office, partnership: Partnership, title: str, **kw: Any) -> Activity:
    import datetime as dt

    kw.setdefault("kind", "event")
    kw.setdefault("date", dt.date(2024, 5, 1))
    return services.activity_log(
        office=office, actor=SYSTEM, partnerships=[partnership], title=title, **kw
    )


def found(office: Office, q: str, **kw: Any) -> list[tuple[str, int]]:
    """(type, id) of every hit found by its words, best first (not the titles of a similar
    spelling PostgreSQL adds when the words find few)."""
    hits = search(office, q, limit=200, **kw).hits
    return [(hit.type, hit.id) for hit in hits if not hit.similar]


def result(office: Office, q: str, **kw: Any) -> SearchResult:
    return search(office, q, **kw)
