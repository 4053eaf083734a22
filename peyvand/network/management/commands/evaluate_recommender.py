"""Evaluate the partner recommender and the structural baselines on held-out links.

    manage.py evaluate_recommender --holdout FILE [--seed N] [--negatives N] [--json]

FILE has the columns of twinnings.csv (city_a_id, city_b_id, ...; ids are City.code), plain
or gzip. Its links must not be in the imported network. "Known cities" are all cities in
the database (linked or not): AUC negatives are uniform pairs of them that are not linked,
and the candidates ranked for a query city a are all of them except a and a's partners.
Held-out pairs that touch a city not in the database, or a city with no link in the
imported network, are skipped and counted.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path
from typing import Any

import numpy as np
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from peyvand.network.arrays import load_world_arrays
from peyvand.network.discover import services
from peyvand.network.discover.selectors.scope import current_snapshot
from peyvand.network.recommender.evaluation import evaluate, format_table
from peyvand.network.recommender.model import Model
from peyvand.places.models import City

REQUIRED = ("city_a_id", "city_b_id")


def read_holdout(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        raise CommandError(f"{path}: no such file")
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path}: not UTF-8 text ({exc})") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise CommandError(f"{path}: missing column(s) {', '.join(missing)}")
    pairs = []
    for line, row in enumerate(reader, start=2):
        a, b = (row["city_a_id"] or "").strip(), (row["city_b_id"] or "").strip()
        if not a or not b:
            raise CommandError(f"{path}, line {line}: empty city id")
        if a == b:
            raise CommandError(f"{path}, line {line}: a city linked to itself ({a})")
        pairs.append((a, b))
    return pairs


class Command(BaseCommand):
    help = "Evaluate the partner recommender and baselines on held-out links (AUC, Hits@k, MRR)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--holdout", required=True, help="CSV(.gz) with the held-out links.")
        parser.add_argument("--seed", type=int, default=0, help="Seed of the sampled negatives.")
        parser.add_argument(
            "--negatives",
            type=int,
            default=100_000,
            help="Random unlinked pairs for the AUC (at least 100,000 by default).",
        )
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("en")
        if options["negatives"] < 1:
            raise CommandError("--negatives must be at least 1")
        pairs = read_holdout(Path(options["holdout"]))
        world = load_world_arrays()
        codes = dict(City.objects.values_list("code", "pk"))
        adj = world.net.adj
        ha, hb = [], []
        unknown = 0
        already = []
        seen: set[tuple[int, int]] = set()
        for a, b in pairs:
            pa, pb = codes.get(a), codes.get(b)
            if pa is None or pb is None:
                unknown += 1
                continue
            ia, ib = world.index_of(pa), world.index_of(pb)
            assert ia is not None and ib is not None
            if adj[ia, ib]:
                already.append(f"{a}–{b}")
                continue
            key = (min(ia, ib), max(ia, ib))
            if key in seen:
                continue
            seen.add(key)
            ha.append(ia)
            hb.append(ib)
        if already:
            raise CommandError(
                f"{len(already)} held-out link(s) are already in the imported network "
                f"(e.g. {', '.join(already[:3])}); evaluate on links that were not imported."
            )
        snap = current_snapshot()
        if snap is None or not snap.version.startswith(world.fingerprint):
            snap = services.network_snapshot_create()
        model = Model.from_dict(snap.model)
        results = evaluate(
            world.net,
            model,
            np.array(ha, dtype=np.int64),
            np.array(hb, dtype=np.int64),
            seed=options["seed"],
            negatives=options["negatives"],
            skipped=unknown,
        )
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "holdout": str(options["holdout"]),
                        "links": len(pairs),
                        "negatives": options["negatives"],
                        "seed": options["seed"],
                        "methods": [r.as_dict() for r in results],
                    }
                )
            )
            return
        self.stdout.write(
            f"{len(pairs)} held-out links; {unknown} touch a city not in the database; "
            f"queries are both directions of each usable link."
        )
        self.stdout.write(format_table(results))
