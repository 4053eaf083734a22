"""Public world pages: a city with its partners and their sources, a country and its links."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from peyvand.places.models import City
from peyvand.places.tests.factories import make_city, make_country, make_twinning

pytestmark = pytest.mark.django_db


@pytest.fixture
def network() -> dict[str, City]:
    ir = make_country("IR", "Iran", "ایران")
    ru = make_country("RU", "Russia", "روسیه")
    de = make_country("DE", "Germany", "آلمان")
    tehran = make_city(
        "Tehran", country=ir, code="gn:112931", name_fa="تهران", lat=35.69, lon=51.42, degree=3
    )
    moscow = make_city(
        "Moscow", country=ru, code="gn:524901", name_fa="مسکو", lat=55.75, lon=37.61, degree=2
    )
    berlin = make_city(
        "Berlin",
        country=de,
        code="gn:2950159",
        name_fa_suggestion="برلین",
        lat=52.5,
        lon=13.4,
        degree=2,
    )
    nowhere = make_city("13th district", code="wd:Q851023", degree=1)
    make_twinning(tehran, moscow, sources="wikidata_p190_2016;wikipedia_en")
    make_twinning(tehran, berlin, sources="wikidata_p190_2016")
    make_twinning(tehran, nowhere, sources="wikipedia_en")
    make_twinning(berlin, moscow, sources="rgre_de_2015", kind="twin", year=1991)
    return {"tehran": tehran, "moscow": moscow, "berlin": berlin, "nowhere": nowhere}


def test_the_city_page_lists_partners_with_sources_and_marks_one_source_links(
    client: Client, network: dict[str, City], django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(8):
        response = client.get("/en/world/cities/gn:112931/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("data-partner=") == 3
    assert html.count("data-unconfirmed") == 2  # Berlin and the district: one source each
    assert "2 sources" in html
    assert "Wikidata (2016)" in html and "English Wikipedia (2026)" in html
    assert "1 partner has no known position" in html


def test_the_city_page_passes_the_map_data_as_json(client: Client, network: Any) -> None:
    response = client.get("/fa/world/cities/gn:112931/")
    data = json.loads(
        response.content.decode()
        .split('id="atlas-map-data" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert data["city"]["lat"] == 35.69
    assert {p["url"] for p in data["partners"]} == {
        "/fa/world/cities/gn:524901/",
        "/fa/world/cities/gn:2950159/",
    }
    assert data["countries"].endswith("countries-110m.json")
    assert "<script>" not in response.content.decode()  # CSP: no inline script
    # The position as a Persian reader writes it: Persian digits and the Persian comma.
    assert "۳۵٫۶۹۰۰، ۵۱٫۴۲۰۰" in response.content.decode()
    english = client.get("/en/world/cities/gn:112931/").content.decode()
    assert "35.6900, 51.4200" in english


def test_an_unverified_suggestion_is_not_shown_to_the_public(client: Client, network: Any) -> None:
    html = client.get("/fa/world/cities/gn:2950159/").content.decode()
    assert "برلین" not in html
    assert "Berlin" in html


def test_rank_and_degree_are_shown(client: Client, network: Any) -> None:
    response = client.get("/en/world/cities/gn:112931/")
    assert response.context["rank"] == 1
    assert response.context["network_size"] == 4


def test_a_city_without_country_or_position_has_a_page(client: Client, network: Any) -> None:
    response = client.get("/en/world/cities/wd:Q851023/")
    assert response.status_code == 200
    assert "unknown" in response.content.decode()


def test_an_unknown_city_or_country_is_404(client: Client, network: Any) -> None:
    assert client.get("/en/world/cities/gn:0/").status_code == 404
    assert client.get("/en/world/countries/ZZ/").status_code == 404


def test_the_country_page_lists_its_cities_and_links_per_partner_country(
    client: Client, network: Any, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(8):
        response = client.get("/en/world/countries/de/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Berlin" in html
    rows = {
        (r.country.code if r.country else None): r.links
        for r in response.context["partner_countries"]
    }
    assert rows == {"IR": 1, "RU": 1}
    ir = client.get("/en/world/countries/IR/").context["partner_countries"]
    assert {(r.country.code if r.country else None): r.links for r in ir} == {
        "RU": 1,
        "DE": 1,
        None: 1,
    }


def test_the_country_page_paginates(client: Client) -> None:
    country = make_country("PL", "Poland")
    for n in range(30):
        make_city(f"Town {n:02}", country=country, degree=1)
    first = client.get("/en/world/countries/PL/")
    assert len(first.context["page_obj"].object_list) == 25
    second = client.get("/en/world/countries/PL/", {"page": 2})
    assert len(second.context["page_obj"].object_list) == 5


def test_the_nav_links_to_the_atlas_for_everyone(client: Client, network: Any) -> None:
    html = client.get("/en/world/about-data/").content.decode()
    assert 'href="/en/world/"' in html
    assert 'GeoNames (<span lang="en">CC BY 4.0</span>)' in html
    assert "ODbL 1.0" in html
    assert "RGRE" in html
    assert "4 cities and towns and 4 public sister-city links" in html
    # A licence's version is part of its name: the Persian page keeps it in Latin digits.
    persian = client.get("/fa/world/about-data/").content.decode()
    assert persian.count(">CC BY 4.0<") == 2 and ">ODbL 1.0<" in persian
    assert "۴٫۰" not in persian
