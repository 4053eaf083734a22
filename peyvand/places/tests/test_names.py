"""Persian names in tiers: show only what is fit to show."""

from __future__ import annotations

import pytest
from django.utils import translation

from peyvand.places.selectors import city_persian_name
from peyvand.places.tests.factories import make_city

pytestmark = pytest.mark.django_db


def test_cldr_name_comes_first() -> None:
    city = make_city(
        "Moscow",
        name_fa="مسکو",
        name_fa_source="cldr",
        name_fa_shown="موسکو",
        name_fa_confirmed="x",
    )
    assert city.name_fa_display == "مسکو"
    assert city_persian_name(city)[0] == "مسکو"


def test_two_source_name_comes_before_a_confirmed_one() -> None:
    city = make_city("Ankara", name_fa_shown="آنکارا", name_fa_confirmed="انقره")
    assert city.name_fa_display == "آنکارا"


def test_confirmed_name_is_shown_when_nothing_better_exists() -> None:
    city = make_city("Pretoria", name_fa_suggestion="پرتوریا", name_fa_confirmed="پرتوریا")
    with translation.override("fa"):
        assert city.name == "پرتوریا"


def test_an_unverified_suggestion_is_never_shown_as_the_name() -> None:
    city = make_city(
        "Saint Petersburg", name_fa_suggestion="سن‌پترزبورگ", name_fa_candidate="سانت بطرسبرغ"
    )
    assert city.name_fa_display == ""
    assert city_persian_name(city) == ("", "")
    with translation.override("fa"):
        assert city.name == "Saint Petersburg"


def test_english_pages_use_the_english_name() -> None:
    city = make_city("Tehran", name_fa="تهران")
    with translation.override("en"):
        assert city.name == "Tehran"
