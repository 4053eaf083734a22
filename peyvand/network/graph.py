"""Pure array functions over the sister-city network: no ORM, no Django.

Cities are numbered 0..n-1 (an index, not a database pk); the network is a symmetric,
binary `scipy.sparse.csr_matrix` without self-loops. Every score is vectorised: for a list
of pairs (`pair_*`) or for one city against every other city (`row_*`).

Longer than the house's ~400 lines on purpose: it is one set of pure functions over the
same adjacency (structure scores, metrics, the region grid), with no state and no Django,
read and tested as one (tests/test_graph.py). Split it by those sections when it grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

KATZ_BETA = 0.01
KATZ_MAX_LENGTH = 3


# --------------------------------------------------------------------------- the network


@dataclass(frozen=True)
class Network:
    """Cities as arrays (index i = one city) and the adjacency between them.

    `country` indexes `country_codes` (-1: unknown); `continent` indexes
    `continent_codes` (-1: unknown); `lat`/`lon` are NaN when unknown; `population` is
    0 when unknown; `capital` marks the capital city of its country.
    """

    adj: sp.csr_matrix
    country: IntArray
    continent: IntArray
    lat: FloatArray
    lon: FloatArray
    population: FloatArray
    capital: BoolArray
    country_codes: tuple[str, ...] = ()
    continent_codes: tuple[str, ...] = ()
    name_group: IntArray | None = None  # cities with the same normalised name share a value
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def n(self) -> int:
        return int(self.adj.shape[0])

    @property
    def n_countries(self) -> int:
        return len(self.country_codes)

    def with_adjacency(self, adj: sp.csr_matrix) -> Network:
        """The same cities with other links (and a fresh cache of derived arrays)."""
        return replace(self, adj=adj, _cache={})

    def with_edges(self, pairs: list[tuple[int, int]] | IntArray) -> Network:
        """A copy with extra links (e.g. an office's own pacts) added."""
        extra = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        if len(extra) == 0:
            return self
        return self.with_adjacency(add_edges(self.adj, extra[:, 0], extra[:, 1]))

    def degrees(self) -> FloatArray:
        cached = self._cache.get("degrees")
        if cached is None:
            cached = degrees(self.adj)
            self._cache["degrees"] = cached
        return cached  # type: ignore[return-value]

    def square(self) -> sp.csr_matrix:
        """A @ A (paths of length two), computed once per network object."""
        cached = self._cache.get("square")
        if cached is None:
            cached = (self.adj @ self.adj).tocsr()
            self._cache["square"] = cached
        return cached


def adjacency(n: int, a: npt.ArrayLike, b: npt.ArrayLike) -> sp.csr_matrix:
    """The symmetric binary adjacency of n nodes from undirected pairs (a[i], b[i])."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    keep = a != b
    a, b = a[keep], b[keep]
    rows = np.concatenate([a, b])
    cols = np.concatenate([b, a])
    m = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n)).tocsr()
    m.sum_duplicates()
    m.data[:] = 1.0
    return m


def add_edges(adj: sp.csr_matrix, a: npt.ArrayLike, b: npt.ArrayLike) -> sp.csr_matrix:
    extra = adjacency(int(adj.shape[0]), a, b)
    out = (adj + extra).tocsr()
    out.data[:] = 1.0
    return out


def remove_edges(adj: sp.csr_matrix, a: npt.ArrayLike, b: npt.ArrayLike) -> sp.csr_matrix:
    gone = adjacency(int(adj.shape[0]), a, b)
    out = (adj - adj.multiply(gone)).tocsr()
    out.eliminate_zeros()
    return out


def edge_list(adj: sp.csr_matrix) -> tuple[IntArray, IntArray]:
    """Each undirected link once, as (a, b) with a < b."""
    upper = sp.triu(adj, k=1).tocoo()
    return upper.row.astype(np.int64), upper.col.astype(np.int64)


def degrees(adj: sp.csr_matrix) -> FloatArray:
    return np.asarray(adj.sum(axis=1), dtype=np.float64).ravel()


def _inverse(values: FloatArray) -> FloatArray:
    out = np.zeros_like(values, dtype=np.float64)
    np.divide(1.0, values, out=out, where=values > 0)
    return out


def adamic_adar_weights(adj: sp.csr_matrix, deg: FloatArray | None = None) -> FloatArray:
    """1 / log(degree) per node (0 for degree <= 1, which never joins two others)."""
    if deg is None:
        deg = degrees(adj)
    logs = np.log(np.where(deg > 1, deg, 1.0))
    return _inverse(logs)


def resource_allocation_weights(adj: sp.csr_matrix, deg: FloatArray | None = None) -> FloatArray:
    """1 / degree per node (0 for isolated nodes)."""
    return _inverse(degrees(adj) if deg is None else deg)


# ------------------------------------------------------------------- scores for many pairs


def _pair_weighted_overlap(
    adj: sp.csr_matrix, a: IntArray, b: IntArray, weights: FloatArray | None
) -> FloatArray:
    left = adj[a]
    right = adj[b]
    if weights is not None:
        right = right.multiply(weights[np.newaxis, :]).tocsr()
    return np.asarray(left.multiply(right).sum(axis=1), dtype=np.float64).ravel()


def pair_common_neighbours(adj: sp.csr_matrix, a: IntArray, b: IntArray) -> FloatArray:
    return _pair_weighted_overlap(adj, np.asarray(a), np.asarray(b), None)


def pair_adamic_adar(adj: sp.csr_matrix, a: IntArray, b: IntArray) -> FloatArray:
    return _pair_weighted_overlap(adj, np.asarray(a), np.asarray(b), adamic_adar_weights(adj))


def pair_resource_allocation(adj: sp.csr_matrix, a: IntArray, b: IntArray) -> FloatArray:
    w = resource_allocation_weights(adj)
    return _pair_weighted_overlap(adj, np.asarray(a), np.asarray(b), w)


def pair_preferential_attachment(adj: sp.csr_matrix, a: IntArray, b: IntArray) -> FloatArray:
    deg = degrees(adj)
    return deg[np.asarray(a)] * deg[np.asarray(b)]


def pair_katz(
    adj: sp.csr_matrix,
    a: IntArray,
    b: IntArray,
    beta: float = KATZ_BETA,
    square: sp.csr_matrix | None = None,
) -> FloatArray:
    """Katz index truncated at paths of length three: sum_l beta^l (A^l)_ab, l = 1..3."""
    a = np.asarray(a)
    b = np.asarray(b)
    a2 = square if square is not None else (adj @ adj).tocsr()
    direct = np.asarray(adj[a, b], dtype=np.float64).ravel()
    two = _pair_weighted_overlap(adj, a, b, None)
    three = np.asarray(a2[a].multiply(adj[b]).sum(axis=1), dtype=np.float64).ravel()
    return beta * direct + beta**2 * two + beta**3 * three


# ------------------------------------------------------------ scores of one city vs all


def _dense_row(m: sp.spmatrix) -> FloatArray:
    return np.asarray(m.toarray(), dtype=np.float64).ravel()


@dataclass(frozen=True)
class RowStructure:
    """Structural scores of one city against every city (arrays of length n)."""

    common_neighbours: FloatArray
    adamic_adar: FloatArray
    resource_allocation: FloatArray
    katz: FloatArray
    paths3: FloatArray


def row_structure(
    adj: sp.csr_matrix, a: int, beta: float = KATZ_BETA, deg: FloatArray | None = None
) -> RowStructure:
    if deg is None:
        deg = degrees(adj)
    row = adj[[a]]
    p2 = row @ adj
    p3 = p2 @ adj
    aa_w = adamic_adar_weights(adj, deg)
    ra_w = resource_allocation_weights(adj, deg)
    aa = row.multiply(aa_w[np.newaxis, :]) @ adj
    ra = row.multiply(ra_w[np.newaxis, :]) @ adj
    one = _dense_row(row)
    two = _dense_row(p2)
    three = _dense_row(p3)
    return RowStructure(
        common_neighbours=two,
        adamic_adar=_dense_row(aa),
        resource_allocation=_dense_row(ra),
        katz=beta * one + beta**2 * two + beta**3 * three,
        paths3=three,
    )


def damped_two_step(adj: sp.csr_matrix, deg: FloatArray, power: float) -> sp.csr_matrix:
    """(A D^-power)^2: two steps, each leaving a city p with weight deg(p) ** -power."""
    w = sp.diags(_inverse(np.power(deg, power)))
    m = (adj @ w).tocsr()
    return (m @ m).tocsr()


def damped_paths3_row(adj: sp.csr_matrix, a: int, deg: FloatArray, power: float) -> FloatArray:
    """Paths a-p-q-b of length three to every b, each weighted (deg p * deg q) ** -power.

    power 0.5 is the degree-normalised L3 score of Kovács et al. (2019); power 1 the
    resource-allocation analogue. Paths through hubs count less than paths through cities
    with a few chosen partners.
    """
    w = _inverse(np.power(deg, power))[np.newaxis, :]
    one = adj[[a]].multiply(w).tocsr()
    two = (one @ adj).multiply(w).tocsr()
    return _dense_row(two @ adj)


def pair_damped_paths3(
    adj: sp.csr_matrix, a: IntArray, b: IntArray, two_step: sp.csr_matrix
) -> FloatArray:
    """`damped_paths3_row` for pairs, given `damped_two_step` of the same power."""
    return np.asarray(two_step[a].multiply(adj[b]).sum(axis=1), dtype=np.float64).ravel()


def pairs_at_distance_two(adj: sp.csr_matrix) -> tuple[IntArray, IntArray]:
    """Every unlinked pair (a < b) with at least one common neighbour."""
    two = sp.triu(adj @ adj, k=1).tocsr()
    two.data[:] = 1.0
    two = (two - two.multiply(adj)).tocoo()
    keep = two.data > 0
    return two.row[keep].astype(np.int64), two.col[keep].astype(np.int64)


# -------------------------------------------------------------------------- geography


def haversine_km(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> FloatArray:
    """Great-circle distance in km (NaN where a coordinate is unknown)."""
    p1 = np.radians(np.asarray(lat1, dtype=np.float64))
    p2 = np.radians(np.asarray(lat2, dtype=np.float64))
    dphi = p2 - p1
    dl = np.radians(np.asarray(lon2, dtype=np.float64) - np.asarray(lon1, dtype=np.float64))
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=np.float64)


# --------------------------------------------------------------------------- metrics


def components(adj: sp.csr_matrix) -> tuple[IntArray, IntArray]:
    """(label per node, size of the node's component). Isolated nodes are their own."""
    _, labels = connected_components(adj, directed=False)
    labels = labels.astype(np.int64)
    sizes = np.bincount(labels)
    # Relabel by decreasing size, so component 0 is the largest.
    order = np.argsort(-sizes, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[labels], sizes[labels].astype(np.int64)


def triangles(adj: sp.csr_matrix, square: sp.csr_matrix | None = None) -> FloatArray:
    a2 = square if square is not None else adj @ adj
    return np.asarray(a2.multiply(adj).sum(axis=1), dtype=np.float64).ravel() / 2.0


def clustering(adj: sp.csr_matrix, square: sp.csr_matrix | None = None) -> FloatArray:
    """Local clustering coefficient: closed triangles / possible ones (0 below degree 2)."""
    deg = degrees(adj)
    possible = deg * (deg - 1) / 2.0
    return np.asarray(triangles(adj, square) * _inverse(possible), dtype=np.float64)


def reach_two(adj: sp.csr_matrix, square: sp.csr_matrix | None = None) -> FloatArray:
    """Number of distinct other cities within two steps."""
    a2 = square if square is not None else adj @ adj
    both = (a2 + adj).tocsr()
    both.data[:] = 1.0
    both.setdiag(0)
    both.eliminate_zeros()
    return np.diff(both.indptr).astype(np.float64)


def betweenness(
    adj: sp.csr_matrix, samples: int | None = 256, seed: int = 0, batch: int = 64
) -> FloatArray:
    """Normalised betweenness centrality (Brandes), estimated from `samples` sources.

    Sources are drawn among nodes with at least one link; every BFS of a batch advances
    together as sparse-matrix products. With samples=None every linked node is a source
    (exact). Normalised like networkx: 2 / ((n - 1)(n - 2)) on the whole node set.
    """
    n = int(adj.shape[0])
    deg = degrees(adj)
    linked = np.flatnonzero(deg > 0)
    out = np.zeros(n, dtype=np.float64)
    if n < 3 or len(linked) == 0:
        return out
    if samples is None or samples >= len(linked):
        sources = linked
    else:
        rng = np.random.default_rng(seed)
        sources = np.sort(rng.choice(linked, size=samples, replace=False))
    csr = adj.tocsr()
    for start in range(0, len(sources), batch):
        src = sources[start : start + batch]
        s = len(src)
        cols = np.arange(s)
        sigma = np.zeros((n, s))
        sigma[src, cols] = 1.0
        seen = np.zeros((n, s), dtype=bool)
        seen[src, cols] = True
        levels = [sigma > 0]
        frontier = sigma.copy()
        while True:
            reached = csr @ frontier
            new = (reached > 0) & ~seen
            if not new.any():
                break
            seen |= new
            frontier = np.where(new, reached, 0.0)
            sigma += frontier
            levels.append(new)
        delta = np.zeros((n, s))
        safe_sigma = np.where(sigma > 0, sigma, 1.0)
        for d in range(len(levels) - 1, 0, -1):
            coeff = np.where(levels[d], (1.0 + delta) / safe_sigma, 0.0)
            back = csr @ coeff
            delta += np.where(levels[d - 1], sigma * back, 0.0)
        delta[src, cols] = 0.0
        out += delta.sum(axis=1)
    scale = len(linked) / len(sources)
    # Each undirected path is counted from both ends when all nodes are sources.
    out = out * scale / 2.0
    return out * (2.0 / ((n - 1) * (n - 2)))


def country_onehot(country: IntArray, n_countries: int) -> sp.csr_matrix:
    """n x (n_countries + 1): 1 in each city's country column (last column: unknown)."""
    col = np.where(country >= 0, country, n_countries)
    return sp.csr_matrix(
        (np.ones(len(col)), (np.arange(len(col)), col)), shape=(len(col), n_countries + 1)
    )


def neighbour_country_counts(
    adj: sp.csr_matrix, country: IntArray, n_countries: int
) -> sp.csr_matrix:
    """n x (n_countries + 1): how many partners each city has in each country (last: unknown)."""
    return (adj @ country_onehot(country, n_countries)).tocsr()


def country_pair_counts(
    adj: sp.csr_matrix,
    country: IntArray,
    n_countries: int,
    neighbour_counts: sp.csr_matrix | None = None,
) -> FloatArray:
    """(k+1) x (k+1) dense: links between cities of two countries (last row: unknown country).

    The diagonal counts domestic links twice (once from each end), so a row sums to the
    total degree of the country's cities. `neighbour_counts` (`neighbour_country_counts`
    of the same network), when the caller has it, saves one product.
    """
    if neighbour_counts is None:
        neighbour_counts = neighbour_country_counts(adj, country, n_countries)
    onehot = country_onehot(country, n_countries)
    return np.asarray((onehot.T @ neighbour_counts).toarray(), dtype=np.float64)


@dataclass(frozen=True)
class CityMetrics:
    degree: FloatArray
    rank: IntArray  # 1 = most links; ties share the best rank
    international_share: FloatArray  # NaN when no partner has a known country
    component: IntArray  # 0 = the largest component
    component_size: IntArray
    clustering: FloatArray
    reach_two: FloatArray
    betweenness: FloatArray


def degree_rank(deg: FloatArray) -> IntArray:
    """Competition rank by degree (1 = highest; equal degrees share the rank)."""
    order = np.sort(deg)[::-1]
    # rank = 1 + number of nodes with strictly higher degree
    higher = len(deg) - np.searchsorted(order[::-1], deg, side="right")
    return (higher + 1).astype(np.int64)


def international_share(adj: sp.csr_matrix, country: IntArray) -> FloatArray:
    known = (country >= 0).astype(np.float64)
    k = int(country.max()) + 1 if len(country) and country.max() >= 0 else 0
    counts = neighbour_country_counts(adj, country, k)
    known_partners = np.asarray(adj @ known, dtype=np.float64).ravel()
    own = np.zeros(len(country))
    has = country >= 0
    if k:
        own[has] = np.asarray(counts[np.flatnonzero(has), country[has]]).ravel()
    share = np.full(len(country), np.nan)
    ok = has & (known_partners > 0)
    share[ok] = 1.0 - own[ok] / known_partners[ok]
    return share


def city_metrics(net: Network, betweenness_samples: int | None = 256) -> CityMetrics:
    adj = net.adj
    deg = net.degrees()
    square = net.square()
    comp, size = components(adj)
    return CityMetrics(
        degree=deg,
        rank=degree_rank(deg),
        international_share=international_share(adj, net.country),
        component=comp,
        component_size=size,
        clustering=clustering(adj, square),
        reach_two=reach_two(adj, square),
        betweenness=betweenness(adj, samples=betweenness_samples),
    )


def top_partner_countries(counts: sp.csr_matrix, i: int, limit: int = 5) -> list[tuple[int, int]]:
    """(country index or -1, count) of city i's partners, most first (from the counts matrix)."""
    row = counts[i].tocoo()
    k = counts.shape[1] - 1
    pairs = sorted(
        ((int(c) if c < k else -1, int(v)) for c, v in zip(row.col, row.data, strict=True)),
        key=lambda cv: (-cv[1], cv[0]),
    )
    return pairs[:limit]


def grid_cells(lat: FloatArray, lon: FloatArray, size: float) -> tuple[IntArray, int]:
    """A cell index per city on a `size`-degree grid (-1 without coordinates), cell count."""
    ok = ~(np.isnan(lat) | np.isnan(lon))
    row = np.floor(np.nan_to_num(lat) / size).astype(np.int64)
    col = np.floor(np.nan_to_num(lon) / size).astype(np.int64)
    keys = np.where(ok, (row + 1000) * 10_000 + (col + 1000), -1)
    uniq, inv = np.unique(keys[ok], return_inverse=True)
    cells = np.full(len(lat), -1, dtype=np.int64)
    cells[ok] = inv
    return cells, len(uniq)


def cell_membership(cells: IntArray, n_cells: int) -> sp.csr_matrix:
    """n x n_cells one-hot of each city's grid cell (no row for a city without one)."""
    ok = cells >= 0
    return sp.csr_matrix(
        (np.ones(int(ok.sum())), (np.flatnonzero(ok), cells[ok])), shape=(len(cells), n_cells)
    )


def cell_neighbourhood(
    cells: IntArray, n_cells: int, lat: FloatArray, lon: FloatArray, size: float
) -> sp.csr_matrix:
    """n_cells x n_cells: 1 where two cells are at most one grid step apart (3 x 3 block)."""
    ok = cells >= 0
    row = np.floor(np.nan_to_num(lat) / size).astype(np.int64)
    col = np.floor(np.nan_to_num(lon) / size).astype(np.int64)
    cell_row = np.zeros(n_cells, dtype=np.int64)
    cell_col = np.zeros(n_cells, dtype=np.int64)
    cell_row[cells[ok]] = row[ok]
    cell_col[cells[ok]] = col[ok]
    # match every (cell, shifted cell) pair through a sorted key array
    span = max(int(cell_col.max(initial=0)) - int(cell_col.min(initial=0)), 0) + 3
    key = (cell_row - cell_row.min(initial=0) + 1) * span + (cell_col - cell_col.min(initial=0) + 1)
    order = np.argsort(key)
    sorted_keys = key[order]
    rr, cc = [], []
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            target = key + dr * span + dc
            pos = np.searchsorted(sorted_keys, target)
            pos = np.minimum(pos, len(sorted_keys) - 1)
            hit = sorted_keys[pos] == target
            rr.append(np.flatnonzero(hit))
            cc.append(order[pos[hit]])
    r = np.concatenate(rr) if rr else np.zeros(0, dtype=np.int64)
    c = np.concatenate(cc) if cc else np.zeros(0, dtype=np.int64)
    return sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(n_cells, n_cells))


def region_links(
    adj: sp.csr_matrix, membership: sp.csr_matrix, neighbourhood: sp.csr_matrix
) -> sp.csr_matrix:
    """Links from a cell's neighbourhood to each cell (n_cells x n_cells, sparse).

    The links between the neighbourhoods of cells i and j are `row i of this` times
    `neighbourhood[j]` (see `region_pair_row` / `region_pair_values`).
    """
    direct = (membership.T @ adj @ membership).tocsr()
    return (neighbourhood @ direct).tocsr()


def region_pair_values(
    links: sp.csr_matrix, neighbourhood: sp.csr_matrix, ci: IntArray, cj: IntArray
) -> FloatArray:
    return np.asarray(links[ci].multiply(neighbourhood[cj]).sum(axis=1), dtype=np.float64).ravel()


def region_pair_row(links: sp.csr_matrix, neighbourhood: sp.csr_matrix, ci: int) -> FloatArray:
    return np.asarray((links[[ci]] @ neighbourhood.T).toarray(), dtype=np.float64).ravel()


def region_pair_row_totals(links: sp.csr_matrix, neighbourhood: sp.csr_matrix) -> FloatArray:
    """Row sums of the (implicit) neighbourhood-to-neighbourhood link matrix."""
    col_sums = np.asarray(neighbourhood.sum(axis=0), dtype=np.float64).ravel()
    return np.asarray(links @ col_sums, dtype=np.float64).ravel()


def adamic_adar_distance_two(adj: sp.csr_matrix) -> tuple[IntArray, IntArray, FloatArray]:
    """Adamic-Adar of every unlinked pair (a < b) at distance two, in one sparse product."""
    n = int(adj.shape[0])
    w = adamic_adar_weights(adj)
    product = (adj.multiply(w[np.newaxis, :]).tocsr() @ adj).tocoo()
    row = product.row.astype(np.int64)
    col = product.col.astype(np.int64)
    upper = (row < col) & (product.data > 0)
    row, col, data = row[upper], col[upper], product.data[upper]
    # drop the pairs that are already linked (sorted keys, one binary search each)
    ea, eb = edge_list(adj)
    linked = np.sort(ea * n + eb)
    keys = row * n + col
    pos = np.minimum(np.searchsorted(linked, keys), max(len(linked) - 1, 0))
    unlinked = linked[pos] != keys if len(linked) else np.ones(len(keys), dtype=bool)
    return row[unlinked], col[unlinked], data[unlinked].astype(np.float64)
