"""Reads of the world atlas: search, top lists, the Persian-name review queue."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from peyvand.core.text import persian_sort_key

from .models import City, CityNameReview, Country
from .search import city_search, city_search_count

__all__ = [
    "atlas_size",
    "city_persian_name",
    "city_search",
    "city_search_count",
    "countries_by_name",
    "countries_in_network",
    "country_sort_key",
    "review_queue",
    "reviews_recent",
    "top_cities",
]

TIER_LABELS = {
    "cldr": _("Unicode CLDR"),
    "geonames-alt": _("GeoNames alternate name"),
    "shown": _("two sources agree (countries-states-cities and GeoNames)"),
    "confirmed": _("confirmed by a reviewer"),
}


def city_persian_name(city: City) -> tuple[str, str]:
    """(Persian name fit to show, where it comes from); ("", "") when there is none."""
    if city.name_fa:
        return city.name_fa, str(TIER_LABELS.get(city.name_fa_source, city.name_fa_source))
    if city.name_fa_shown:
        return city.name_fa_shown, str(TIER_LABELS["shown"])
    if city.name_fa_confirmed:
        return city.name_fa_confirmed, str(TIER_LABELS["confirmed"])
    return "", ""


def atlas_size() -> dict[str, int]:
    """{"cities": n, "links": n}; each link adds one to the degree of both its cities."""
    degrees = City.objects.aggregate(total=Sum("degree"))["total"] or 0
    return {"cities": City.objects.count(), "links": degrees // 2}


def top_cities(limit: int = 20) -> QuerySet[City]:
    return City.objects.linked().select_related("country").order_by("-degree", "name_en")[:limit]


def country_sort_key(country: Country) -> tuple[int, ...]:
    """Alphabetical order of the country's name in the active language (Persian order in fa)."""
    if (get_language() or "fa").startswith("fa"):
        return persian_sort_key(country.name_fa or country.name_en)
    return tuple(ord(ch) for ch in country.name_en.casefold())


def countries_by_name(countries: Iterable[Country]) -> list[Country]:
    return sorted(countries, key=country_sort_key)


def countries_in_network() -> QuerySet[Country]:
    return Country.objects.filter(cities_in_network__gt=0).order_by("-cities_in_network", "code")


def review_queue(*, country: str | None = None, only_suggested: bool = False) -> QuerySet[City]:
    """Cities without a Persian name fit to show, most-linked first."""
    cities = City.objects.filter(name_fa="", name_fa_shown="", name_fa_confirmed="")
    if only_suggested:
        cities = cities.filter(~Q(name_fa_suggestion="") | ~Q(name_fa_candidate=""))
    if country:
        cities = cities.filter(country__code=country)
    return cities.select_related("country").order_by("-degree", "-population", "name_en", "pk")


def reviews_recent(limit: int = 10) -> QuerySet[CityNameReview]:
    return CityNameReview.objects.select_related("city", "reviewer")[:limit]
