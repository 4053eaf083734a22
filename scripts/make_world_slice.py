#!/usr/bin/env python3
"""Cut the test slice of the world data: data/world-slice/ from data/world/.

    .venv/bin/python scripts/make_world_slice.py [--data data/world] [--out data/world-slice]

The tests and browser journeys import this slice (`import_world --data data/world-slice`)
instead of the full copy; one test marked `slow` still imports the full copy
(peyvand/network/tests/test_import.py). Run this again whenever data/world changes.

What it keeps, all rows copied unchanged (same files, headers and quoting, so the real
importer reads them; output in the input's row order, so the result is deterministic):

- countries.csv: every country.
- cities.csv: the seed cities below (the ones the tests and journeys name), every city of
  Iran and Afghanistan, every partner of any of those (so each seed shows all its
  partners), and the partners of Tehran's partners (so every page one click away from
  Tehran's is complete too).
- twinnings.csv: every link whose two ends are both kept.
- city_names_fa.csv, city_names_fa_reviewed.csv, city_alternate_names.csv: the rows of the
  kept cities; country_names_fa_reviewed.csv: every row.
- city_alternate_names_geonames.csv (written plain, from the .gz): the rows of the seed
  cities and ALIAS_CITIES only (every kept city's would double the slice's import time).

The `degree` and `cities_in_network` columns keep their full-world values; the importer
derives both from the links it reads, so in the database they count the slice's links.
The cut fails if it comes out larger than MAX_CITIES.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("countries.csv", "cities.csv", "city_names_fa.csv", "twinnings.csv")
# The product's own tiers (data/world/README.md): rows of the kept cities, all countries.
CITY_TIERS = {"city_names_fa_reviewed.csv": "code", "city_alternate_names.csv": "code"}
# The GeoNames spellings (scripts/make_alternate_names.py): of the seeds and these only.
GEONAMES_ALIASES = "city_alternate_names_geonames.csv"
ALIAS_CITIES = {
    # the spellings the tests check (peyvand/network/tests/test_world_aliases.py)
    "gn:3060972": "Bratislava",
    "gn:702550": "Lviv",
    "gn:1566083": "Ho Chi Minh City",
}
COUNTRY_TIERS = ("country_names_fa_reviewed.csv",)
MAX_CITIES = 2000
TEHRAN = "gn:112931"
SEEDS = {
    TEHRAN: "Tehran",
    "gn:124665": "Mashhad",
    "gn:418863": "Isfahan",
    "gn:113646": "Tabriz",
    "gn:1138958": "Kabul",
    "gn:323786": "Ankara",
    "gn:745044": "Istanbul",
    "gn:524901": "Moscow",
    "gn:498817": "Saint Petersburg",
    "gn:625144": "Minsk",
    "gn:3553478": "Havana",
    "gn:2950159": "Berlin",
    "gn:2911298": "Hamburg",
    "gn:2761369": "Vienna",
    "gn:2988507": "Paris",
    "gn:2995469": "Marseille",
    "gn:2996944": "Lyon",
    "gn:3451190": "Rio de Janeiro",
    # the reviewed Persian names the tests check (peyvand/places/tests/test_reviewed_names.py)
    "gn:1816670": "Beijing",
    "gn:3128760": "Barcelona",
    "gn:1176615": "Islamabad",
    "gn:1792947": "Tianjin",
    "gn:306571": "Konya",
    "gn:71137": "Sanaa",
    "gn:3469058": "Brasília",
    "gn:703448": "Kyiv",
    "gn:2867714": "Munich",
    "gn:3173435": "Milan",
    "gn:1275339": "Mumbai",
}
SEED_COUNTRIES = {"IR", "AF"}


def read(data: Path, name: str) -> tuple[str, list[list[str]]]:
    """(line terminator, rows with the header first) of data/name or data/name.gz."""
    gz, plain = data / f"{name}.gz", data / name
    raw = gzip.decompress(gz.read_bytes()) if gz.is_file() else plain.read_bytes()
    text = raw.decode("utf-8")
    terminator = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    return terminator, list(csv.reader(io.StringIO(text, newline="")))


def write(out: Path, name: str, terminator: str, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator=terminator).writerows(rows)
    (out / name).write_text(buffer.getvalue(), encoding="utf-8", newline="")


def cut(data: Path) -> dict[str, tuple[str, list[list[str]]]]:
    files = (*FILES, *CITY_TIERS, GEONAMES_ALIASES, *COUNTRY_TIERS)
    tables = {name: read(data, name) for name in files}
    cities_header, *cities = tables["cities.csv"][1]
    links_header, *links = tables["twinnings.csv"][1]
    names_header, *names = tables["city_names_fa.csv"][1]
    code_at, country_at = cities_header.index("id"), cities_header.index("country_code")
    a_at, b_at = links_header.index("city_a_id"), links_header.index("city_b_id")

    known = {row[code_at] for row in cities}
    missing = sorted(set(SEEDS) - known)
    if missing:
        sys.exit(f"seed cities not in {data}: {', '.join(missing)}")
    partners: dict[str, set[str]] = defaultdict(set)
    for row in links:
        partners[row[a_at]].add(row[b_at])
        partners[row[b_at]].add(row[a_at])

    seeds = set(SEEDS) | {row[code_at] for row in cities if row[country_at] in SEED_COUNTRIES}
    keep = set(seeds)
    for code in seeds:
        keep |= partners[code]
    for code in partners[TEHRAN]:
        keep |= partners[code]
    if len(keep) > MAX_CITIES:
        sys.exit(f"the slice has {len(keep)} cities, more than {MAX_CITIES}")

    id_at = names_header.index("id")
    tiers: dict[str, tuple[str, list[list[str]]]] = {}
    for name, column in CITY_TIERS.items():
        terminator, (header, *rows) = tables[name]
        at = header.index(column)
        tiers[name] = (terminator, [header, *(row for row in rows if row[at] in keep)])
    missing = sorted(set(ALIAS_CITIES) - keep)
    if missing:
        sys.exit(f"ALIAS_CITIES not in the slice: {', '.join(missing)}")
    terminator, (header, *rows) = tables[GEONAMES_ALIASES]
    at, wanted = header.index("code"), set(SEEDS) | set(ALIAS_CITIES)
    tiers[GEONAMES_ALIASES] = (terminator, [header, *(row for row in rows if row[at] in wanted)])
    for name in COUNTRY_TIERS:
        tiers[name] = tables[name]
    return {
        **tiers,
        "countries.csv": tables["countries.csv"],
        "cities.csv": (
            tables["cities.csv"][0],
            [cities_header, *(row for row in cities if row[code_at] in keep)],
        ),
        "city_names_fa.csv": (
            tables["city_names_fa.csv"][0],
            [names_header, *(row for row in names if row[id_at] in keep)],
        ),
        "twinnings.csv": (
            tables["twinnings.csv"][0],
            [links_header, *(r for r in links if r[a_at] in keep and r[b_at] in keep)],
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "world")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "world-slice")
    args = parser.parse_args()
    tables = cut(args.data)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (terminator, rows) in tables.items():
        write(args.out, name, terminator, rows)
        print(f"{args.out / name}: {len(rows) - 1} rows")


if __name__ == "__main__":
    main()
