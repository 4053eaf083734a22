"""World data API: one city with its sister cities and the sources of each link."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from peyvand.core.api import ErrorOut
from peyvand.places.api import CityOut
from peyvand.places.models import City

from . import selectors as world

router = Router(tags=["world"])


class PartnerOut(Schema):
    city: CityOut
    sources: list[str] = Field(..., description="Keys of the sources that state the link.")
    n_sources: int = Field(..., description="1 means unconfirmed (one source only).")
    confirmed: bool
    kind: str
    year: int | None


class CityDetailOut(CityOut):
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
