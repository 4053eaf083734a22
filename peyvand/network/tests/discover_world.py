"""A small hand-made world for the partner-discovery tests (no ../shared data)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peyvand.network.discover.selectors.recommendations import Recommendations
from peyvand.places.models import City
from peyvand.places.search import city_index_refresh
from peyvand.places.tests.factories import make_city, make_country, make_twinning


@dataclass
class SmallWorld:
    cities: dict[str, City]

    def __getitem__(self, name: str) -> City:
        return self.cities[name]


def build_small_world() -> SmallWorld:
    ir = make_country("IR", "Iran", "ایران", continent="AS", capital="Tehran")
    tr = make_country("TR", "Türkiye", "ترکیه", continent="AS", capital="Ankara")
    ru = make_country("RU", "Russia", "روسیه", continent="EU", capital="Moscow")
    by = make_country("BY", "Belarus", "بلاروس", continent="EU", capital="Minsk")
    cu = make_country("CU", "Cuba", "کوبا", continent="NA", capital="Havana")
    de = make_country("DE", "Germany", "آلمان", continent="EU", capital="Berlin")
    fr = make_country("FR", "France", "فرانسه", continent="EU", capital="Paris")
    spec: list[tuple[str, str, str, Any, float, float, int]] = [
        ("Tehran", "تهران", "gn:112931", ir, 35.69, 51.42, 7_153_309),
        ("Mashhad", "مشهد", "gn:124665", ir, 36.30, 59.61, 2_307_177),
        ("Isfahan", "اصفهان", "gn:418863", ir, 32.65, 51.67, 1_547_164),
        ("Ankara", "آنکارا", "gn:323786", tr, 39.92, 32.85, 3_517_182),
        ("Istanbul", "استانبول", "gn:745044", tr, 41.01, 28.95, 14_804_116),
        ("Moscow", "مسکو", "gn:524901", ru, 55.75, 37.62, 10_381_222),
        ("Saint Petersburg", "سن پترزبورگ", "gn:498817", ru, 59.94, 30.31, 5_351_935),
        ("Minsk", "مینسک", "gn:625144", by, 53.90, 27.57, 1_742_124),
        ("Havana", "هاوانا", "gn:3553478", cu, 23.13, -82.38, 2_163_824),
        ("Berlin", "برلین", "gn:2950159", de, 52.52, 13.41, 3_426_354),
        ("Hamburg", "هامبورگ", "gn:2911298", de, 53.55, 9.99, 1_739_117),
        ("Paris", "پاریس", "gn:2988507", fr, 48.85, 2.35, 2_138_551),
        ("Marseille", "مارسی", "gn:2995469", fr, 43.30, 5.37, 794_811),
        ("Lonely", "", "x:FR:lonely", fr, 45.0, 1.0, 120_000),
    ]
    cities = {
        name: make_city(name, name_fa=fa, country=c, code=code, lat=lat, lon=lon, population=pop)
        for name, fa, code, c, lat, lon, pop in spec
    }
    links = [
        ("Tehran", "Moscow"),
        ("Tehran", "Minsk"),
        ("Tehran", "Havana"),
        ("Ankara", "Moscow"),
        ("Ankara", "Minsk"),
        ("Ankara", "Havana"),
        ("Moscow", "Minsk"),
        ("Moscow", "Havana"),
        ("Moscow", "Berlin"),
        ("Minsk", "Havana"),
        ("Istanbul", "Saint Petersburg"),
        ("Istanbul", "Marseille"),
        ("Berlin", "Paris"),
        ("Hamburg", "Marseille"),
        ("Hamburg", "Saint Petersburg"),
        ("Mashhad", "Isfahan"),
        ("Paris", "Havana"),
    ]
    for a, b in links:
        make_twinning(cities[a], cities[b])
    # as the importer does: the atlas's link counts and the city search's rows
    for city in cities.values():
        city.degree = sum(city.name_en in pair for pair in links)
        city.save(update_fields=["degree"])
    city_index_refresh(cities=cities.values())
    return SmallWorld(cities)


def codes(result: Recommendations) -> list[str]:
    return [s.city.code for s in result.suggestions]
