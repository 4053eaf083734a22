"""The world import: countries, cities and the public sister-city network from CSV.

Two halves. Pure functions read and validate the files (`load_world`) and return every
problem with its file and line; nothing is written then. One service (`world_import`)
upserts the validated data in a single transaction: rows that did not change are left
alone (a second run reports "0 changed"), rows missing from the data are listed and
deleted only with `prune`, and never while something (an office's home city, ...) still
refers to them.

File layout and meaning: data/world/README.md.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from peyvand.core.text import normalize_display
from peyvand.places.models import City, CityNameReview, Continent, Country
from peyvand.places.search import city_names_rebuild, city_search_text

from .models import Twinning

FILES = {
    "countries": "countries.csv",
    "cities": "cities.csv",
    "names": "city_names_fa.csv",
    "twinnings": "twinnings.csv",
}
REQUIRED_COLUMNS = {
    "countries": ["country_code", "name_en"],
    "cities": ["id", "name_en", "country_code", "lat", "lon"],
    "names": ["id", "name_fa", "source"],
    "twinnings": ["city_a_id", "city_b_id"],
}
NAME_SOURCES = {"csc+geonames": "name_fa_shown", "csc": "name_fa_suggestion"}
BATCH = 1000

# City fields written by the import (the others: confirmed names, hand-added marks,
# are the reviewers' and survive every re-import).
CITY_FIELDS = [
    "wikidata_qid",
    "geonames_id",
    "name_en",
    "name_geonames",
    "name_native",
    "name_fa",
    "name_fa_source",
    "name_fa_shown",
    "name_fa_suggestion",
    "name_fa_candidate",
    "country_id",
    "lat",
    "lon",
    "population",
    "degree",
    "sources",
    "match_method",
    "attributes_from",
    "other_qids",
    "names_in_sources",
    "search_text",
]
COUNTRY_FIELDS = [
    "iso3",
    "name_en",
    "name_fa",
    "capital",
    "population",
    "continent",
    "cities_in_network",
]
TWINNING_FIELDS = ["kind", "year", "sources", "n_sources"]

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class WorldData:
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    cities: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)
    missing_pks: list[int] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # missing, but something refers to them

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.deleted


@dataclass
class ImportReport:
    countries: Counts = field(default_factory=Counts)
    cities: Counts = field(default_factory=Counts)
    links: Counts = field(default_factory=Counts)
    protected: list[str] = field(default_factory=list)  # explanations of kept rows

    @property
    def changed(self) -> int:
        return self.countries.changed + self.cities.changed + self.links.changed


# ---------------------------------------------------------------------------
# Reading and validation (pure: no database)


def data_file(data_dir: Path, name: str) -> Path | None:
    """The file `name` in data_dir, preferring the gzip copy (name.gz)."""
    for candidate in (data_dir / f"{name}.gz", data_dir / name):
        if candidate.is_file():
            return candidate
    return None


def read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each record; line numbers count the header as line 1."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    header = [h.strip() for h in header]
    yield 1, {"__header__": ",".join(header)}
    start = reader.line_num + 1
    for row in reader:
        if not row or (len(row) == 1 and not row[0].strip()):
            start = reader.line_num + 1
            continue
        if len(row) != len(header):
            yield start, {"__bad_width__": str(len(row)), "__expected__": str(len(header))}
        else:
            yield start, dict(zip(header, (value.strip() for value in row), strict=True))
        start = reader.line_num + 1


class _Reader:
    """Collects problems for one file while its rows are parsed."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems
        self.line = 0

    def error(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.name, self.line if line is None else line, message))

    def rows(self, path: Path, required: list[str]) -> Iterator[dict[str, str]]:
        for line, row in read_csv(path):
            self.line = line
            if "__header__" in row:
                columns = row["__header__"].split(",")
                missing = [c for c in required if c not in columns]
                if missing:
                    self.error(
                        _("missing column(s): %(columns)s") % {"columns": ", ".join(missing)}
                    )
                    return
                continue
            if "__bad_width__" in row:
                self.error(
                    _("expected %(expected)s fields, found %(found)s")
                    % {"expected": row["__expected__"], "found": row["__bad_width__"]}
                )
                continue
            yield row

    def integer(
        self, row: dict[str, str], column: str, *, minimum: int = 0, maximum: int | None = None
    ) -> int | None:
        value = row.get(column, "")
        if value == "":
            return None
        try:
            number = int(value)
        except ValueError:
            self.error(
                _("%(column)s is not a whole number: %(value)r")
                % {"column": column, "value": value}
            )
            return None
        if number < minimum or (maximum is not None and number > maximum):
            self.error(_("%(column)s out of range: %(value)s") % {"column": column, "value": value})
            return None
        return number

    def coordinate(self, row: dict[str, str], column: str, limit: float) -> float | None:
        value = row.get(column, "")
        if value == "":
            return None
        try:
            number = float(value)
        except ValueError:
            self.error(
                _("%(column)s is not a number: %(value)r") % {"column": column, "value": value}
            )
            return None
        if not math.isfinite(number) or not -limit <= number <= limit:
            self.error(
                _("%(column)s out of range (-%(limit)s to %(limit)s): %(value)s")
                % {"column": column, "value": value, "limit": int(limit)}
            )
            return None
        return number

    def text(self, row: dict[str, str], column: str, max_length: int) -> str:
        value = row.get(column, "")
        if len(value) > max_length:
            self.error(
                _("%(column)s is longer than %(max)s characters")
                % {"column": column, "max": max_length}
            )
            return value[:max_length]
        return value


