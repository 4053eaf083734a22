"""A hand-added city is checked by the model's rules: numbers the database cannot hold
are a form error, and nothing is written."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from peyvand.places.models import City, CityNameReview


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("population", "1e30"),
        ("population", "1" + "0" * 30),
        ("population", str(2**63)),
        ("population", "-5"),
        ("name_en", "x" * 5000),
    ],
)
def test_a_city_beyond_the_models_limits_is_a_form_error(
    reviewer_client: Client, field: str, value: str
) -> None:
    url = reverse("places:city_add")
    data = {"name_en": "Newtown", "name_fa": "", "population": "1000", field: value}
    cities, reviews = City.objects.count(), CityNameReview.objects.count()
    response = reviewer_client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert (City.objects.count(), CityNameReview.objects.count()) == (cities, reviews)
    assert reviewer_client.get(url).status_code == 200


def test_the_largest_population_the_database_holds_is_kept(reviewer_client: Client) -> None:
    response = reviewer_client.post(
        reverse("places:city_add"), {"name_en": "Bigtown", "population": str(2**63 - 1)}
    )
    assert response.status_code == 302
    assert City.objects.get(name_en="Bigtown").population == 2**63 - 1


def test_the_service_refuses_a_population_beyond_the_database(db: Any) -> None:
    from django.contrib.auth.models import User
    from django.core.exceptions import ValidationError

    from peyvand.places import services

    user = User.objects.create_user("rev")
    with pytest.raises(ValidationError) as exc:
        services.city_add(
            name_en="Hugetown",
            name_fa="",
            country=None,
            lat=None,
            lon=None,
            population=10**30,
            user=user,
        )
    assert "population" in exc.value.message_dict
    assert not City.objects.filter(name_en="Hugetown").exists()
