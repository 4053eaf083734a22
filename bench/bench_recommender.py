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

from peyvand.network import graph  # noqa: E402
from peyvand.network.recommender import cities, evaluation, model  # noqa: E402
from peyvand.network.recommender.context import build_context, pair_structure  # noqa: E402
from peyvand.network.recommender.features import features  # noqa: E402


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
    capitals = {r["country_code"]: r["capital"] for r in country_rows}
    with _open(_find(data, "cities")) as fh:
        city_rows = list(csv.DictReader(fh))
    codes = [r["id"] for r in city_rows]
    index = {c: i for i, c in enumerate(codes)}
    city_country = np.array([cindex.get(r["country_code"], -1) for r in city_rows])
    lat = np.array([float(r["lat"]) if r["lat"] else np.nan for r in city_rows])
    lon = np.array([float(r["lon"]) if r["lon"] else np.nan for r in city_rows])
    pop = np.array([float(r["population"] or 0) for r in city_rows])
    capital = cities.capital_flags(
        [r["country_code"] for r in city_rows],
        [(r["name_en"], r["name_geonames"]) for r in city_rows],
        pop,
        capitals,
    )
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
    cut = int(len(ordered) * fraction)
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
        name_group=cities.name_groups(world.names),
    )


DATA = ROOT / "data" / "world"


def bench_suggestions(net: graph.Network, fitted: model.Model, world: World) -> None:
    """Time one city's suggestions once warm: scores of every city, top 20, their reasons."""
    ctx = build_context(net)
    deg = ctx.deg
    rng = np.random.default_rng(0)
    picks = [world.index["gn:112931"], int(np.argmax(deg))]
    picks += rng.choice(np.flatnonzero(deg > 0), size=18, replace=False).tolist()
    model.score_row(ctx, fitted, picks[0])  # warm up (lazy column copies)
    times = []
    for a in picks:
        t0 = time.perf_counter()
        scores = model.score_row(ctx, fitted, a)
        scores[a] = -np.inf
        top = np.argpartition(-scores, 20)[:20]
        qa = np.full(len(top), a)
        x = features(ctx, qa, top, pair_structure(ctx, qa, top))
        fitted.contributions(x)
        times.append((time.perf_counter() - t0) * 1000)
    print(
        f"suggestions for one city (scores of all {net.n} cities + top 20 explained), warm: "
        f"median {np.median(times):.1f} ms, max {max(times):.1f} ms "
        f"(Tehran {times[0]:.1f} ms, most linked city {times[1]:.1f} ms)"
    )


def bench_distance_two(net: graph.Network) -> None:
    """Adamic-Adar of every unlinked pair at distance two: graph.py against networkx."""
    import networkx as nx

    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        pa, pb, ours = graph.adamic_adar_distance_two(net.adj)
        best = min(best, time.perf_counter() - t0)
    ea, eb = graph.edge_list(net.adj)
    g = nx.Graph()
    g.add_nodes_from(range(net.n))
    g.add_edges_from(zip(ea.tolist(), eb.tolist(), strict=True))
    pairs = list(zip(pa.tolist(), pb.tolist(), strict=True))
    t0 = time.perf_counter()
    theirs = np.fromiter((p for _, _, p in nx.adamic_adar_index(g, pairs)), dtype=np.float64)
    t_nx = time.perf_counter() - t0
    assert np.allclose(ours, theirs)
    print(
        f"Adamic-Adar of all {len(pa):,} unlinked pairs at distance two: graph.py "
        f"{best * 1000:.1f} ms (best of 5), networkx {t_nx * 1000:.0f} ms, "
        f"ratio {t_nx / best:.1f}x (same values)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--negatives", type=int, default=100_000)
    parser.add_argument("--skip-eval", action="store_true", help="Only the timings.")
    args = parser.parse_args()
    t0 = time.perf_counter()
    world = load_world(Path(args.data))
    train, held = split(world.pairs, args.seed)
    net = network_from(world, train)
    print(
        f"loaded {len(world.codes)} cities, {len(train)} links kept, {len(held)} held out "
        f"(seed {args.seed}; {time.perf_counter() - t0:.1f} s)"
    )
    t0 = time.perf_counter()
    fitted = model.fit(net, seed=args.seed)
    print(f"fitted on the kept links only in {time.perf_counter() - t0:.1f} s")
    bench_suggestions(net, fitted, world)
    bench_distance_two(net)
    if args.skip_eval:
        return
    ha = np.array([world.index[p] for p, _ in held])
    hb = np.array([world.index[q] for _, q in held])
    t0 = time.perf_counter()
    results = evaluation.evaluate(net, fitted, ha, hb, seed=args.seed, negatives=args.negatives)
    print(f"evaluated in {time.perf_counter() - t0:.1f} s")
    print(evaluation.format_table(results))
    best = max(r.hits10 for r in results if r.method != "recommender")
    rec = next(r for r in results if r.method == "recommender")
    print(f"Hits@10 of the recommender / best structural baseline: {rec.hits10 / best:.2f}x")


if __name__ == "__main__":
    main()
