"""The signal registry: each signal's columns are its features, and every signal words its
reason (in English and Persian) from the numbers it gives."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from django.utils import translation

from peyvand.network.recommender.context import build_context, pair_structure
from peyvand.network.recommender.signals import (
    BY_KEY,
    OFFICE_SIGNALS,
    SIGNALS,
    feature_names,
)
from peyvand.network.recommender.signals.base import Pairs

from .test_recommender import synthetic


def test_every_feature_belongs_to_one_signal_and_keys_are_unique() -> None:
    names = feature_names()
    assert len(names) == len(set(names))
    assert len(BY_KEY) == len(SIGNALS) + len(OFFICE_SIGNALS)
    assert all(not s.features for s in OFFICE_SIGNALS)  # never model columns


def test_each_signal_computes_exactly_its_features_for_every_pair() -> None:
    ctx = build_context(synthetic(n=120))
    a, b = np.array([1, 2, 3]), np.array([7, 8, 9])
    pairs = Pairs(ctx, a, b, pair_structure(ctx, a, b))
    for signal in SIGNALS:
        cols = signal.columns(pairs)
        assert set(cols) == set(signal.features), signal.key
        assert all(col.shape == (3,) for col in cols.values()), signal.key


SAMPLE_PARAMS: dict[str, dict[str, Any]] = {
    "common_partners": {"count": 2, "cities": [SimpleNamespace(name="Minsk")]},
    "paths": {
        "paths": 4,
        "cities": [SimpleNamespace(name="Moscow"), SimpleNamespace(name="Minsk")],
    },
    "activity": {"count": 12},
    "population": {"population": 1_000_000},
    "distance": {"km": 900},
    "same_country": {"country": None},
    "same_continent": {"continent": "EU", "continent_name": "Europe"},
    "capitals": {"both": True},
    "country_pair": {"country_a_pk": 1, "country_b_pk": 2, "links": 3},
    "country_activity": {"country": None},
    "habit": {"side": "b", "count": 2, "country": None},
    "region_habit": {"country": None},
    "namesake": {},
    "region": {},
    "goal_areas": {"practices": 3, "activities": 2, "areas": ["waste"]},
}


@pytest.mark.django_db  # the goal areas' names are the shared taxonomy's
def test_every_signal_words_its_reason_in_both_languages() -> None:
    assert set(SAMPLE_PARAMS) == set(BY_KEY)
    city, partner = SimpleNamespace(name="Tehran"), SimpleNamespace(name="Ankara")
    for lang in ("en", "fa"):
        with translation.override(lang):
            for key, params in SAMPLE_PARAMS.items():
                text = BY_KEY[key].text(params, city, partner)
                assert text and "%(" not in text, (lang, key, text)
    with translation.override("en"):
        assert BY_KEY["distance"].text({"km": 900}, city, partner) == "900 km from Tehran"
        assert "Europe" in BY_KEY["same_continent"].text(
            SAMPLE_PARAMS["same_continent"], city, partner
        )


def test_the_moved_reasons_keep_their_persian_translations() -> None:
    city, partner = SimpleNamespace(name="Tehran"), SimpleNamespace(name="Ankara")
    texts = {}
    for lang in ("en", "fa"):
        with translation.override(lang):
            texts[lang] = [s.text(SAMPLE_PARAMS[s.key], city, partner) for s in SIGNALS]
    assert all(en != fa for en, fa in zip(texts["en"], texts["fa"], strict=True))
