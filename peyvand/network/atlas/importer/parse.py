"""Reading and validating the world files (pure: nothing is written).

`load_world` returns every problem with its file and line; `upsert.world_import` writes
the validated data.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from peyvand.core.text import normalize_display
from peyvand.places.models import City, Continent, Country

from ...models import Twinning
from .data import FILES, OPTIONAL, REQUIRED_COLUMNS, Problem, WorldData
from .reader import Reader, data_file, max_length
from .tiers import parse_aliases, parse_country_names, parse_reviewed_names

NAME_SOURCES = {"csc+geonames": "name_fa_shown", "csc": "name_fa_suggestion"}
_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


def parse_countries(path: Path, problems: list[Problem]) -> dict[str, dict[str, Any]]:
    reader = Reader(path.name, problems)
    continents = set(Continent.values)
    countries: dict[str, dict[str, Any]] = {}
    for row in reader.rows(path, REQUIRED_COLUMNS["countries"]):
        code = row["country_code"]
        if not _COUNTRY_CODE.match(code):
            reader.error(_("country code must be two capital letters: %(code)r") % {"code": code})
            continue
        if code in countries:
            reader.error(_("duplicate country %(code)s") % {"code": code})
            continue
        if not row["name_en"]:
            reader.error(_("country %(code)s has no English name") % {"code": code})
        continent = row.get("continent", "")
        if continent and continent not in continents:
            reader.error(_("unknown continent %(value)r") % {"value": continent})
            continent = ""
        countries[code] = {
            "iso3": reader.text(row, "iso3", 3),
            "name_en": reader.text(row, "name_en", max_length(Country, "name_en")),
            "name_fa": reader.text(row, "name_fa", max_length(Country, "name_fa")),
            "capital": reader.text(row, "capital", max_length(Country, "capital")),
            "population": reader.integer(row, "population"),
            "continent": continent,
        }
    return countries


def parse_cities(
    path: Path, problems: list[Problem], countries: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    reader = Reader(path.name, problems)
    cities: dict[str, dict[str, Any]] = {}
    lengths = {
        name: max_length(City, name)
        for name in (
            "code",
            "wikidata_qid",
            "name_en",
            "name_geonames",
            "name_native",
            "name_fa",
            "name_fa_source",
            "name_fa_candidate",
            "sources",
            "match_method",
            "attributes_from",
            "other_qids",
        )
    }
    for row in reader.rows(path, REQUIRED_COLUMNS["cities"]):
        code = row["id"]
        if not code:
            reader.error(_("empty city id"))
            continue
        if len(code) > lengths["code"]:
            reader.error(_("city id longer than %(max)s characters") % {"max": lengths["code"]})
            continue
        if code in cities:
            reader.error(_("duplicate city id %(code)s") % {"code": code})
            continue
        if not row["name_en"]:
            reader.error(_("city %(code)s has no English name") % {"code": code})
        country = row["country_code"]
        if country and country not in countries:
            reader.error(
                _("unknown country code %(country)r for city %(code)s")
                % {"country": country, "code": code}
            )
        lat = reader.coordinate(row, "lat", 90.0)
        lon = reader.coordinate(row, "lon", 180.0)
        if (row["lat"] == "") != (row["lon"] == ""):
            reader.error(_("city %(code)s has only one of lat and lon") % {"code": code})
        reader.integer(row, "degree")
        cities[code] = {
            "wikidata_qid": reader.text(row, "wikidata_qid", lengths["wikidata_qid"]),
            "geonames_id": reader.integer(row, "geonames_id", minimum=1),
            "name_en": reader.text(row, "name_en", lengths["name_en"]),
            "name_geonames": reader.text(row, "name_geonames", lengths["name_geonames"]),
            "name_native": reader.text(row, "name_native", lengths["name_native"]),
            "name_fa": normalize_display(reader.text(row, "name_fa", lengths["name_fa"])),
            "name_fa_source": reader.text(row, "name_fa_source", lengths["name_fa_source"]),
            "name_fa_shown": "",
            "name_fa_suggestion": "",
            "name_fa_candidate": normalize_display(
                reader.text(row, "name_fa_candidate", lengths["name_fa_candidate"])
            ),
            "country_code": country,
            "lat": lat,
            "lon": lon,
            "population": reader.integer(row, "population") or None,
            "degree": 0,
            "sources": reader.text(row, "source", lengths["sources"]),
            "match_method": reader.text(row, "match_method", lengths["match_method"]),
            "attributes_from": reader.text(row, "attributes_from", lengths["attributes_from"]),
            "other_qids": reader.text(row, "other_qids", lengths["other_qids"]),
            "names_in_sources": row.get("names_in_sources", ""),
            "search_aliases": "",
        }
    return cities


def parse_city_names(
    path: Path, problems: list[Problem], cities: dict[str, dict[str, Any]]
) -> None:
    """Adds the csc+geonames (shown) and csc (review only) Persian names to `cities`."""
    reader = Reader(path.name, problems)
    seen: set[tuple[str, str]] = set()
    limit = max_length(City, "name_fa_shown")
    for row in reader.rows(path, REQUIRED_COLUMNS["names"]):
        code, source = row["id"], row["source"]
        if code not in cities:
            reader.error(_("unknown city id %(code)s") % {"code": code})
            continue
        if source not in NAME_SOURCES:
            reader.error(_("unknown name source %(source)r") % {"source": source})
            continue
        if not row["name_fa"]:
            reader.error(_("empty Persian name for %(code)s") % {"code": code})
            continue
        if (code, source) in seen:
            reader.error(
                _("duplicate name for %(code)s from %(source)s") % {"code": code, "source": source}
            )
            continue
        seen.add((code, source))
        cities[code][NAME_SOURCES[source]] = normalize_display(reader.text(row, "name_fa", limit))


def parse_twinnings(
    path: Path, problems: list[Problem], cities: dict[str, dict[str, Any]]
) -> dict[tuple[str, str], dict[str, Any]]:
    reader = Reader(path.name, problems)
    links: dict[tuple[str, str], dict[str, Any]] = {}
    first_line: dict[tuple[str, str], int] = {}
    kind_max = max_length(Twinning, "kind")
    sources_max = max_length(Twinning, "sources")
    for row in reader.rows(path, REQUIRED_COLUMNS["twinnings"]):
        a, b = row["city_a_id"], row["city_b_id"]
        bad = False
        for code in (a, b):
            if code not in cities:
                reader.error(_("link to unknown city %(code)r") % {"code": code})
                bad = True
        if a == b:
            reader.error(_("self-link of %(code)s") % {"code": a})
            continue
        pair = (a, b) if a < b else (b, a)
        if pair in links or pair in first_line:
            reader.error(
                _("duplicate link %(a)s – %(b)s (first on line %(line)s)")
                % {"a": pair[0], "b": pair[1], "line": first_line[pair]}
            )
            continue
        first_line[pair] = reader.line
        year = reader.integer(row, "year", minimum=1, maximum=9999)
        n_sources = reader.integer(row, "n_sources", minimum=1, maximum=100)
        sources = reader.text(row, "source", sources_max)
        if bad:
            continue
        links[pair] = {
            "kind": reader.text(row, "kind", kind_max),
            "year": year,
            "sources": sources,
            "n_sources": n_sources or max(1, len([s for s in sources.split(";") if s])),
        }
    return links


def load_world(data_dir: Path) -> WorldData:
    """Read and validate the four files; `problems` lists every bad row."""
    data = WorldData()
    paths: dict[str, Path | None] = {key: data_file(data_dir, name) for key, name in FILES.items()}
    for key in FILES:
        if paths[key] is None and key not in OPTIONAL:
            data.problems.append(
                Problem(FILES[key], 0, _("file not found in %(dir)s") % {"dir": data_dir})
            )
    if data.problems:
        return data
    assert paths["countries"] and paths["cities"] and paths["twinnings"]
    data.countries = parse_countries(paths["countries"], data.problems)
    if paths["country_names"] is not None:
        parse_country_names(paths["country_names"], data.problems, data.countries)
    data.cities = parse_cities(paths["cities"], data.problems, data.countries)
    if paths["names"] is not None:
        parse_city_names(paths["names"], data.problems, data.cities)
    if paths["reviewed"] is not None:
        data.reviewed = parse_reviewed_names(paths["reviewed"], data.problems, data.cities)
    # The hand-written spellings first, then those scripts/make_alternate_names.py took
    # from GeoNames: one list per city, duplicates dropped.
    aliases = [paths[key] for key in ("aliases", "geonames_aliases")]
    parse_aliases([path for path in aliases if path], data.problems, data.cities, data.reviewed)
    data.links = parse_twinnings(paths["twinnings"], data.problems, data.cities)
    _derive_counts(data)
    return data


def _derive_counts(data: WorldData) -> None:
    """City.degree and Country.cities_in_network from the links themselves."""
    degree: Counter[str] = Counter()
    for a, b in data.links:
        degree[a] += 1
        degree[b] += 1
    in_network: Counter[str] = Counter()
    for code, city in data.cities.items():
        city["degree"] = degree[code]
        if city["degree"] and city["country_code"]:
            in_network[city["country_code"]] += 1
    for code, country in data.countries.items():
        country["cities_in_network"] = in_network[code]
