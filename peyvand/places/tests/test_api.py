"""The world data API's city list: most-linked first, or by a key it offers."""

from __future__ import annotations

from typing import Any

from django.test import Client

from .factories import make_city


def test_the_city_list_sorts_by_a_key_it_offers(db: Any, client: Client) -> None:
    make_city("Aachen", country="DE", population=250000)
    make_city("Zwickau", country="DE", population=90000)
    names = [
        c["name_en"] for c in client.get("/api/v1/cities?country=DE&ordering=name").json()["items"]
    ]
    assert names == sorted(names) and names[0] == "Aachen"
    by_people = client.get("/api/v1/cities?country=DE&ordering=-population").json()["items"]
    assert by_people[0]["name_en"] == "Aachen"
    assert client.get("/api/v1/cities?ordering=lat").status_code == 422
