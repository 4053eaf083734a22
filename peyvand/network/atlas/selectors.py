"""Reads for the public world pages and the world API: a city's partners, a country's links."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from peyvand.places.models import City, Country
from peyvand.places.selectors import country_sort_key

from ..models import Twinning

SOURCE_LABELS = {
    "wikipedia_en": _("English Wikipedia (2026)"),
    "wikidata_p190_2016": _("Wikidata (2016)"),
    "wikidata_eu_2017": _("Wikidata, EU extract (2017)"),
    "rgre_de_2015": _("German section of CEMR (RGRE, 2015)"),
}
KIND_LABELS = {
    "twin_or_sister": _("twin or sister city"),
    "twin": _("partnership"),
    "friendship": _("friendship"),
    "contact": _("contact"),
}


def source_label(key: str) -> str:
    return str(SOURCE_LABELS.get(key, key))


def kind_label(kind: str) -> str:
    return " / ".join(str(KIND_LABELS.get(part, part)) for part in kind.split("/") if part)


@dataclass(frozen=True)
class Partner:
    city: City
    link: Twinning

    @property
    def sources(self) -> list[str]:
        return [s for s in self.link.sources.split(";") if s]

    @property
    def source_labels(self) -> list[str]:
        return [source_label(s) for s in self.sources]

    @property
    def kind_label(self) -> str:
        return kind_label(self.link.kind)

    @property
    def confirmed(self) -> bool:
        return self.link.n_sources > 1


def city_get(code: str) -> City | None:
    return City.objects.select_related("country").filter(code=code).first()


def city_partners(city: City) -> list[Partner]:
    """The city's sister cities, best-confirmed and most-linked first (two queries' worth)."""
    links = Twinning.objects.filter(Q(city_a=city) | Q(city_b=city)).select_related(
        "city_a__country", "city_b__country"
    )
    partners = [
        Partner(city=link.city_b if link.city_a_id == city.pk else link.city_a, link=link)
        for link in links
    ]
    partners.sort(key=lambda p: (-p.link.n_sources, -p.city.degree, p.city.name_en))
    return partners


def city_rank(city: City) -> int | None:
    """1 + the number of cities with more links; None for a city outside the network."""
    if not city.degree:
        return None
    return City.objects.filter(degree__gt=city.degree).count() + 1


def network_size() -> int:
    return City.objects.filter(degree__gt=0).count()


def country_get(code: str) -> Country | None:
    return Country.objects.filter(code=code.upper()).first()


def country_cities(country: Country) -> QuerySet[City]:
    return country.cities.filter(degree__gt=0).order_by("-degree", "-population", "name_en")


@dataclass(frozen=True)
class PartnerCountry:
    country: Country | None
    links: int


def _by_name(country: Country | None) -> tuple[bool, tuple[int, ...]]:
    return (country is None, country_sort_key(country) if country else ())


def country_partner_countries(country: Country) -> list[PartnerCountry]:
    """Links of the country's cities, counted per partner country (domestic ones included)."""
    counts: Counter[int | None] = Counter()
    side_a = Twinning.objects.filter(city_a__country=country).values_list(
        "city_b__country_id", flat=True
    )
    side_b = Twinning.objects.filter(city_b__country=country).values_list(
        "city_a__country_id", flat=True
    )
    counts.update(side_a)
    counts.update(side_b)
    by_pk = Country.objects.in_bulk([pk for pk in counts if pk is not None])
    rows = [
        PartnerCountry(country=by_pk.get(pk) if pk else None, links=n) for pk, n in counts.items()
    ]
    rows.sort(key=lambda r: (-r.links, *_by_name(r.country)))
    return rows
