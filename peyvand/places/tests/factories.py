"""Factories for world data in tests (small, hand-made; never ../shared)."""

from __future__ import annotations

import itertools
from typing import Any

from peyvand.places.models import City, Country

_seq = itertools.count(1)


def make_country(
    code: str, name_en: str = "", name_fa: str = "", continent: str = "AS", **kw: Any
) -> Country:
    country, _ = Country.objects.get_or_create(
        code=code,
        defaults={"name_en": name_en or code, "name_fa": name_fa, "continent": continent, **kw},
    )
    return country


def make_city(
    name_en: str | None = None,
    *,
    country: Country | str | None = None,
    code: str | None = None,
    **kw: Any,
) -> City:
    n = next(_seq)
    if isinstance(country, str):
        country = make_country(country)
    return City.objects.create(
        code=code or f"x:T:{n}",
        name_en=name_en or f"City {n}",
        country=country,
        **kw,
    )


def make_twinning(a: City, b: City, **kw: Any) -> Any:
    """A public link between two cities, stored in canonical order."""
    from peyvand.network.models import Twinning

    first, second = (a, b) if a.pk < b.pk else (b, a)
    kw.setdefault("sources", "wikipedia_en")
    kw.setdefault("n_sources", len(kw["sources"].split(";")))
    return Twinning.objects.create(city_a=first, city_b=second, **kw)
