"""Public world pages: a city with its sister cities on a map, a country and its links."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse

from peyvand.accounts.access import world_page
from peyvand.core.pagination import paginate
from peyvand.places.selectors import city_persian_name

from . import selectors as world


def _point(
    city: object, *, name: str, url: str, confirmed: bool | None = None
) -> dict[str, object]:
    data: dict[str, object] = {
        "name": name,
        "lat": getattr(city, "lat", None),
        "lon": getattr(city, "lon", None),
        "url": url,
    }
    if confirmed is not None:
        data["confirmed"] = confirmed
    return data


@world_page
def city_detail(request: HttpRequest, code: str) -> HttpResponse:
    city = world.city_get(code)
    if city is None:
        raise Http404
    partners = world.city_partners(city)
    persian_name, persian_source = city_persian_name(city)
    map_data = {
        "countries": static("vendor/world-atlas/countries-110m.json"),
        "city": _point(city, name=city.name, url=""),
        "partners": [
            _point(
                p.city,
                name=p.city.name,
                url=reverse("network:city", kwargs={"code": p.city.code}),
                confirmed=p.confirmed,
            )
            for p in partners
            if p.city.has_position
        ],
    }
    return render(
        request,
        "network/city.html",
        {
            "city": city,
            "partners": partners,
            "unconfirmed": sum(1 for p in partners if not p.confirmed),
            "unplaced": sum(1 for p in partners if not p.city.has_position),
            "rank": world.city_rank(city),
            "network_size": world.network_size() if city.degree else None,
            "persian_name": persian_name,
            "persian_source": persian_source,
            "can_review": request.user.has_perm("places.review_names"),
            "map_data": map_data,
            "sources": [world.source_label(s) for s in city.sources.split(";") if s],
        },
    )


@world_page
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    country = world.country_get(code)
    if country is None:
        raise Http404
    return render(
        request,
        "network/country.html",
        {
            "country": country,
            "page_obj": paginate(request, world.country_cities(country)),
            "partner_countries": world.country_partner_countries(country),
        },
    )
