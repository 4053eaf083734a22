"""evaluate_recommender: metrics on a tiny network computed by hand, refusals, skips."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from peyvand.network.discover.selectors.scope import clear_local_memo
from peyvand.network.recommender import evaluation
from peyvand.places.tests.factories import make_city, make_country, make_twinning

HEADER = "city_a_id,city_b_id,year,kind,source,n_sources\n"


@pytest.fixture(autouse=True)
def _fresh() -> Any:
    cache.clear()
    clear_local_memo()
    yield
    clear_local_memo()


@pytest.fixture
def tiny(db: Any) -> dict[str, Any]:
    """A - B, A - C, B - D, C - D, E - F; G has no link."""
    de = make_country("DE", "Germany", continent="EU")
    c = {
        n: make_city(n, country=de, code=f"x:DE:{n.lower()}", lat=50.0, lon=8.0 + i)
        for i, n in enumerate("ABCDEFG")
    }
    for a, b in [("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"), ("E", "F")]:
        make_twinning(c[a], c[b])
    return c


def holdout(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "holdout.csv"
    path.write_text(
        HEADER + "".join(f"x:DE:{a.lower()},x:DE:{b.lower()},,twin,test,1\n" for a, b in rows),
        encoding="utf-8",
    )
    return path


def test_auc_counts_ties_half() -> None:
    assert evaluation.auc_score(np.array([2.0, 0.0]), np.array([0.0, 0.0, 2.0])) == pytest.approx(
        # 2 beats two zeros, ties one two; 0 ties two zeros, loses to one two
        (1 + 1 + 0.5 + 0.5 + 0.5 + 0) / 6
    )


def test_rank_counts_higher_and_half_of_the_other_equal() -> None:
    scores = np.array([5.0, 3.0, 3.0, 3.0, 9.0, 0.0])
    cand = np.array([False, True, True, True, True, True])
    # target 2: one higher (9), two others equal (1 and 3) -> 1 + 1 + 1
    assert evaluation.rank_of(scores, cand, 2) == 3.0


def test_metrics_of_the_common_neighbours_baseline_by_hand(tiny: Any, tmp_path: Path) -> None:
    out = StringIO()
    path = holdout(tmp_path, [("A", "D"), ("A", "E"), ("A", "G")])
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("x:DE:a,gn:000,,twin,test,1\n")  # a city not in the database
    call_command(
        "evaluate_recommender",
        "--holdout",
        str(path),
        "--json",
        "--negatives",
        "20000",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    by = {m["method"]: m for m in data["methods"]}
    assert set(by) == {"recommender", *evaluation.BASELINES}
    cn = by["common_neighbours"]
    # queries: A->D rank 1, D->A rank 1, A->E rank 3 (D above; F, G tie), E->A rank 3
    assert cn["queries"] == 4
    assert cn["skipped"] == 2  # A-G (G has no link) and the unknown city
    assert cn["hits@10"] == 1.0 and cn["hits@50"] == 1.0
    assert cn["mrr"] == pytest.approx((1 + 1 + 1 / 3 + 1 / 3) / 4)
    # AUC: CN(A,D)=2, CN(A,E)=0 against 14 unlinked pairs, 13 with CN 0 and B-C with 2
    assert cn["auc"] == pytest.approx(((13 + 0.5) / 14 + (13 * 0.5) / 14) / 2, abs=0.02)
    for m in data["methods"]:
        assert set(m) == {"method", "auc", "hits@10", "hits@50", "mrr", "queries", "skipped"}


def test_the_table_is_printed_without_json(tiny: Any, tmp_path: Path) -> None:
    out = StringIO()
    call_command(
        "evaluate_recommender", "--holdout", str(holdout(tmp_path, [("A", "D")])), stdout=out
    )
    text = out.getvalue()
    assert "katz" in text and "Hits@10" in text and "recommender" in text


def test_it_refuses_links_that_are_in_the_network(tiny: Any, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="already in the imported network"):
        call_command(
            "evaluate_recommender", "--holdout", str(holdout(tmp_path, [("A", "D"), ("B", "A")]))
        )


def test_it_refuses_a_file_without_the_columns(tiny: Any, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("a,b\nx,y\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing column"):
        call_command("evaluate_recommender", "--holdout", str(path))
    with pytest.raises(CommandError, match="no such file"):
        call_command("evaluate_recommender", "--holdout", str(tmp_path / "none.csv"))
