"""A path reason names the two cities in between, different for each suggestion, in the
reader's language (issue 10, point 7.2)."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from peyvand.network.discover import explain
from peyvand.network.discover.selectors.recommendations import recommend
from peyvand.network.recommender.signals.paths import best_path

from .discover_world import SmallWorld


def _path_reasons(world: SmallWorld, office: Any, lang: str) -> dict[str, str]:
    result = recommend(city=world["Tehran"], office=office)
    with translation.override(lang):
        return {
            s.city.name_en: explain.reason_text(r, world["Tehran"], s.city)
            for s in result.suggestions
            for r in s.reasons
            if r.key == "paths"
        }


def test_path_reasons_name_the_cities_in_between(world: SmallWorld, home: Any) -> None:
    texts = _path_reasons(world, home, "en")
    assert len(texts) >= 2
    assert len(set(texts.values())) == len(texts)  # not one sentence for all
    # Tehran - Moscow - Minsk - Ankara; Tehran - Havana - Paris - Berlin
    assert texts["Ankara"].startswith("Close in the network through Moscow and Minsk:")
    assert "(6 such paths)" in texts["Ankara"]
    assert "through Havana and Paris" in texts["Berlin"]
    assert "Paris with Berlin" in texts["Berlin"]


def test_path_reasons_use_persian_names_and_digits_in_persian(world: SmallWorld, home: Any) -> None:
    texts = _path_reasons(world, home, "fa")
    assert "مسکو" in texts["Ankara"] and "مینسک" in texts["Ankara"]
    assert "Moscow" not in texts["Ankara"] and "Close in the network" not in texts["Ankara"]
    assert "۶" in texts["Ankara"] and "6" not in texts["Ankara"]
    assert "هاوانا" in texts["Berlin"] and "پاریس" in texts["Berlin"]


def test_the_named_path_is_the_one_through_the_least_linked_cities(world: SmallWorld) -> None:
    from peyvand.network.discover.selectors.scope import scope_for

    scope = scope_for(None)
    ix = {n: scope.world.index_of(world[n].pk) or 0 for n in ("Tehran", "Ankara", "Minsk")}
    count, via = best_path(scope.ctx.net.adj, scope.ctx.deg, ix["Tehran"], ix["Ankara"])
    assert count == 6
    assert via is not None
    # a pair with Minsk (4 partners) weighs more than Moscow with Havana (5 partners each)
    degrees = sorted(float(scope.ctx.deg[i]) for i in via)
    assert degrees == [4.0, 5.0] and ix["Minsk"] in via
