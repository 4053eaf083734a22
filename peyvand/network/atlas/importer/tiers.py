"""Reading the product's own name tiers (pure: nothing is written).

- city_names_fa_reviewed.csv (code, name_fa, basis): the reviewed Persian names shipped
  with the product; `upsert.world_import` confirms them through
  `places.services.city_names_ship`, recorded as a reviewer's confirmation is.
- city_alternate_names.csv (code, name): other common spellings and exonyms of a city
  (Kiev, Peking, ...), written by hand: search keys only (City.search_aliases), never shown.
- city_alternate_names_geonames.csv(.gz) (code, name): the same, taken from GeoNames'
  alternate names by scripts/make_alternate_names.py; read after the hand-written file.
- country_names_fa_reviewed.csv (country_code, name_fa): Persian names of countries the
  countries file leaves without one (historical entries).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from peyvand.core.text import normalize_display, search_key
from peyvand.places.models import City
from peyvand.places.services import clean_persian_name, clean_shipped_basis

from .data import REQUIRED_COLUMNS, Problem
from .reader import Reader, max_length


def _persian(reader: Reader, value: str) -> str | None:
    try:
        return clean_persian_name(value)
    except ValidationError as error:
        reader.error("; ".join(error.messages) + f" {value!r}")
        return None


def parse_reviewed_names(
    path: Path, problems: list[Problem], cities: dict[str, dict[str, Any]]
) -> dict[str, tuple[str, str]]:
    reader = Reader(path.name, problems)
    names: dict[str, tuple[str, str]] = {}
    for row in reader.rows(path, REQUIRED_COLUMNS["reviewed"]):
        code = row["code"]
        if code not in cities:
            reader.error(_("unknown city id %(code)s") % {"code": code})
            continue
        if code in names:
            reader.error(_("duplicate reviewed name for %(code)s") % {"code": code})
            continue
        name = _persian(reader, row["name_fa"])
        try:
            basis = clean_shipped_basis(row["basis"])
        except ValidationError as error:
            reader.error("; ".join(error.messages))
            continue
        if name is not None:
            names[code] = (name, basis)
    return names


OWN_NAMES = ("name_en", "name_fa", "name_fa_shown", "name_fa_suggestion", "name_fa_candidate")


def parse_aliases(
    paths: list[Path],
    problems: list[Problem],
    cities: dict[str, dict[str, Any]],
    reviewed: dict[str, tuple[str, str]] | None = None,
) -> None:
    """Sets cities[code]["search_aliases"]: the spellings of every file, in file order, one
    a line, each spelling once. A spelling that is one of the city's own names (the data's,
    or its reviewed Persian name) is left out: it is a name, not another spelling, and the
    alias files need no regenerating when the reviewed names grow."""
    reviewed = reviewed or {}
    limit = max_length(City, "name_en")
    aliases: dict[str, dict[str, None]] = {}
    for path in paths:
        reader = Reader(path.name, problems)
        for row in reader.rows(path, REQUIRED_COLUMNS["aliases"]):
            code, name = row["code"], normalize_display(reader.text(row, "name", limit))
            if code not in cities:
                reader.error(_("unknown city id %(code)s") % {"code": code})
                continue
            if not name or "\n" in name:
                reader.error(_("empty spelling for %(code)s") % {"code": code})
                continue
            aliases.setdefault(code, {})[name] = None
    for code, names in aliases.items():
        city = cities[code]
        own = {search_key(city.get(field) or "") for field in OWN_NAMES}
        own.add(search_key(reviewed.get(code, ("", ""))[0]))
        kept = [name for name in names if search_key(name) not in own]
        city["search_aliases"] = "\n".join(kept)


def parse_country_names(
    path: Path, problems: list[Problem], countries: dict[str, dict[str, Any]]
) -> None:
    """Sets the reviewed Persian name of the countries listed."""
    reader = Reader(path.name, problems)
    seen: set[str] = set()
    for row in reader.rows(path, REQUIRED_COLUMNS["country_names"]):
        code = row["country_code"]
        if code not in countries:
            reader.error(_("unknown country code %(code)r") % {"code": code})
            continue
        if code in seen:
            reader.error(_("duplicate country %(code)s") % {"code": code})
            continue
        seen.add(code)
        name = _persian(reader, row["name_fa"])
        if name is not None:
            countries[code]["name_fa"] = name
