"""World data API: cities (search by any spelling) and countries. No login needed."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from peyvand.accounts.access import world_answer
from peyvand.core.api import (
    MAX_LIMIT,
    MAX_OFFSET,
    ErrorOut,
    PageMeta,
    example,
    order_queryset,
    ordering_field,
    page_example,
)

from .models import City, Country
from .search import city_search, city_search_count

router = Router(tags=["world"])


COUNTRY_EXAMPLE: dict[str, Any] = {
    "code": "IR",
    "iso3": "IRN",
    "name_en": "Iran",
    "name_fa": "ایران",
    "continent": "AS",
    "population": 85028759,
    "cities_in_network": 142,
}

CITY_EXAMPLE: dict[str, Any] = {
    "id": "gn:2761369",
    "name": "وین",
    "name_en": "Vienna",
    "name_fa": "وین",
    "country": "AT",
    "lat": 48.2085,
    "lon": 16.3721,
    "population": 1691468,
    "degree": 24,
    "wikidata_qid": "Q1741",
    "geonames_id": 2761369,
}


class CountryOut(Schema):
    model_config = example(**COUNTRY_EXAMPLE)

    code: str
    iso3: str
    name_en: str
    name_fa: str
    continent: str
    population: int | None
    cities_in_network: int


class CityOut(Schema):
    model_config = example(**CITY_EXAMPLE)

    id: str = Field(..., alias="code")
    name: str = Field(..., description="Name in the request's language (Persian by tier).")
    name_en: str
    name_fa: str = Field(..., description="Persian name fit to show, by tier; empty if none.")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    lat: float | None
    lon: float | None
    population: int | None
    degree: int = Field(..., description="Number of sister-city links in the public network.")
    wikidata_qid: str
    geonames_id: int | None

    @staticmethod
    def resolve_name_fa(obj: City) -> str:
        return obj.name_fa_display

    @staticmethod
    def resolve_country(obj: City) -> str | None:
        return obj.country.code if obj.country else None


class CityPage(PageMeta):
    model_config = page_example(CITY_EXAMPLE)

    items: list[CityOut]


# The sort keys of the list without `q` (public key -> field); a search sorts by relevance.
CITY_ORDER = {"degree": "degree", "name": "name_en", "population": "population"}


class CityFilters(Schema):
    q: str = Field("", max_length=100, description="Any spelling, Persian or Latin; prefixes.")
    country: str | None = Field(
        None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. IR."
    )
    ordering: str | None = ordering_field(CITY_ORDER, "-degree")
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def _known_country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.upper()
    if not Country.objects.filter(code=code).exists():
        raise HttpError(422, f"Unknown country code: {code}")
    return code


@router.get(
    "/cities",
    response={200: CityPage, 422: ErrorOut},
    summary="Search or list cities",
    auth=None,
)
@world_answer
def list_cities(request: HttpRequest, filters: Query[CityFilters]) -> dict[str, Any]:
    """Cities by any spelling (exact, then prefix, then word start; then most-linked),
    or, without `q`, every city most-linked first (or by `ordering`)."""
    country = _known_country(filters.country)
    if filters.q.strip():
        items = city_search(filters.q, country=country, limit=filters.limit, offset=filters.offset)
        count = city_search_count(filters.q, country=country)
    else:
        cities = City.objects.select_related("country").order_by("-degree", "name_en", "pk")
        if filters.ordering:
            cities = order_queryset(cities, filters.ordering, CITY_ORDER, "-degree")
        if country:
            cities = cities.filter(country__code=country)
        count = cities.count()
        items = list(cities[filters.offset : filters.offset + filters.limit])
    return {"count": count, "limit": filters.limit, "offset": filters.offset, "items": items}


@router.get("/countries", response=list[CountryOut], summary="List countries", auth=None)
@world_answer
def list_countries(request: HttpRequest) -> Any:
    """Every country and territory (ISO 3166-1), with its number of cities in the network."""
    return Country.objects.order_by("code")
