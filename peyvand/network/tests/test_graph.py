"""graph.py: scores and metrics on small graphs with answers known by hand or by networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from peyvand.network import graph

# A small graph:   0 - 1 - 2 - 3      and 4 isolated
#                   \  |  /
#                      5
EDGES = [(0, 1), (1, 2), (2, 3), (0, 5), (1, 5), (2, 5)]


@pytest.fixture
def adj():
    a = np.array([e[0] for e in EDGES])
    b = np.array([e[1] for e in EDGES])
    return graph.adjacency(6, a, b)


def test_adjacency_is_symmetric_binary_without_self_loops():
    m = graph.adjacency(3, [0, 0, 1, 2], [1, 1, 1, 2])
    assert (m != m.T).nnz == 0
    assert m.diagonal().sum() == 0
    assert m.toarray().tolist() == [[0, 1, 0], [1, 0, 0], [0, 0, 0]]


def test_common_neighbours_adamic_adar_resource_allocation_by_hand(adj):
    a, b = np.array([0, 0, 3]), np.array([2, 3, 5])
    # 0 and 2 share 1 (degree 3) and 5 (degree 3); 0 and 3 share nothing; 3 and 5 share 2.
    assert graph.pair_common_neighbours(adj, a, b).tolist() == [2, 0, 1]
    aa = graph.pair_adamic_adar(adj, a, b)
    assert aa[0] == pytest.approx(2 / np.log(3))
    assert aa[2] == pytest.approx(1 / np.log(3))  # node 2 has degree 3
    ra = graph.pair_resource_allocation(adj, a, b)
    assert ra[0] == pytest.approx(2 / 3)
    assert ra[2] == pytest.approx(1 / 3)
    assert graph.pair_preferential_attachment(adj, a, b).tolist() == [2 * 3, 2 * 1, 1 * 3]


def test_katz_counts_paths_up_to_three(adj):
    # Paths 0 -> 3: length 2: none; length 3: 0-1-2-3 and 0-5-2-3.
    k = graph.pair_katz(adj, np.array([0]), np.array([3]), beta=0.1)
    assert k[0] == pytest.approx(2 * 0.1**3)
    # 0 -> 1: one direct link, one path of length 2 (0-5-1), length 3: 0-5-2-1, 0-1-x-1 no
    a3 = np.linalg.matrix_power(adj.toarray(), 3)[0, 1]
    k = graph.pair_katz(adj, np.array([0]), np.array([1]), beta=0.1)
    assert k[0] == pytest.approx(0.1 + 0.01 * 1 + 0.001 * a3)


def test_row_scores_equal_pair_scores(adj):
    for a in range(6):
        row = graph.row_structure(adj, a)
        everyone = np.arange(6)
        same = np.full(6, a)
        assert np.allclose(row.common_neighbours, graph.pair_common_neighbours(adj, same, everyone))
        assert np.allclose(row.adamic_adar, graph.pair_adamic_adar(adj, same, everyone))
        assert np.allclose(row.katz, graph.pair_katz(adj, same, everyone))


def test_degree_damped_paths_of_length_three_by_hand(adj):
    deg = graph.degrees(adj)  # 0:2 1:3 2:3 3:1 4:0 5:3
    # 0 -> 3: paths 0-1-2-3 and 0-5-2-3, each through two cities of degree 3.
    for power, expected in ((0.5, 2 / 3), (1.0, 2 / 9)):
        row = graph.damped_paths3_row(adj, 0, deg, power)
        assert row[3] == pytest.approx(expected)
        assert row[4] == 0.0
        two = graph.damped_two_step(adj, deg, power)
        everyone = np.arange(6)
        for a in range(6):
            same = np.full(6, a)
            assert np.allclose(
                graph.damped_paths3_row(adj, a, deg, power),
                graph.pair_damped_paths3(adj, same, everyone, two),
            )
    # power 0 counts plain paths of length three
    plain = np.linalg.matrix_power(adj.toarray(), 3)[2]
    assert np.allclose(graph.damped_paths3_row(adj, 2, deg, 0.0), plain)


def test_adamic_adar_agrees_with_networkx_on_a_random_graph():
    g = nx.gnm_random_graph(60, 150, seed=3)
    a = np.array([u for u, _ in g.edges()])
    b = np.array([v for _, v in g.edges()])
    adj = graph.adjacency(60, a, b)
    pa, pb = graph.pairs_at_distance_two(adj)
    ours = graph.pair_adamic_adar(adj, pa, pb)
    theirs = {
        (u, v): p
        for u, v, p in nx.adamic_adar_index(g, list(zip(pa.tolist(), pb.tolist(), strict=True)))
    }
    assert np.allclose(ours, [theirs[(int(u), int(v))] for u, v in zip(pa, pb, strict=True)])
    # every pair at distance two is unlinked and has a common neighbour
    assert all(not g.has_edge(int(u), int(v)) for u, v in zip(pa, pb, strict=True))
    assert (graph.pair_common_neighbours(adj, pa, pb) > 0).all()


def test_metrics_by_hand(adj):
    comp, size = graph.components(adj)
    assert comp[4] != comp[0] and size[0] == 5 and size[4] == 1
    assert comp[0] == 0  # the largest component is number 0
    # triangles: 0-1-5 and 1-2-5
    assert graph.triangles(adj).tolist() == [1, 2, 1, 0, 0, 2]
    c = graph.clustering(adj)
    assert c[0] == pytest.approx(1.0)  # neighbours 1 and 5 are linked
    assert c[1] == pytest.approx(2 / 3)
    assert c[3] == 0 and c[4] == 0
    assert graph.reach_two(adj).tolist() == [3, 4, 4, 3, 0, 4]
    assert graph.degree_rank(graph.degrees(adj)).tolist() == [4, 1, 1, 5, 6, 1]


def test_exact_betweenness_matches_networkx():
    g = nx.karate_club_graph()
    a = np.array([u for u, _ in g.edges()])
    b = np.array([v for _, v in g.edges()])
    adj = graph.adjacency(g.number_of_nodes(), a, b)
    ours = graph.betweenness(adj, samples=None, batch=7)
    theirs = nx.betweenness_centrality(g, normalized=True)
    assert np.allclose(ours, [theirs[i] for i in range(g.number_of_nodes())])


def test_sampled_betweenness_is_close():
    g = nx.gnm_random_graph(300, 900, seed=1)
    a = np.array([u for u, _ in g.edges()])
    b = np.array([v for _, v in g.edges()])
    adj = graph.adjacency(300, a, b)
    approx = graph.betweenness(adj, samples=150, seed=2)
    exact = graph.betweenness(adj, samples=None)
    assert np.corrcoef(approx, exact)[0, 1] > 0.9


def test_international_share_and_partner_countries(adj):
    country = np.array([0, 0, 1, 1, -1, 2])
    share = graph.international_share(adj, country)
    # city 0: partners 1 (same country) and 5 (other): half international
    assert share[0] == pytest.approx(0.5)
    assert np.isnan(share[4])
    counts = graph.neighbour_country_counts(adj, country, 3)
    assert graph.top_partner_countries(counts, 1, limit=2) == [(0, 1), (1, 1)]


def test_add_and_remove_edges(adj):
    more = graph.add_edges(adj, [3], [4])
    assert more[3, 4] == 1 and more[4, 3] == 1
    back = graph.remove_edges(more, [4], [3])
    assert (back != adj).nnz == 0


def test_region_cells_and_links():
    lat = np.array([10.2, 10.7, 11.5, 40.0, np.nan])
    lon = np.array([20.1, 20.9, 20.5, 5.0, np.nan])
    cells, n_cells = graph.grid_cells(lat, lon, 1.0)
    assert cells[4] == -1 and cells[0] == cells[1] and cells[2] != cells[0] and n_cells == 3
    hood = graph.cell_neighbourhood(cells, n_cells, lat, lon, 1.0)
    assert hood[cells[0], cells[2]] == 1 and hood[cells[0], cells[3]] == 0
    adj = graph.adjacency(5, [0], [3])
    links = graph.region_links(adj, graph.cell_membership(cells, n_cells), hood)
    # the neighbourhood of city 2's cell reaches city 0's cell, which links to city 3's
    value = graph.region_pair_values(links, hood, np.array([cells[2]]), np.array([cells[3]]))
    assert value.tolist() == [1.0]
    row = graph.region_pair_row(links, hood, int(cells[2]))
    assert row[cells[3]] == 1.0


def test_adamic_adar_of_all_pairs_at_distance_two_in_one_product():
    g = nx.gnm_random_graph(80, 200, seed=5)
    a = np.array([u for u, _ in g.edges()])
    b = np.array([v for _, v in g.edges()])
    adj = graph.adjacency(80, a, b)
    ra, rb, scores = graph.adamic_adar_distance_two(adj)
    order = np.lexsort((rb, ra))
    pa, pb = graph.pairs_at_distance_two(adj)
    assert (ra[order] == pa).all() and (rb[order] == pb).all()
    assert np.allclose(scores[order], graph.pair_adamic_adar(adj, pa, pb))
