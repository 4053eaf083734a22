"""The city's network: the city, its partners and theirs, for the graph page."""

from __future__ import annotations

from typing import Any

import numpy as np

from peyvand.places.models import City

from .scope import scope_for


def ego_network(*, city: City, office: Any = None, limit: int = 150) -> dict[str, Any]:
    """The city, its partners and their partners (up to `limit` nodes) for the graph page."""
    scope = scope_for(office)
    world = scope.world
    net = scope.ctx.net
    a = world.index_of(city.pk)
    if a is None:
        return {"nodes": [], "edges": []}
    adj = net.adj
    first = adj.indices[adj.indptr[a] : adj.indptr[a + 1]]
    second = np.setdiff1d(np.unique(adj[first].indices) if len(first) else [], np.r_[first, a])
    deg = scope.ctx.deg
    second = second[np.argsort(-deg[second], kind="stable")][: max(0, limit - 1 - len(first))]
    nodes = np.r_[a, first, second].astype(np.int64)
    sub = adj[nodes][:, nodes].tocoo()
    pks = [int(world.pks[i]) for i in nodes]
    cities = City.objects.select_related("country").in_bulk(pks)
    level = {int(a): 0, **{int(i): 1 for i in first}, **{int(i): 2 for i in second}}
    out_nodes = []
    for i, pk in zip(nodes, pks, strict=True):
        c = cities.get(pk)
        if c is None:
            continue
        out_nodes.append(
            {
                "id": c.code,
                "label": c.name,
                "country": c.country.code if c.country else "",
                "countryName": c.country.name if c.country else "",
                "level": level[int(i)],
                "degree": int(deg[i]),
            }
        )
    codes = {i: cities[pk].code for i, pk in enumerate(pks) if pk in cities}
    own = {(min(x, y), max(x, y)) for x, y in scope.office_links}
    edges = []
    for r, c in zip(sub.row, sub.col, strict=True):
        if r < c and r in codes and c in codes:
            x, y = int(nodes[r]), int(nodes[c])
            edges.append(
                {"source": codes[r], "target": codes[c], "own": (min(x, y), max(x, y)) in own}
            )
    return {"nodes": out_nodes, "edges": edges}
