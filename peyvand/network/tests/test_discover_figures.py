"""The network page's legend and labels, the figures explained and matched against the
atlas, peers picked through the city search (issue 10, points 7.3 to 7.6)."""

from __future__ import annotations

import json
import re
from typing import Any

from django.urls import reverse
from django.utils import translation

from peyvand.accounts.models import Role
from peyvand.network.discover.glossary import FIGURES
from peyvand.network.discover.selectors.city_network import ego_network

from .discover_world import SmallWorld


def _en(name: str, office: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs={"office_slug": office.slug})


def _graph(html: str) -> dict[str, Any]:
    found = re.search(r'id="discover-graph-data" type="application/json">(.*?)</script>', html)
    assert found is not None
    return dict(json.loads(found.group(1)))


def test_the_network_page_has_a_legend_and_names_its_main_nodes(
    world: SmallWorld, home: Any, member_client: Any
) -> None:
    html = member_client(home, Role.VIEWER).get(_en("discover:network", home)).content.decode()
    assert "data-graph-legend" in html
    legend = html.split("data-graph-legend", 1)[1]
    for words in ("Tehran, the city shown", "a signed partnership of the office"):
        assert words in legend
    for country in ("Russia", "Belarus", "Cuba", "Iran"):  # Tehran and its partners
        assert country in legend.split("data-legend-countries", 1)[1]
    graph = _graph(html)
    main = {n["label"] for n in graph["nodes"] if n["main"]}
    assert {"Tehran", "Moscow", "Minsk", "Havana"} <= main
    colours = {n["country"]: n["colour"] for n in graph["nodes"]}
    assert {c["code"]: c["colour"] for c in graph["legend"]}.items() <= colours.items()


def test_only_the_most_linked_carry_a_label_in_a_large_network(
    world: SmallWorld, home: Any
) -> None:
    from peyvand.network.discover.selectors import city_network

    old = city_network.LABELLED
    city_network.LABELLED = 2
    try:
        with translation.override("en"):
            graph = ego_network(city=world["Paris"], office=home)
    finally:
        city_network.LABELLED = old
    main = [n["label"] for n in graph["nodes"] if n["main"]]
    # Paris itself, the two most linked others (Havana and Moscow, 5 partners each) and
    # the office's home city Tehran
    assert sorted(main) == ["Havana", "Moscow", "Paris", "Tehran"]
    assert [n["home"] for n in graph["nodes"] if n["label"] == "Tehran"] == [True]


def test_every_figure_is_explained_beside_it(
    world: SmallWorld, home: Any, member_client: Any
) -> None:
    client = member_client(home, Role.VIEWER)
    with translation.override("en"):
        helps = [str(f.help) for f in FIGURES]
    network = client.get(_en("discover:network", home)).content.decode()
    peers = client.get(_en("discover:peers", home)).content.decode()
    glossary = peers.split("data-glossary", 1)[1]
    for text in helps:
        shown = text.replace("'", "&#x27;")  # autoescaped, as every value
        assert shown in network.split("data-metrics", 1)[1], text
        assert shown in glossary, text
    assert "its degree" in network and "its centrality" in network
    with translation.override("fa"):
        fa = client.get(reverse("discover:network", kwargs={"office_slug": home.slug}))
    assert "درجه" in fa.content.decode() and "مرکزیت" in fa.content.decode()


def _figure(html: str, key: str) -> str:
    found = re.search(rf'data-figure="{key}">([^<]*)<', html)
    assert found is not None
    return found.group(1)


def test_the_figures_agree_with_the_atlas_or_say_why(
    world: SmallWorld, home: Any, member_client: Any, private_pacts: Any
) -> None:
    client = member_client(home, Role.VIEWER)
    url = _en("discover:network", home)
    with translation.override("en"):
        atlas_url = reverse("network:city", kwargs={"code": world["Tehran"].code})
    atlas = client.get(atlas_url).content.decode()
    atlas_degree = re.search(r"data-degree>([^<]*)<", atlas)
    assert atlas_degree is not None and atlas_degree.group(1) == "3"
    html = client.get(url).content.decode()
    assert _figure(html, "degree") == "3" and "data-atlas-note" not in html
    # a signed pact of the office the public lists lack: discovery counts it and says so
    private_pacts[home.pk] = [(world["Tehran"].pk, world["Lonely"].pk)]
    html = client.get(url).content.decode()
    assert _figure(html, "degree") == "4"
    assert 'data-atlas-figure="degree">(atlas: 3)' in html
    note = html.split("data-atlas-note", 1)[1].split("</p>", 1)[0]
    assert "the atlas shows the public sister-city network only" in note
    assert "Tehran has 1 sister city from the office's own pacts" in note
    peers = client.get(_en("discover:peers", home)).content.decode()
    assert "data-atlas-note" in peers and "(atlas: 3)" in peers


def test_peers_are_picked_through_the_city_search(
    world: SmallWorld, home: Any, member_client: Any
) -> None:
    client = member_client(home, Role.VIEWER)
    search = _en("discover:peer_search", home)
    # any spelling, Persian too; the subject city is never offered
    html = client.get(search, {"q": "برلی", "city": world["Tehran"].code}).content.decode()
    assert f'data-peer-option="{world["Berlin"].code}"' in html
    html = client.get(search, {"q": "teh"}).content.decode()
    assert "data-peer-option" not in html and "already in the comparison" in html
    html = client.get(search, {"q": "nowhere at all"}).content.decode()
    assert "No city matches" in html
    # a city already chosen is not offered twice
    html = client.get(search, {"q": "ber", "peer": world["Berlin"].code}).content.decode()
    assert "data-peer-option" not in html and "already in the comparison" in html
    # the chosen checkboxes are what the table compares; an id naming no city is refused
    url = _en("discover:peers", home)
    html = client.get(
        url, {"peer": [world["Berlin"].code, world["Minsk"].code, "gn:0"]}
    ).content.decode()
    table = html.split("data-peers>", 1)[1]
    assert f'data-peer="{world["Berlin"].code}"' in table
    assert f'data-peer="{world["Minsk"].code}"' in table
    assert f'data-peer="{world["Istanbul"].code}"' not in table  # not a default peer now
    assert "data-unknown-peers" in html and "gn:0" in html
    assert f'data-chosen-peer="{world["Berlin"].code}"' in html
    # without JavaScript the box's query shows its matches on the page
    html = client.get(url, {"q": "Hamb"}).content.decode()
    assert f'data-peer-option="{world["Hamburg"].code}"' in html