def _max_length(model: type[models.Model], name: str) -> int:
    return int(model._meta.get_field(name).max_length or 0)  # type: ignore[union-attr]


def parse_countries(path: Path, problems: list[Problem]) -> dict[str, dict[str, Any]]:
    reader = _Reader(path.name, problems)
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
            "name_en": reader.text(row, "name_en", _max_length(Country, "name_en")),
            "name_fa": reader.text(row, "name_fa", _max_length(Country, "name_fa")),
            "capital": reader.text(row, "capital", _max_length(Country, "capital")),
            "population": reader.integer(row, "population"),
            "continent": continent,
        }
    return countries


def parse_cities(
    path: Path, problems: list[Problem], countries: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    reader = _Reader(path.name, problems)
    cities: dict[str, dict[str, Any]] = {}
    lengths = {
        name: _max_length(City, name)
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
        }
    return cities


def parse_city_names(
    path: Path, problems: list[Problem], cities: dict[str, dict[str, Any]]
) -> None:
    """Adds the csc+geonames (shown) and csc (review only) Persian names to `cities`."""
    reader = _Reader(path.name, problems)
    seen: set[tuple[str, str]] = set()
    max_length = _max_length(City, "name_fa_shown")
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
        cities[code][NAME_SOURCES[source]] = normalize_display(
            reader.text(row, "name_fa", max_length)
        )


def parse_twinnings(
    path: Path, problems: list[Problem], cities: dict[str, dict[str, Any]]
) -> dict[tuple[str, str], dict[str, Any]]:
    reader = _Reader(path.name, problems)
    links: dict[tuple[str, str], dict[str, Any]] = {}
    first_line: dict[tuple[str, str], int] = {}
    kind_max = _max_length(Twinning, "kind")
    sources_max = _max_length(Twinning, "sources")
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
    for key in ("countries", "cities", "twinnings"):
        if paths[key] is None:
            data.problems.append(
                Problem(FILES[key], 0, _("file not found in %(dir)s") % {"dir": data_dir})
            )
    if data.problems:
        return data
    assert paths["countries"] and paths["cities"] and paths["twinnings"]
    data.countries = parse_countries(paths["countries"], data.problems)
    data.cities = parse_cities(paths["cities"], data.problems, data.countries)
    if paths["names"] is not None:
        parse_city_names(paths["names"], data.problems, data.cities)
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


# ---------------------------------------------------------------------------
# Writing


def _protected_references(model: type[models.Model], pks: Iterable[int]) -> dict[int, list[str]]:
    """pk -> descriptions of rows that refer to it through an on_delete=PROTECT key."""
    pks = list(pks)
    found: dict[int, list[str]] = defaultdict(list)
    if not pks:
        return found
    for rel in model._meta.related_objects:
        if getattr(rel, "on_delete", None) is not models.PROTECT:
            continue
        related = rel.related_model
        fk_name = rel.field.name
        for start in range(0, len(pks), BATCH):
            chunk = pks[start : start + BATCH]
            rows = related._default_manager.filter(**{f"{fk_name}__in": chunk})
            for obj in rows:
                target = getattr(obj, rel.field.attname)
                found[target].append(f"{related._meta.verbose_name} «{obj}»")
    return found


def _upsert_countries(data: WorldData, counts: Counts) -> dict[str, int]:
    existing = {c.code: c for c in Country.objects.all()}
    new, changed = [], []
    for code, values in data.countries.items():
        current = existing.get(code)
        if current is None:
            new.append(Country(code=code, **values))
            continue
        if any(getattr(current, f) != values[f] for f in COUNTRY_FIELDS):
            for f in COUNTRY_FIELDS:
                setattr(current, f, values[f])
            changed.append(current)
        else:
            counts.unchanged += 1
    Country.objects.bulk_create(new, batch_size=BATCH)
    Country.objects.bulk_update(changed, COUNTRY_FIELDS, batch_size=BATCH)
    counts.created, counts.updated = len(new), len(changed)
    counts.missing = sorted(set(existing) - set(data.countries))
    return dict(Country.objects.values_list("code", "pk"))


def _city_values(
    values: dict[str, Any], country_ids: dict[str, int], confirmed: str
) -> dict[str, Any]:
    row = {f: values[f] for f in CITY_FIELDS if f in values}
    row["country_id"] = country_ids.get(values["country_code"]) if values["country_code"] else None
    row["search_text"] = city_search_text({**row, "name_fa_confirmed": confirmed})
    return row


def _upsert_cities(
    data: WorldData, country_ids: dict[str, int], counts: Counts, tick: Callable[[int], None]
) -> tuple[dict[str, int], list[int]]:
    """Returns (code -> pk for every city, pks whose search keys must be rebuilt)."""
    columns = ["pk", "code", "name_fa_confirmed", "added_by_hand", *CITY_FIELDS]
    existing = {row[1]: row for row in City.objects.values_list(*columns)}
    restored = _confirmed_names_for(set(data.cities) - set(existing))
    new: list[City] = []
    changed: list[City] = []
    for code, values in data.cities.items():
        current = existing.get(code)
        if current is None:
            confirmed = restored.get(code, "")
            row = _city_values(values, country_ids, confirmed)
            new.append(City(code=code, name_fa_confirmed=confirmed, **row))
        else:
            row = _city_values(values, country_ids, current[2])
            if tuple(row[f] for f in CITY_FIELDS) != tuple(current[4:]):
                changed.append(City(pk=current[0], code=code, **row))
            else:
                counts.unchanged += 1
    for start in range(0, len(new), BATCH):
        City.objects.bulk_create(new[start : start + BATCH], batch_size=BATCH)
        tick(len(new[start : start + BATCH]))
    for start in range(0, len(changed), BATCH):
        City.objects.bulk_update(changed[start : start + BATCH], CITY_FIELDS, batch_size=BATCH)
        tick(len(changed[start : start + BATCH]))
    counts.created, counts.updated = len(new), len(changed)
    counts.missing = sorted(
        code for code, row in existing.items() if code not in data.cities and not row[3]
    )
    ids = dict(City.objects.values_list("code", "pk"))
    rebuild = [ids[c.code] for c in new] + [c.pk for c in changed]
    return ids, rebuild


def _confirmed_names_for(codes: set[str]) -> dict[str, str]:
    """Latest confirmed name per city code (for cities coming back after a prune)."""
    if not codes:
        return {}
    names: dict[str, str] = {}
    reviews = (
        CityNameReview.objects.filter(city_code__in=codes)
        .exclude(name="")
        .order_by("created_at", "pk")
    )
    for code, name in reviews.values_list("city_code", "name"):
        names[code] = name
    return names


def _upsert_links(
    data: WorldData, city_ids: dict[str, int], counts: Counts, tick: Callable[[int], None]
) -> None:
    existing = {
        (row[1], row[2]): row
        for row in Twinning.objects.values_list("pk", "city_a_id", "city_b_id", *TWINNING_FIELDS)
    }
    wanted: set[tuple[int, int]] = set()
    new: list[Twinning] = []
    changed: list[Twinning] = []
    for (a, b), values in data.links.items():
        pa, pb = city_ids[a], city_ids[b]
        key = (pa, pb) if pa < pb else (pb, pa)
        wanted.add(key)
        current = existing.get(key)
        if current is None:
            new.append(Twinning(city_a_id=key[0], city_b_id=key[1], **values))
        elif tuple(values[f] for f in TWINNING_FIELDS) != tuple(current[3:]):
            changed.append(Twinning(pk=current[0], city_a_id=key[0], city_b_id=key[1], **values))
        else:
            counts.unchanged += 1
    for start in range(0, len(new), BATCH):
        Twinning.objects.bulk_create(new[start : start + BATCH], batch_size=BATCH)
        tick(len(new[start : start + BATCH]))
    Twinning.objects.bulk_update(changed, TWINNING_FIELDS, batch_size=BATCH)
    counts.created, counts.updated = len(new), len(changed)
    missing_keys = sorted(set(existing) - wanted)
    codes = {pk: code for code, pk in city_ids.items()}
    counts.missing = [f"{codes.get(a, a)} – {codes.get(b, b)}" for a, b in missing_keys]
    counts.missing_pks = [existing[k][0] for k in missing_keys]


def _prune(
    model: type[models.Model],
    pks_by_label: dict[str, int],
    counts: Counts,
    report: ImportReport,
) -> None:
    protected = _protected_references(model, pks_by_label.values())
    deletable = []
    for label, pk in pks_by_label.items():
        if pk in protected:
            counts.kept.append(label)
            report.protected.append(
                _("%(row)s is not in the data but is kept: %(refs)s still refer(s) to it")
                % {"row": label, "refs": ", ".join(protected[pk])}
            )
        else:
            deletable.append(pk)
    for start in range(0, len(deletable), BATCH):
        chunk = deletable[start : start + BATCH]
        model._default_manager.filter(pk__in=chunk).delete()
    counts.deleted = len(deletable)


@transaction.atomic
def world_import(
    *,
    data: WorldData,
    prune: bool = False,
    progress: Callable[[str, int], Callable[[int], None]] | None = None,
) -> ImportReport:
    """Upsert validated world data in one transaction; see the module docstring."""
    if data.problems:
        raise ValueError("world_import needs data without problems")
    report = ImportReport()

    def noop(_n: int) -> None:
        return None

    def stage(name: str, total: int) -> Callable[[int], None]:
        return progress(name, total) if progress else noop

    country_ids = _upsert_countries(data, report.countries)
    city_ids, rebuild = _upsert_cities(
        data, country_ids, report.cities, stage(_("cities"), len(data.cities))
    )
    if rebuild:
        city_names_rebuild(city_ids=rebuild)
    _upsert_links(data, city_ids, report.links, stage(_("links"), len(data.links)))
    if prune:
        links = report.links
        link_pks = dict(zip(links.missing, links.missing_pks, strict=True))
        _prune(Twinning, link_pks, links, report)
        city_pks = {code: city_ids[code] for code in report.cities.missing}
        _prune(City, city_pks, report.cities, report)
        country_pks = {code: country_ids[code] for code in report.countries.missing}
        _prune(Country, country_pks, report.countries, report)
    return report
