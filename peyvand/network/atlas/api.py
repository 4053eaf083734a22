"""World data API: one city with its sister cities and the sources of each link."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from peyvand.core.api import ErrorOut, example
from peyvand.places.api import CityOut
from peyvand.places.models import City

from . import selectors as world

router = Router(tags=["world"])


CITY_DETAIL_EXAMPLE: dict[str, Any] = {
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
    "rank": 12,
    "partners": [
        {
            "city": {
                "id": "gn:112931",
                "name": "تهران",
                "name_en": "Tehran",
                "name_fa": "تهران",
                "country": "IR",
                "lat": 35.6944,
                "lon": 51.4215,
                "population": 8693706,
                "degree": 31,
                "wikidata_qid": "Q3616",
                "geonames_id": 112931,
            },
            "sources": ["wikidata", "cemr"],
            "n_sources": 2,
            "confirmed": True,
            "kind": "sister",
            "year": 1999,
        }
    ],
}


class PartnerOut(Schema):
    city: CityOut
    sources: list[str] = Field(..., description="Keys of the sources that state the link.")
    n_sources: int = Field(..., description="1 means unconfirmed (one source only).")
    confirmed: bool
    kind: str
    year: int | None


class CityDetailOut(CityOut):
    model_config = example(**CITY_DETAIL_EXAMPLE)

    rank: int | None = Field(None, description="Rank by number of links (1 = most linked).")
    partners: list[PartnerOut]

    @staticmethod
    def resolve_rank(obj: City) -> int | None:
        return world.city_rank(obj)

    @staticmethod
    def resolve_partners(obj: City) -> list[dict[str, Any]]:
        return [
            {
                "city": p.city,
                "sources": p.sources,
                "n_sources": p.link.n_sources,
                "confirmed": p.confirmed,
                "kind": p.link.kind,
                "year": p.link.year,
            }
            for p in world.city_partners(obj)
        ]


@router.get(
    "/cities/{code}",
    response={200: CityDetailOut, 404: ErrorOut},
    summary="One city with its sister cities",
    auth=None,
)
def city_detail(request: HttpRequest, code: str) -> Any:
    """`code` is the city's public id, e.g. `gn:112931` (Tehran)."""
    city = world.city_get(code)
    if city is None:
        raise HttpError(404, f"Unknown city id: {code}")
    return city
