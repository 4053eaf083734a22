"""The city's network: the city, its partners and theirs, for the graph page.

Besides the nodes and links, it says which nodes carry a label (the city, the office's
home city and the most linked others) and which colour stands for which country (the
legend), so the page and the drawing agree on both.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from peyvand.places.models import City

from .scope import scope_for

LABELLED = 12  # the most linked cities labelled besides the city and the home city
LEGEND_COUNTRIES = 8
UNKNOWN_COLOUR = "#8a94a6"


def country_colour(code: str) -> str:
    """A stable colour per country code (the same country is the same colour everywhere)."""
    if not code:
        return UNKNOWN_COLOUR
    hue = 0
    for ch in code:
        hue = (hue * 31 + ord(ch)) % 360
    return f"hsl({hue}, 62%, 45%)"


def ego_network(*, city: City, office: Any = None, limit: int = 150) -> dict[str, Any]:
    """The city, its partners and their partners (up to `limit` nodes) for the graph page."""
    scope = scope_for(office)
    world = scope.world
    net = scope.ctx.net
    a = world.index_of(city.pk)
    if a is None:
        return {"nodes": [], "edges": [], "legend": []}
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
    home = getattr(office, "home_city_id", None)
    others = nodes[1:]
    top = {int(i) for i in others[np.argsort(-deg[others], kind="stable")][:LABELLED]}
    out_nodes = []
    shown: Counter[tuple[str, str]] = Counter()
    for i, pk in zip(nodes, pks, strict=True):
        c = cities.get(pk)
        if c is None:
            continue
        code = c.country.code if c.country else ""
        name = c.country.name if c.country else ""
        if level[int(i)] < 2:
            shown[(code, name)] += 1
        out_nodes.append(
            {
                "id": c.code,
                "label": c.name,
                "country": code,
                "countryName": name,
                "colour": country_colour(code),
                "level": level[int(i)],
                "degree": int(deg[i]),
                "main": level[int(i)] == 0 or pk == home or int(i) in top,
                "home": pk == home,
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
    legend = [
        {"code": code, "name": name, "colour": country_colour(code), "count": n}
        for (code, name), n in sorted(shown.items(), key=lambda kv: (-kv[1], kv[0][1]))
    ][:LEGEND_COUNTRIES]
    return {"nodes": out_nodes, "edges": edges, "legend": legend}
