"""World API: cities (search, pagination, validation), one city with partners, countries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from peyvand.places.models import City
from peyvand.places.search import city_index_refresh
from peyvand.places.tests.factories import make_city, make_country, make_twinning

pytestmark = pytest.mark.django_db


@pytest.fixture
def network() -> dict[str, City]:
    ir = make_country("IR", "Iran", "ایران")
    ru = make_country("RU", "Russia", "روسیه")
    tehran = make_city("Tehran", country=ir, code="gn:112931", name_fa="تهران", degree=2)
    moscow = make_city("Moscow", country=ru, code="gn:524901", degree=1)
    tabriz = make_city("Tabriz", country=ir, code="gn:113646", degree=1)
    city_index_refresh(cities=[tehran, moscow, tabriz])
    make_twinning(tehran, moscow, sources="wikidata_p190_2016;wikipedia_en")
    make_twinning(tehran, tabriz, sources="wikipedia_en")
    return {"tehran": tehran, "moscow": moscow, "tabriz": tabriz}


def test_cities_are_searched_and_paginated(client: Client, network: Any) -> None:
    body = client.get("/api/v1/cities", {"q": "تهران"}).json()
    assert body["count"] == 1
    assert body["items"][0]["id"] == "gn:112931"
    assert body["items"][0]["name_fa"] == "تهران"
    page = client.get("/api/v1/cities", {"q": "t", "limit": "1", "offset": "1"}).json()
    assert (page["count"], page["limit"], page["offset"]) == (2, 1, 1)
    assert [i["id"] for i in page["items"]] == ["gn:113646"]


def test_cities_without_a_query_are_listed_by_links(client: Client, network: Any) -> None:
    body = client.get("/api/v1/cities", {"country": "ir"}).json()
    assert body["count"] == 2
    assert [i["id"] for i in body["items"]] == ["gn:112931", "gn:113646"]


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"limit": 201}, "less than or equal to 200"),
        ({"limit": 0}, "greater than or equal to 1"),
        ({"offset": -1}, "greater than or equal to 0"),
        ({"limit": "ten"}, "valid integer"),
        ({"country": "IRN"}, "pattern"),
        ({"country": "ZZ"}, "Unknown country code: ZZ"),
    ],
)
def test_invalid_parameters_answer_422(
    client: Client, network: Any, params: dict[str, Any], needle: str
) -> None:
    response = client.get("/api/v1/cities", params)
    assert response.status_code == 422
    assert needle in response.content.decode()


def test_one_city_with_its_partners_and_sources(
    client: Client, network: Any, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/cities/gn:112931")
    assert response.status_code == 200
    body = response.json()
    assert body["rank"] == 1
    partners = {p["city"]["id"]: p for p in body["partners"]}
    assert partners["gn:524901"]["sources"] == ["wikidata_p190_2016", "wikipedia_en"]
    assert partners["gn:524901"]["n_sources"] == 2
    assert partners["gn:524901"]["confirmed"] is True
    assert partners["gn:113646"]["confirmed"] is False
    assert partners["gn:113646"]["kind"] == ""
    assert partners["gn:113646"]["year"] is None


def test_an_unknown_city_is_404(client: Client, network: Any) -> None:
    response = client.get("/api/v1/cities/gn:0")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Unknown city id: gn:0"}


def test_countries_are_listed(client: Client, network: Any) -> None:
    body = client.get("/api/v1/countries").json()
    assert [c["code"] for c in body] == ["IR", "RU"]
    assert body[0]["name_fa"] == "ایران"


def test_the_schema_and_docs_work_offline(client: Client) -> None:
    from django.contrib.staticfiles import finders

    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/cities" in schema["paths"]
    assert "/api/v1/cities/{code}" in schema["paths"]
    assert "GeoNames (CC BY 4.0)" in schema["info"]["description"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in docs
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert finders.find("ninja/swagger-ui-bundle.js")
