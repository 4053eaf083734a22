"""A city added by hand: impossible values are refused on the form, nothing is written."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from peyvand.places.models import City


@pytest.mark.parametrize(
    "changes",
    [
        {"population": str(10**30)},
        {"population": "1e30"},
        {"name_en": "x" * 500},
        {"lat": "1e30", "lon": "0"},
    ],
)
def test_the_city_form_refuses_impossible_values(
    reviewer_client: Any, changes: dict[str, str]
) -> None:
    before = City.objects.count()
    data = {
        "name_en": "Newtown",
        "name_fa": "",
        "country": "",
        "lat": "",
        "lon": "",
        "population": "",
    }
    with_lang = reverse("places:city_add")
    response = reviewer_client.post(with_lang, {**data, **changes})
    assert response.status_code == 200  # the form again, with the error
    assert response.context["form"].errors
    assert City.objects.count() == before


def test_the_city_form_still_adds_a_city(reviewer_client: Any) -> None:
    data = {
        "name_en": "Newtown",
        "name_fa": "",
        "country": "",
        "lat": "",
        "lon": "",
        "population": "5000",
    }
    response = reviewer_client.post(reverse("places:city_add"), data)
    assert response.status_code == 302
    assert City.objects.get(name_en="Newtown").population == 5000
