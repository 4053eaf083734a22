"""Partner discovery API: suggestions and network metrics of a city.

Both endpoints work without login on the public network. With `office=<slug>` the caller
must be a logged-in member of that office (session); the office's own signed partnerships
are then part of the network (another office's never are). An unknown office, or one the
caller is not a member of, answers 404, as the office pages do.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from peyvand.accounts.access import office_request
from peyvand.core.api import ErrorOut, example
from peyvand.places.api import CityOut
from peyvand.places.models import Country

from .. import tasks
from ..atlas.selectors import city_get
from ..goals import area_choices
from . import explain
from .selectors.metrics import city_metrics
from .selectors.recommendations import recommend

router = Router(tags=["discover"])


RECOMMENDATIONS_EXAMPLE: dict[str, Any] = {
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
    "scope": "world",
    "provisional": False,
    "suggestions": [
        {
            "rank": 1,
            "city": {
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
            },
            "score": 0.81,
            "reasons": [
                {
                    "signal": "shared_partners",
                    "weight": 0.4,
                    "text": "Shares 3 partners with Tehran",
                }
            ],
            "flags": [],
        }
    ],
}

METRICS_EXAMPLE: dict[str, Any] = {
    "city": {
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
    },
    "scope": "world",
    "degree": 24,
    "rank": 12,
    "international_share": 0.92,
    "component": 0,
    "component_size": 5321,
    "clustering": 0.08,
    "reach_two": 410,
    "betweenness": 0.0031,
    "top_partner_countries": [{"country": "DE", "links": 5}],
}


class ReasonOut(Schema):
    signal: str = Field(..., description="Name of the signal (common_partners, country_pair, ...).")
    weight: float = Field(..., description="Its contribution to the score (log-odds).")
    text: str = Field(..., description="The reason in words, in the request's language.")


class SuggestionOut(Schema):
    rank: int
    city: CityOut
    score: float = Field(..., description="Additive score (log-odds); higher is better.")
    reasons: list[ReasonOut]
    flags: list[str] = Field(..., description="Flags of the office's country note, if any.")


class RecommendationsOut(Schema):
    model_config = example(**RECOMMENDATIONS_EXAMPLE)

    city: CityOut
    scope: str = Field(..., description='"public", or the office whose pacts were included.')
    provisional: bool = Field(
        False,
        description="True while the model is being fitted after a world import: the "
        "scores then come from hand-set weights.",
    )
    suggestions: list[SuggestionOut]


class CountryCountOut(Schema):
    country: str | None = Field(None, description="ISO code; null when unknown.")
    links: int


class MetricsOut(Schema):
    model_config = example(**METRICS_EXAMPLE)

    city: CityOut
    scope: str
    degree: int
    rank: int
    international_share: float | None
    component: int = Field(..., description="0 is the largest connected component.")
    component_size: int
    clustering: float
    reach_two: int = Field(..., description="Distinct cities within two steps.")
    betweenness: float = Field(..., description="Normalised, estimated from sampled sources.")
    top_partner_countries: list[CountryCountOut]


class RecommendationQuery(Schema):
    k: int = Field(20, ge=1, le=100)
    country: str = Field("", description="ISO code: only candidates in this country.")
    office: str = Field("", description="Office slug: include its pacts (members only).")
    areas: str = Field(
        "",
        max_length=1000,
        description=(
            "Goal areas, cooperation area codes separated by commas (with `office`): the "
            "cities the office's practices and activities tie to them rank higher."
        ),
    )


class MetricsQuery(Schema):
    office: str = Field("", description="Office slug: include its pacts (members only).")


def _office(request: HttpRequest, slug: str) -> Any:
    if not slug:
        return None
    try:
        return office_request(request, slug).office
    except Http404 as exc:
        raise HttpError(404, _("Unknown office, or you are not a member of it.")) from exc


def _city(code: str) -> Any:
    city = city_get(code)
    if city is None:
        raise HttpError(404, _("Unknown city id: %(code)s") % {"code": code})
    return city


@router.get(
    "/cities/{code}/recommendations",
    response={200: RecommendationsOut, 404: ErrorOut, 422: ErrorOut},
    summary="Partner suggestions for a city, with reasons",
    auth=None,
)
def recommendations(request: HttpRequest, code: str, q: Query[RecommendationQuery]) -> Any:
    city = _city(code)
    office = _office(request, q.office)
    country = None
    if q.country:
        country = Country.objects.filter(code=q.country.upper()).first()
        if country is None:
            raise HttpError(422, _("Unknown country code: %(code)s") % {"code": q.country})
    areas = [code.strip() for code in q.areas.split(",") if code.strip()]
    unknown = sorted(set(areas) - {code for code, _name in area_choices()})
    if unknown:
        raise HttpError(422, _("Unknown cooperation area: %(code)s") % {"code": unknown[0]})
    tasks.queue_fit_if_needed()
    result = recommend(city=city, office=office, k=q.k, country=country, areas=areas)
    return {
        "city": city,
        "scope": "public" if office is None else office.slug,
        "provisional": result.provisional,
        "suggestions": [
            {
                "rank": s.rank,
                "city": s.city,
                "score": round(s.score, 4),
                "reasons": [
                    {
                        "signal": r.key,
                        "weight": round(r.weight, 4),
                        "text": explain.reason_text(r, city, s.city),
                    }
                    for r in s.reasons
                ],
                "flags": s.flags,
            }
            for s in result.suggestions
        ],
    }


@router.get(
    "/cities/{code}/metrics",
    response={200: MetricsOut, 404: ErrorOut},
    summary="Network metrics of a city",
    auth=None,
)
def metrics(request: HttpRequest, code: str, q: Query[MetricsQuery]) -> Any:
    city = _city(code)
    office = _office(request, q.office)
    tasks.queue_fit_if_needed()
    m = city_metrics(city=city, office=office)
    if m is None:
        raise HttpError(404, _("Unknown city id: %(code)s") % {"code": code})
    return {
        "city": city,
        "scope": "public" if office is None else office.slug,
        "degree": m.degree,
        "rank": m.rank,
        "international_share": m.international_share,
        "component": m.component,
        "component_size": m.component_size,
        "clustering": m.clustering,
        "reach_two": m.reach_two,
        "betweenness": m.betweenness,
        "top_partner_countries": [
            {"country": c.code if c is not None else None, "links": n} for c, n in m.top_countries
        ],
    }
