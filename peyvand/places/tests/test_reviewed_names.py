"""The reviewed Persian names shipped with the product (data/world/city_names_fa_reviewed.csv)
and how they are confirmed (places.services.city_names_ship)."""

from __future__ import annotations

import csv
import gzip
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from peyvand.accounts.tests.factories import make_user
from peyvand.core.text import normalize_display, persian_sort_key
from peyvand.places.models import CityNameReview, ReviewAction
from peyvand.places.search import city_search
from peyvand.places.services import city_name_confirm, city_names_ship
from peyvand.places.tests.factories import make_city

WORLD = Path(settings.BASE_DIR) / "data" / "world"
# Persian letters, ZWNJ, space, Persian digits and the few marks a name may carry.
LETTERS = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0\u0622"
PERSIAN_NAME = re.compile(f"^[{LETTERS}\u200c\u06f0-\u06f9 .()-]+$")


def read(name: str) -> list[dict[str, str]]:
    path = WORLD / name
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))


def test_every_reviewed_row_is_well_formed() -> None:
    rows = read("city_names_fa_reviewed.csv")
    cities = {row["id"]: row for row in read("cities.csv.gz")}
    candidates: dict[str, set[str]] = {}
    for code, city in cities.items():
        candidates.setdefault(code, set()).add(normalize_display(city["name_fa_candidate"]))
    for row in read("city_names_fa.csv.gz"):
        candidates.setdefault(row["id"], set()).add(normalize_display(row["name_fa"]))
    assert len(rows) >= 450
    assert len({row["code"] for row in rows}) == len(rows), "a city twice"
    for row in rows:
        code, name, basis = row["code"], row["name_fa"], row["basis"]
        assert code in cities, code
        assert PERSIAN_NAME.match(name), (code, name)
        assert not re.search("[A-Za-z0-9]", name), (code, name)
        assert name == normalize_display(name), (code, name)  # no ي/ك, no double spaces
        assert basis in {"candidate", "exonym"}, (code, basis)
        # "candidate": one of the shared data's candidate names, confirmed as it stands.
        assert (basis == "candidate") == (name in candidates[code]), (code, name, basis)
        # Only where the data has no name fit to show (the tier order shows those first).
        assert not cities[code]["name_fa"], code


def test_iranian_cities_all_have_a_name() -> None:
    reviewed = {row["code"] for row in read("city_names_fa_reviewed.csv")}
    shown = {row["id"] for row in read("city_names_fa.csv.gz") if row["source"] == "csc+geonames"}
    iranian = [row for row in read("cities.csv.gz") if row["country_code"] == "IR"]
    unnamed = [r["id"] for r in iranian if not (r["name_fa"] or r["id"] in shown | reviewed)]
    assert unnamed == []


def test_the_historical_countries_have_persian_names() -> None:
    names = {row["country_code"]: row["name_fa"] for row in read("country_names_fa_reviewed.csv")}
    countries = {row["country_code"]: row["name_fa"] for row in read("countries.csv.gz")}
    assert {code for code, name in countries.items() if not name} == set(names)
    assert all(PERSIAN_NAME.match(name) for name in names.values())


@pytest.mark.django_db
def test_shipping_confirms_the_names_as_reviews() -> None:
    konya = make_city("Konya", code="gn:306571")
    sanaa = make_city("Sanaa", code="gn:71137", name_fa_candidate="صنعاء")
    changed = city_names_ship(
        names={"gn:306571": ("قونیه", "exonym"), "gn:71137": ("صنعا", "candidate")}
    )
    assert sorted(changed) == sorted([konya.pk, sanaa.pk])
    konya.refresh_from_db()
    assert konya.name_fa_confirmed == "قونیه"
    assert [c.code for c in city_search("قونیه")] == ["gn:306571"]
    actions = dict(CityNameReview.objects.values_list("city_code", "action"))
    assert actions == {
        "gn:306571": ReviewAction.SHIPPED_EXONYM,
        "gn:71137": ReviewAction.SHIPPED_CANDIDATE,
    }
    assert city_names_ship(names={"gn:306571": ("قونیه", "exonym")}) == []  # nothing new


@pytest.mark.django_db
def test_a_persons_review_stands() -> None:
    city = make_city("Konya", code="gn:306571")
    city_name_confirm(city=city, name="کونیا", reviewer=make_user("reviewer"))
    assert city_names_ship(names={"gn:306571": ("قونیه", "exonym")}) == []
    city.refresh_from_db()
    assert city.name_fa_confirmed == "کونیا"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "basis"), [("Konya", "exonym"), ("قونیه", "guess"), ("", "candidate")]
)
def test_shipping_refuses_a_bad_row(name: str, basis: str) -> None:
    make_city("Konya", code="gn:306571")
    with pytest.raises(ValidationError):
        city_names_ship(names={"gn:306571": (name, basis)})


def test_persian_sort_key_follows_the_alphabet() -> None:
    words = ["یمن", "پاکستان", "ژاپن", "آلمان", "گرجستان", "کانادا", "چین", "ایران", "بحرین"]
    assert sorted(words, key=persian_sort_key) == [
        "آلمان",
        "ایران",
        "بحرین",
        "پاکستان",
        "چین",
        "ژاپن",
        "کانادا",
        "گرجستان",
        "یمن",
    ]
    # و before ه; a space before any letter.
    korea = ["کره شمالی", "کره جنوبی", "کرواسی"]
    assert sorted(korea, key=persian_sort_key) == ["کرواسی", "کره جنوبی", "کره شمالی"]
