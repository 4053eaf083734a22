"""The recommender: context, features, the additive model, fitting only on the given network."""

from __future__ import annotations

import numpy as np
import pytest

from peyvand.network import graph
from peyvand.network.recommender.cities import name_groups, name_key
from peyvand.network.recommender.context import build_context, pair_structure, row_structure
from peyvand.network.recommender.evaluation import evaluate
from peyvand.network.recommender.features import features
from peyvand.network.recommender.model import MODEL_FORMAT, Model, fit, fit_or_prior, score_row
from peyvand.network.recommender.signals import feature_names


def synthetic(n: int = 400, seed: int = 0) -> graph.Network:
    """Cities in 8 countries; links mostly between countries 2k and 2k+1, nearer ones more."""
    rng = np.random.default_rng(seed)
    country = rng.integers(0, 8, size=n)
    lat = rng.uniform(30, 60, size=n)
    lon = rng.uniform(-10, 40, size=n)
    a: list[int] = []
    b: list[int] = []
    while len(a) < 3 * n:
        i, j = rng.integers(0, n, size=2)
        if i == j:
            continue
        partner_country = country[i] ^ 1
        if country[j] == partner_country or rng.random() < 0.05:
            a.append(int(i))
            b.append(int(j))
    pop = rng.lognormal(11, 1.5, size=n)
    pop[:10] = 0  # unknown
    lat[:5] = np.nan
    lon[:5] = np.nan
    return graph.Network(
        adj=graph.adjacency(n, a, b),
        country=country.astype(np.int64),
        continent=(country // 4).astype(np.int64),
        lat=lat,
        lon=lon,
        population=pop,
        capital=np.isin(np.arange(n), [20, 21, 22]),
        country_codes=tuple(f"C{i}" for i in range(8)),
        continent_codes=("EU", "AS"),
        name_group=name_groups([f"town {i % 350}" for i in range(n)]),
    )


@pytest.fixture(scope="module")
def net() -> graph.Network:
    return synthetic()


def test_row_features_equal_pair_features(net: graph.Network) -> None:
    ctx = build_context(net)
    everyone = np.arange(net.n)
    for a in (0, 7, 33):
        same = np.full(net.n, a)
        row = features(ctx, np.array([a]), everyone, row_structure(ctx, a), row=True)
        pair = features(ctx, same, everyone, pair_structure(ctx, same, everyone))
        assert row.shape == (net.n, len(feature_names()))
        assert np.allclose(row, pair, atol=1e-6)


def test_namesakes_and_capitals_are_features(net: graph.Network) -> None:
    ctx = build_context(net)
    names = feature_names()
    x = features(
        ctx,
        np.array([1, 20]),
        np.array([351, 21]),
        pair_structure(ctx, np.array([1, 20]), np.array([351, 21])),
    )
    assert x[0, names.index("namesake")] == 1.0  # "town 1" and "town 351"
    assert x[1, names.index("both_capitals")] == 1.0
    assert name_key("Frankfurt (Oder)") == "frankfurt"
    assert name_key("Kallithéa") == "kallithea"


def test_fit_learns_the_planted_country_pairs_and_ranks_well(net: graph.Network) -> None:
    model = fit(net, seed=1, rounds=2, negatives=10, random_pairs=2000)
    ctx = build_context(net)
    a = 50
    scores = score_row(ctx, model, a)
    cand = np.ones(net.n, dtype=bool)
    cand[a] = False
    top = np.argsort(-np.where(cand, scores, -np.inf))[:20]
    partner_country = net.country[a] ^ 1
    assert (net.country[top] == partner_country).mean() > 0.7


def test_model_round_trips_and_scores_additively(net: graph.Network) -> None:
    model = fit(net, seed=2, rounds=1, negatives=5, random_pairs=1000)
    again = Model.from_dict(model.to_dict())
    ctx = build_context(net)
    a, b = np.array([1, 2, 3]), np.array([4, 5, 6])
    x = features(ctx, a, b, pair_structure(ctx, a, b))
    assert np.allclose(again.score(x), model.score(x))
    assert np.allclose(model.terms(x).sum(axis=1) + model.intercept, model.score(x))
    assert np.allclose(
        model.contributions(x).sum(axis=1), model.score(x) - model.intercept - model.reference.sum()
    )
    # A model stored before a feature was added loads with that feature at weight 0.
    old = model.to_dict()
    drop = old["names"].index("paths3_l3")
    for part in ("names", "knots", "weights", "reference"):
        old[part] = old[part][:drop] + old[part][drop + 1 :]
    loaded = Model.from_dict(old)
    assert loaded.names == model.names
    assert loaded.meta["missing_features"] == ["paths3_l3"]
    assert np.allclose(loaded.terms(x)[:, drop], 0.0)
    kept = np.arange(len(model.names)) != drop
    assert np.allclose(loaded.terms(x)[:, kept], model.terms(x)[:, kept])
    # A feature this version does not know, or another format, is an error.
    bad = model.to_dict()
    bad["names"] = [*bad["names"][:-1], "no_such_feature"]
    with pytest.raises(ValueError):
        Model.from_dict(bad)
    other = model.to_dict()
    other["format"] = MODEL_FORMAT + 1
    with pytest.raises(ValueError):
        Model.from_dict(other)


def test_a_tiny_network_gets_the_prior_model() -> None:
    tiny = synthetic(n=20)
    tiny = graph.Network(
        adj=graph.adjacency(20, [0, 1], [1, 2]),
        country=tiny.country,
        continent=tiny.continent,
        lat=tiny.lat,
        lon=tiny.lon,
        population=tiny.population,
        capital=tiny.capital,
        country_codes=tiny.country_codes,
        continent_codes=tiny.continent_codes,
    )
    model = fit_or_prior(tiny)
    assert model.meta.get("prior") is True
    scores = score_row(build_context(tiny), model, 0)
    assert scores[2] > scores[5]  # a partner's partner beats a stranger


def test_training_never_sees_the_links_it_is_evaluated_on(net: graph.Network) -> None:
    """Fitting takes only the network; held-out links of an evaluation are not in it."""
    ea, eb = graph.edge_list(net.adj)
    held = np.arange(0, len(ea), 10)
    train = net.with_adjacency(graph.remove_edges(net.adj, ea[held], eb[held]))
    model = fit(train, seed=0, rounds=1, negatives=10, random_pairs=2000)
    results = evaluate(train, model, ea[held], eb[held], negatives=5000)
    rec = next(r for r in results if r.method == "recommender")
    pa = next(r for r in results if r.method == "preferential_attachment")
    assert rec.auc > 0.7 and rec.auc > pa.auc
