"""Other spellings and exonyms from GeoNames (data/world-slice/city_alternate_names_geonames.csv,
written by scripts/make_alternate_names.py): after importing the test slice, search finds
a city by them, and they are never shown as the city's name."""

from __future__ import annotations

import csv
import importlib.util
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from peyvand.core.text import search_key
from peyvand.network.atlas.importer.parse import load_world
from peyvand.network.atlas.importer.upsert import world_import
from peyvand.places.models import City
from peyvand.places.search import city_search

pytestmark = pytest.mark.django_db

SLICE = settings.BASE_DIR / "data" / "world-slice"

# Spellings only GeoNames gives (not in the hand-written city_alternate_names.csv).
GEONAMES_SPELLINGS = {
    "Constantinople": "gn:745044",  # Istanbul
    "Byzantium": "gn:745044",
    "اسطنبول": "gn:745044",  # the Arabic spelling
    "Pequim": "gn:1816670",  # Beijing, in Portuguese
    "بکین": "gn:1816670",
    "Tegeran": "gn:112931",  # Tehran
    "طهران": "gn:112931",  # the Arabic spelling
    "Moskwa": "gn:524901",  # Moscow
    "Petrohrad": "gn:498817",  # Saint Petersburg
    "Vindobona": "gn:2761369",  # Vienna
    "Monaco di Baviera": "gn:2867714",  # Munich
    "Mediolanum": "gn:3173435",  # Milan
    "Pozsony": "gn:3060972",  # Bratislava
    "لووف": "gn:702550",  # Lviv
}
# The hand-written ones keep working beside them.
HAND_SPELLINGS = {
    "Pressburg": "gn:3060972",
    "Lemberg": "gn:702550",
    "Saigon": "gn:1566083",
    "Kiev": "gn:703448",
    "Leningrad": "gn:498817",
}


def rows(name: str) -> set[tuple[str, str]]:
    with (SLICE / name).open(encoding="utf-8", newline="") as file:
        return {(row["code"], row["name"]) for row in csv.DictReader(file)}


@pytest.fixture
def world(db: Any) -> None:
    world_import(data=load_world(SLICE))


def test_search_finds_cities_by_their_geonames_spellings(world: None) -> None:
    geonames, hand = rows("city_alternate_names_geonames.csv"), rows("city_alternate_names.csv")
    for spelling, code in GEONAMES_SPELLINGS.items():
        assert (code, spelling) in geonames and (code, spelling) not in hand, spelling
    found = {q: city_search(q, limit=3)[0].code for q in {**GEONAMES_SPELLINGS, **HAND_SPELLINGS}}
    assert found == {**GEONAMES_SPELLINGS, **HAND_SPELLINGS}


def test_the_hand_written_spellings_come_first_and_both_files_are_read(world: None) -> None:
    kyiv = City.objects.get(code="gn:703448").search_aliases.split("\n")
    assert kyiv[:2] == ["Kiev", "Kyjiw"]  # city_alternate_names.csv, in its order
    assert "Kijev" in kyiv  # GeoNames
    assert len(kyiv) == len(set(kyiv))


def test_no_alternate_spelling_is_ever_shown_as_a_name(world: None, client: Client) -> None:
    geonames: dict[str, set[str]] = {}
    for code, name in rows("city_alternate_names_geonames.csv"):
        geonames.setdefault(code, set()).add(search_key(name))
    cities = City.objects.exclude(search_aliases="")
    assert cities.count() > 30
    for city in cities:
        aliases = set(city.search_aliases.split("\n"))
        for language in ("fa", "en"):
            with translation.override(language):
                shown = city.name
            assert shown not in aliases, (city.code, language)
            # GeoNames spellings differ from every trusted name even as search keys.
            assert search_key(shown) not in geonames.get(city.code, set()), (city.code, shown)
    # What a reader sees: the search results and the API name the city by its trusted
    # names (the query is typed in lower case, so the alias's own spelling never shows).
    fragment = client.get(
        "/en/world/search/", {"q": "constantinople"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "Istanbul" in fragment and "Constantinople" not in fragment
    items = client.get("/api/v1/cities", {"q": "vindobona"}).json()["items"]
    assert items[0]["id"] == "gn:2761369"
    assert "Vindobona" not in str(items)
    with translation.override("fa"):
        assert city_search("Byzantium")[0].name == "استانبول"


def make_alternate_names() -> Any:
    path = settings.BASE_DIR / "scripts" / "make_alternate_names.py"
    spec = importlib.util.spec_from_file_location("make_alternate_names", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_keeps_latin_and_persian_arabic_spellings_only() -> None:
    choose = make_alternate_names().choose
    alternates = [
        "BOM",  # an airport code
        "bmbyy",  # a machine transliteration
        "Бомбей",  # another script
        "बम्बई",
        "بَمبَے",  # an Urdu letter
        "Bombay 1",  # a digit
        "Mumbai",  # the city's own name
        "Numbai",  # another city's name
        "Bombáy",  # the same key as Bombay: the plain spelling is kept
        "Bombay",
        "Dakbayan sa Bombay",
        "ممبئي",
        "بمبئی",
        "Vomvai",
    ]
    own = {search_key("Mumbai"), search_key("بمبئی")}  # its names (Persian tier)
    taken = {search_key("Numbai")}
    kept = choose(alternates, own, taken)
    # Persian/Arabic script first (Arabic ي shown as Persian ی), then Latin, shorter first.
    assert kept == ["ممبئی", "Bombay", "Vomvai", "Dakbayan sa Bombay"]
    assert choose(alternates, own, taken, limit=2) == kept[:2]


def test_a_spelling_that_is_one_of_the_citys_own_names_is_not_kept(tmp_path: Any) -> None:
    """The reviewed names may grow after the alias files were written: an alias equal to a
    name (reviewed, or of the data) is dropped at import, not shown twice or refused."""
    from peyvand.network.atlas.importer.tiers import parse_aliases

    path = tmp_path / "aliases.csv"
    path.write_text("code,name\nx:1,Kiev\nx:1,کی‌یف\nx:1,KYIV\n", encoding="utf-8")
    cities: dict[str, dict[str, Any]] = {"x:1": {"name_en": "Kyiv", "name_fa": ""}}
    problems: list[Any] = []
    parse_aliases([path], problems, cities, {"x:1": ("کی‌یف", "exonym")})
    assert problems == []
    assert cities["x:1"]["search_aliases"] == "Kiev"
