"""Names a Persian reader knows, after importing the test slice (data/world-slice/):
the reviewed Persian names shown, other spellings and Persian names found by search,
countries named and listed in Persian."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.conf import settings
from django.utils import translation

from peyvand.network.atlas.importer.data import ImportReport
from peyvand.network.atlas.importer.parse import load_world
from peyvand.network.atlas.importer.upsert import world_import
from peyvand.network.atlas.selectors import country_partner_countries
from peyvand.places.forms import CountryField, SearchForm
from peyvand.places.models import City, CityNameReview, Country, ReviewAction
from peyvand.places.search import city_search
from peyvand.places.selectors import countries_by_name

pytestmark = pytest.mark.django_db

SLICE = settings.BASE_DIR / "data" / "world-slice"

# What a Persian reader expects to read, as Persian Wikipedia titles these cities.
EXPECTED = {
    "gn:1816670": "پکن",  # Beijing
    "gn:3451190": "ریودوژانیرو",  # Rio de Janeiro
    "gn:498817": "سن‌پترزبورگ",  # Saint Petersburg
    "gn:3128760": "بارسلون",  # Barcelona
    "gn:1176615": "اسلام‌آباد",  # Islamabad
    "gn:1792947": "تیانجین",  # Tianjin
    "gn:306571": "قونیه",  # Konya
    "gn:71137": "صنعا",  # Sanaa
    "gn:3469058": "برازیلیا",  # Brasília
    "gn:128321": "کازرون",  # Kazerun
    "gn:141653": "بندر ترکمن",  # Bandar-e Torkaman
    "gn:2911298": "هامبورگ",  # Hamburg
    "gn:2867714": "مونیخ",  # Munich
    "gn:3173435": "میلان",  # Milan
    "gn:3164603": "ونیز",  # Venice
    "gn:3176959": "فلورانس",  # Florence
    "gn:551487": "کازان",  # Kazan
    "gn:1790630": "شی‌آن",  # Xi'an
    "gn:314830": "غازی‌عینتاب",  # Gaziantep
    "gn:738648": "ترابزون",  # Trabzon
    "gn:94824": "کربلا",  # Karbala
    "gn:315368": "ارزروم",  # Erzurum
    "gn:1275339": "بمبئی",  # Mumbai
    "gn:267008": "صور",  # Tyre
    "gn:1221194": "کولاب",  # Kulob
    "gn:128476": "کاشان",  # Kashan
    "gn:115770": "شهرکرد",  # Shahr-e Kord
    "gn:118367": "رباط‌کریم",  # Robat Karim
    "gn:13405749": "نسیم‌شهر",  # Nasimshahr
    "gn:112931": "تهران",  # Tehran (CLDR)
    "gn:703448": "کیف",  # Kyiv (CLDR; کی‌یف finds it too)
    "gn:524901": "مسکو",  # Moscow (CLDR)
}


def import_slice() -> ImportReport:
    # The service itself: the command's world_imported signal would fit the recommender.
    return world_import(data=load_world(SLICE))


@pytest.fixture
def world(db: Any) -> None:
    report = import_slice()
    assert report.reviewed_names == len(load_world(SLICE).reviewed) > 150


def test_well_known_cities_show_their_persian_names(world: None) -> None:
    cities = City.objects.in_bulk(list(EXPECTED), field_name="code")
    with translation.override("fa"):
        shown = {code: cities[code].name for code in EXPECTED if code in cities}
    assert shown == EXPECTED


def test_english_pages_keep_the_english_names(world: None) -> None:
    with translation.override("en"):
        assert City.objects.get(code="gn:1816670").name == "Beijing"


def test_reviewed_names_are_recorded_as_reviews_with_their_basis(world: None) -> None:
    beijing = CityNameReview.objects.get(city_code="gn:1816670")
    assert (beijing.name, beijing.action, beijing.reviewer) == (
        "پکن",
        ReviewAction.SHIPPED_CANDIDATE,  # the csc name of the shared data, confirmed
        None,
    )
    petersburg = CityNameReview.objects.get(city_code="gn:498817")
    assert petersburg.action == ReviewAction.SHIPPED_EXONYM
    assert City.objects.get(code="gn:498817").name_fa_confirmed == "سن‌پترزبورگ"


def test_a_second_import_changes_nothing(world: None) -> None:
    reviews = CityNameReview.objects.count()
    report = import_slice()
    assert (report.changed, report.reviewed_names) == (0, 0)
    assert CityNameReview.objects.count() == reviews


def test_a_name_a_person_confirmed_survives_the_shipped_one(world: None) -> None:
    City.objects.filter(code="gn:306571").update(name_fa_confirmed="کونیا")
    CityNameReview.objects.create(city_code="gn:306571", name="کونیا", action=ReviewAction.TYPED)
    import_slice()
    assert City.objects.get(code="gn:306571").name_fa_confirmed == "کونیا"


def codes(query: str) -> list[str]:
    return [city.code for city in city_search(query, limit=5)]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Hamburg", "gn:2911298"),  # before Berlin's Mitte ("Mitte (Hamburg)" in its sources)
        ("هامبورگ", "gn:2911298"),
        ("قونیه", "gn:306571"),
        ("تیانجین", "gn:1792947"),
        ("کی‌یف", "gn:703448"),
        ("کی یف", "gn:703448"),
        ("Kiev", "gn:703448"),
        ("Kyiv", "gn:703448"),
        ("Peking", "gn:1816670"),
        ("پکن", "gn:1816670"),
        ("Leningrad", "gn:498817"),
        ("سن‌پترزبورگ", "gn:498817"),
        ("Bombay", "gn:1275339"),
        ("Muenchen", "gn:2867714"),
        ("ریو دو ژانیرو", "gn:3451190"),
    ],
)
def test_search_finds_the_city_first(world: None, query: str, code: str) -> None:
    assert codes(query)[0] == code


def test_other_spellings_are_never_shown(world: None) -> None:
    kyiv = City.objects.get(code="gn:703448")
    assert "Kiev" in kyiv.search_aliases
    with translation.override("fa"):
        assert kyiv.name == "کیف"
    with translation.override("en"):
        assert kyiv.name == "Kyiv"


def test_every_country_has_a_persian_name(world: None) -> None:
    assert not Country.objects.filter(name_fa="").exists()
    assert Country.objects.get(code="AN").name_fa == "آنتیل هلند"
    assert Country.objects.get(code="CS").name_fa == "صربستان و مونته‌نگرو"


def country_labels() -> list[str]:
    field = SearchForm().fields["country"]
    assert isinstance(field, CountryField)
    return [str(label) for value, label in field.iterator(field) if value]


def test_persian_country_lists_follow_the_persian_alphabet(world: None) -> None:
    with translation.override("fa"):
        names = [c.name_fa for c in countries_by_name(Country.objects.all())]
        labels = country_labels()
    # Unicode order would put پاکستان after یمن and ژاپن after ونزوئلا.
    assert names.index("ایران") < names.index("پاکستان") < names.index("ترکیه")
    assert names.index("روسیه") < names.index("ژاپن") < names.index("سوئد")
    assert names.index("کانادا") < names.index("گرجستان") < names.index("لبنان")
    assert names.index("ونزوئلا") < names.index("یمن") == len(names) - 1 - names[::-1].index("یمن")
    assert labels == names
    with translation.override("en"):
        english = country_labels()
    assert english == sorted(english, key=str.casefold)


def test_partner_countries_with_as_many_links_sort_by_persian_name(world: None) -> None:
    iran = Country.objects.get(code="IR")
    with translation.override("fa"):
        rows = country_partner_countries(iran)
    for before, after in itertools.pairwise(rows):
        if before.links == after.links and before.country and after.country:
            with translation.override("fa"):
                assert countries_by_name([after.country, before.country])[0] == before.country
