"""The Persian-name review queue and hand-added cities (permission places.review_names)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from peyvand.accounts.tests.factories import make_user
from peyvand.places.models import City, CityNameReview, ReviewAction
from peyvand.places.search import city_search
from peyvand.places.tests.factories import make_city, make_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue() -> dict[str, City]:
    de = make_country("DE", "Germany", "آلمان")
    ru = make_country("RU", "Russia", "روسیه")
    return {
        "berlin": make_city("Berlin", country=de, name_fa_suggestion="برلین", degree=71),
        "petersburg": make_city(
            "Saint Petersburg",
            country=ru,
            name_fa_suggestion="سن‌پترزبورگ",
            name_fa_candidate="سانت بطرسبرغ",
            degree=93,
        ),
        "nosuggestion": make_city("Hamburg", country=de, degree=40),
        "named": make_city("Moscow", country=ru, name_fa="مسکو", degree=66),
    }


def test_anonymous_users_are_sent_to_log_in(client: Client, queue: Any) -> None:
    response = client.get("/en/world/review/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_users_without_the_permission_are_refused(client: Client, queue: Any) -> None:
    client.force_login(make_user("plain"))
    assert client.get("/en/world/review/").status_code == 403
    response = client.post(
        f"/en/world/review/{queue['berlin'].code}/", {"name": "برلین", "action": "suggestion"}
    )
    assert response.status_code == 403
    assert client.get("/en/world/review/add-city/").status_code == 403
    queue["berlin"].refresh_from_db()
    assert queue["berlin"].name_fa_confirmed == ""


def test_the_queue_lists_unnamed_cities_most_linked_first(
    reviewer_client: Client, queue: Any, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(12):
        html = reviewer_client.get("/en/world/review/").content.decode()
    assert html.index("Saint Petersburg") < html.index("Berlin") < html.index("Hamburg")
    assert "Moscow" not in html  # already has a Persian name


def test_the_queue_filters_by_country_and_suggestion(reviewer_client: Client, queue: Any) -> None:
    html = reviewer_client.get("/en/world/review/", {"country": "DE"}).content.decode()
    assert "Berlin" in html and "Saint Petersburg" not in html
    response = reviewer_client.get("/en/world/review/", {"country": "DE", "suggested": "on"})
    assert "Hamburg" not in response.content.decode()


def test_a_reviewer_confirms_a_suggestion_and_who_when_is_kept(
    reviewer_client: Client, queue: Any
) -> None:
    city = queue["petersburg"]
    response = reviewer_client.post(
        f"/en/world/review/{city.code}/", {"name": "سن‌پترزبورگ", "action": "suggestion"}
    )
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.name_fa_confirmed == "سن‌پترزبورگ"
    assert city.name_fa_display == "سن‌پترزبورگ"
    review = CityNameReview.objects.get(city=city)
    assert review.reviewer == reviewer_client.user  # type: ignore[attr-defined]
    assert review.action == ReviewAction.SUGGESTION
    assert review.created_at is not None
    assert [c.code for c in city_search("سن پترزبورگ")] == [city.code]


def test_a_reviewer_types_a_name_with_htmx(reviewer_client: Client, queue: Any) -> None:
    city = queue["nosuggestion"]
    response = reviewer_client.post(
        f"/en/world/review/{city.code}/",
        {"name": "هامبورگ", "action": "typed"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "هامبورگ" in response.content.decode()
    assert "<html" not in response.content.decode()
    city.refresh_from_db()
    assert city.name_fa_confirmed == "هامبورگ"


@pytest.mark.parametrize("name", ["", "Hamburg", "x" * 300, "هامبورگ Hamburg"])
def test_a_name_that_is_not_persian_is_refused(
    reviewer_client: Client, queue: Any, name: str
) -> None:
    city = queue["nosuggestion"]
    response = reviewer_client.post(
        f"/en/world/review/{city.code}/",
        {"name": name, "action": "typed"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200  # htmx swaps only 2xx: the row shows the error
    assert "errorlist" in response.content.decode()
    city.refresh_from_db()
    assert city.name_fa_confirmed == ""
    assert not CityNameReview.objects.exists()


def test_a_reviewer_adds_a_missing_city(reviewer_client: Client, queue: Any) -> None:
    response = reviewer_client.post(
        "/en/world/review/add-city/",
        {
            "name_en": "Karaj",
            "name_fa": "كرج",
            "country": "DE",
            "lat": "35.84",
            "lon": "50.94",
            "population": "1500000",
        },
    )
    city = City.objects.get(code="hand:de-karaj")
    assert response.status_code == 302
    assert response["Location"] == "/en/world/cities/hand:de-karaj/"
    assert city.added_by_hand
    assert city.added_by == reviewer_client.user  # type: ignore[attr-defined]
    assert city.name_fa_confirmed == "کرج"  # normalised
    assert CityNameReview.objects.get(city=city).action == ReviewAction.ADDED
    assert [c.code for c in city_search("karaj")] == ["hand:de-karaj"]
    # A second city of the same name gets its own code.
    reviewer_client.post("/en/world/review/add-city/", {"name_en": "Karaj", "country": "DE"})
    assert City.objects.filter(code="hand:de-karaj-2").exists()


def test_adding_a_city_with_half_a_position_is_refused(reviewer_client: Client, queue: Any) -> None:
    response = reviewer_client.post("/en/world/review/add-city/", {"name_en": "Karaj", "lat": "35"})
    assert response.status_code == 200
    assert "Give both latitude and longitude" in response.content.decode()
    response = reviewer_client.post(
        "/en/world/review/add-city/", {"name_en": "Karaj", "lat": "95", "lon": "10"}
    )
    assert response.status_code == 200
    assert not City.objects.filter(name_en="Karaj").exists()
