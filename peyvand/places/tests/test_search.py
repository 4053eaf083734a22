"""Search: every spelling, normalised; exact, then prefix, then word start, then links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from peyvand.places.models import City, CityName
from peyvand.places.search import city_search, city_search_count, city_search_text, search_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(indexed_city: Callable[..., City]) -> dict[str, City]:
    return {
        "tehran": indexed_city(
            "Tehran",
            country="IR",
            code="gn:112931",
            name_fa="تهران",
            names_in_sources="Tehran | Teheran",
            degree=27,
            population=7_000_000,
        ),
        "tehranpars": indexed_city(
            "Tehranpars", country="IR", code="x:IR:tehranpars", degree=40, population=10
        ),
        "kabul": indexed_city("Kabul", country="AF", code="gn:1138958", name_fa="کابل", degree=3),
        "rio": indexed_city("Rio de Janeiro", country="BR", code="gn:3451190", degree=83),
        "berlin": indexed_city(
            "Berlin", country="DE", code="gn:2950159", name_fa_suggestion="برلین", degree=71
        ),
        "small": indexed_city("Tehran Small", country="IR", code="x:IR:ts", degree=1),
    }


def codes(query: str, **kw: Any) -> list[str]:
    return [c.code for c in city_search(query, **kw)]


@pytest.mark.parametrize("query", ["تهران", "Tehran", "tehran", "TEHRAN", "Teheran", " tehran  "])
def test_every_spelling_finds_tehran_first(world: dict[str, City], query: str) -> None:
    assert codes(query)[0] == "gn:112931"


def test_arabic_kaf_finds_kabul(world: dict[str, City]) -> None:
    assert codes("كابل") == ["gn:1138958"]  # Arabic kaf
    assert codes("کابل") == ["gn:1138958"]  # Persian keheh


def test_exact_match_beats_a_more_linked_prefix_match(world: dict[str, City]) -> None:
    assert codes("tehran") == ["gn:112931", "x:IR:tehranpars", "x:IR:ts"]


def test_prefixes_rank_by_links(world: dict[str, City]) -> None:
    assert codes("teh") == ["x:IR:tehranpars", "gn:112931", "x:IR:ts"]


def test_word_starts_match_after_whole_names(world: dict[str, City]) -> None:
    assert codes("janeiro") == ["gn:3451190"]
    assert codes("small") == ["x:IR:ts"]


def test_review_only_names_are_searchable(world: dict[str, City]) -> None:
    assert codes("برلین") == ["gn:2950159"]


def test_country_filter_limit_offset_and_count(world: dict[str, City]) -> None:
    assert codes("te", country="ir", limit=1, offset=1) == ["gn:112931"]
    assert city_search_count("te", country="IR") == 3
    assert city_search_count("te", country="AF") == 0
    assert codes("") == []
    assert codes("zzz") == []


def test_search_rows_hold_whole_names_and_word_starts() -> None:
    text = city_search_text({"name_en": "Rio de Janeiro", "name_fa": "ریودوژانیرو"})
    assert text.split("\n") == ["rio de janeiro", "ریودوژانیرو"]
    assert search_rows(text) == [
        ("rio de janeiro", True),
        ("ریودوژانیرو", True),
        ("de janeiro", False),
        ("janeiro", False),
    ]


def test_the_search_index_is_one_row_per_key(world: dict[str, City]) -> None:
    keys = list(CityName.objects.filter(city=world["tehran"]).values_list("key", flat=True))
    assert sorted(keys) == sorted(["tehran", "teheran", "تهران"])


def test_search_runs_a_bounded_number_of_queries(
    world: dict[str, City], django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(2):
        assert len(city_search("t", limit=10)) == 3


def test_the_atlas_page_and_fragment_find_cities(world: dict[str, City], client: Client) -> None:
    response = client.get("/en/world/", {"q": "teheran"})
    assert response.status_code == 200
    assert "/en/world/cities/gn:112931/" in response.content.decode()
    fragment = client.get("/fa/world/search/", {"q": "تهران"}, headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert "<html" not in html
    assert "/fa/world/cities/gn:112931/" in html
    assert "تهران" in html
    with translation.override("en"):
        empty = client.get("/en/world/search/", {"q": "qqqq"}).content.decode()
    assert "No city matches" in empty


def test_the_atlas_page_is_public(client: Client, world: dict[str, City]) -> None:
    response = client.get("/fa/world/")
    assert response.status_code == 200
    assert 'hx-get="/fa/world/search/"' in response.content.decode()


def test_an_exact_name_beats_a_more_linked_word_start(indexed_city: Callable[..., City]) -> None:
    mitte = indexed_city(
        "Mitte", country="DE", code="gn:6545310", names_in_sources="Mitte | Mitte (Hamburg)"
    )
    mitte.degree = 20
    mitte.save(update_fields=["degree"])
    indexed_city("Hamburg", country="DE", code="gn:2911298", degree=13)
    assert codes("Hamburg") == ["gn:2911298", "gn:6545310"]


def test_other_spellings_are_search_keys(indexed_city: Callable[..., City]) -> None:
    indexed_city("Kyiv", country="UA", code="gn:703448", name_fa="کیف", search_aliases="Kiev\nکی‌یف")
    indexed_city("Kievka", country="RU", code="x:RU:kievka", degree=5)
    assert codes("Kiev") == ["gn:703448", "x:RU:kievka"]
    assert codes("کی‌یف") == ["gn:703448"]
    assert codes("کیف") == ["gn:703448"]
