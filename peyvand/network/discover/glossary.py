"""The figures discovery shows, each with its name and what it means in plain words (one
place for the network page, the peers table and their notes)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Figure:
    key: str
    label: str | Promise
    help: str | Promise


FIGURES: tuple[Figure, ...] = (
    Figure(
        "degree",
        _("Sister cities"),
        _(
            "How many cities it is twinned with: its degree, the simplest measure of how "
            "connected a city is."
        ),
    ),
    Figure(
        "rank",
        _("Rank by sister cities"),
        _(
            "Its place among all cities of the network by number of sister cities; 1 is the "
            "most linked, cities with as many links share a rank."
        ),
    ),
    Figure(
        "international_share",
        _("International links"),
        _("The share of its sister cities that lie in another country."),
    ),
    Figure(
        "component",
        _("Component"),
        _(
            "The group of cities it can reach by following links from partner to partner; "
            "most linked cities belong to one main network."
        ),
    ),
    Figure(
        "clustering",
        _("Clustering"),
        _(
            "How often two of its partners are partners of each other too, from 0 (never) to "
            "1 (always): a close circle rather than a star."
        ),
    ),
    Figure(
        "reach_two",
        _("Cities within two steps"),
        _("Its partners and their partners: the cities one introduction away."),
    ),
    Figure(
        "betweenness",
        _("Betweenness (estimate)"),
        _(
            "How often it lies on the shortest route between two other cities, a share from "
            "0 to 1: a go-between's place in the network (its centrality). Estimated from a "
            "sample of routes; higher is more central."
        ),
    ),
    Figure(
        "top_countries",
        _("Top partner countries"),
        _("The countries where most of its sister cities are, with their number."),
    ),
)
GLOSSARY: dict[str, Figure] = {f.key: f for f in FIGURES}
