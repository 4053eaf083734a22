"""Discovery a director can use (issue 10, point 7): a proposed city leaves the
suggestions, path reasons name their cities, peers come from the city search, the graph
has a legend. Screenshots in fa and en, at 1366 and 390 px."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from e2e.support import follow
from peyvand.network.discover.selectors.scope import clear_local_memo
from peyvand.network.tests.discover_world import SmallWorld, build_small_world
from peyvand.places.search import city_index_refresh
from peyvand.places.tests.factories import make_city, make_twinning

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _more_links(world: SmallWorld) -> None:
    """Partners of partners enough for the graph to look like a real city's."""
    hubs = [world[n] for n in ("Moscow", "Minsk", "Havana", "Berlin", "Paris")]
    added = []
    for h, hub in enumerate(hubs):
        for j in range(4 + 2 * h):
            city = make_city(
                f"{hub.name_en} friend {j + 1}",
                name_fa=f"دوست {hub.name_fa} {str(j + 1).translate(PERSIAN_DIGITS)}",
                country=hub.country,
                population=100_000 + j,
            )
            make_twinning(hub, city)
            added.append(city)
    city_index_refresh(cities=added)


@pytest.fixture
def director(demo: dict[str, Any]) -> tuple[Any, SmallWorld, str, str]:
    cache.clear()
    clear_local_memo()
    world = build_small_world()
    office = demo["office"]
    office.home_city = world["Tehran"]
    office.save(update_fields=["home_city"])
    user, password = demo["logins"]["director"]
    return office, world, user, password


def _suggested(page: Any) -> list[str]:
    return [el.get_attribute("data-suggestion") for el in page.locator("[data-suggestion]").all()]


def test_a_proposed_city_is_gone_after_a_reload(
    page: Any, live_server: Any, director: Any, login: Any, shot: Any
) -> None:
    office, world, user, password = director
    login(page, user, password, "en")
    url = f"{live_server.url}/en/o/{office.slug}/discover/suggestions/"
    page.goto(url)
    assert world["Ankara"].code in _suggested(page)
    form = page.locator(f'[data-suggestion="{world["Ankara"].code}"] form[data-propose]')
    follow(page, form.locator("button[type=submit]"))
    assert "/partnerships/" in page.url
    page.goto(url)
    assert world["Ankara"].code not in _suggested(page)
    assert page.locator("[data-in-registry]").is_visible()
    shot(page, "discover-polish-after-propose-en")
    page.goto(f"{live_server.url}/fa/o/{office.slug}/discover/suggestions/")
    assert world["Ankara"].code not in _suggested(page)
    assert "۱" in page.locator("[data-in-registry]").inner_text()
    shot(page, "discover-polish-after-propose-fa")


def test_path_reasons_name_different_cities(
    page: Any, live_server: Any, director: Any, login: Any, shot: Any
) -> None:
    office, world, user, password = director
    login(page, user, password, "en")
    page.goto(f"{live_server.url}/en/o/{office.slug}/discover/suggestions/")
    paths = page.locator("[data-reasons] li", has_text="Close in the network through")
    texts = paths.all_inner_texts()
    assert len(texts) >= 2 and len(set(texts)) == len(texts)
    ankara = page.locator(f'[data-suggestion="{world["Ankara"].code}"] [data-reasons]')
    assert "through Moscow and Minsk" in ankara.inner_text()
    berlin = page.locator(f'[data-suggestion="{world["Berlin"].code}"] [data-reasons]')
    assert "through Havana and Paris" in berlin.inner_text()
    shot(page, "discover-polish-reasons-en")
    page.goto(f"{live_server.url}/fa/o/{office.slug}/discover/suggestions/")
    ankara = page.locator(f'[data-suggestion="{world["Ankara"].code}"] [data-reasons]')
    assert "از راه مسکو و مینسک" in ankara.inner_text()
    shot(page, "discover-polish-reasons-fa")


def test_a_peer_is_picked_through_the_search_box(
    page: Any, live_server: Any, director: Any, login: Any, shot: Any
) -> None:
    office, world, user, password = director
    login(page, user, password, "fa")
    page.goto(f"{live_server.url}/fa/o/{office.slug}/discover/peers/")
    assert page.locator(f'[data-peer="{world["Hamburg"].code}"]').count() == 0
    page.locator("[data-peer-search]").press_sequentially("هامب", delay=40)
    option = page.locator(f'[data-peer-option="{world["Hamburg"].code}"]')
    option.wait_for()
    shot(page, "discover-polish-peer-search-fa")
    option.locator("input").check()
    # a second search keeps the first choice
    box = page.locator("[data-peer-search]")
    box.fill("")
    box.press_sequentially("Berl", delay=40)
    page.locator(f'[data-peer-option="{world["Berlin"].code}"] input').check()
    assert page.locator(f'[data-chosen-peer="{world["Hamburg"].code}"] input').is_checked()
    follow(page, "[data-peers-form] button[type=submit]")
    table = page.locator("[data-peers]")
    assert table.locator(f'[data-peer="{world["Hamburg"].code}"]').count() == 1
    assert table.locator(f'[data-peer="{world["Berlin"].code}"]').count() == 1
    assert "هامبورگ" in table.inner_text()
    assert page.locator("[data-glossary]").is_visible()
    shot(page, "discover-polish-peers-fa")
    page.goto(page.url.replace("/fa/", "/en/"))
    assert "Hamburg" in page.locator("[data-peers]").inner_text()
    shot(page, "discover-polish-peers-en")
    assert page.js_errors == []


@pytest.mark.parametrize("width", [1366, 390])
def test_the_graph_has_a_legend_and_names(
    browser: Any, live_server: Any, director: Any, login: Any, shot: Any, width: int
) -> None:
    office, world, user, password = director
    _more_links(world)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="fa-IR")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        login(page, user, password, "fa")
        for lang in ("fa", "en"):
            page.goto(f"{live_server.url}/{lang}/o/{office.slug}/discover/network/")
            page.wait_for_selector("#discover-graph[data-graph-ready] canvas")
            legend = page.locator("[data-graph-legend]")
            assert legend.is_visible()
            assert legend.locator("[data-legend-countries] li").count() >= 4
            assert page.locator("[data-metrics] .metric-help").first.is_visible()
            shot(page, f"discover-polish-network-{lang}-{width}")
        assert "Russia" in page.locator("[data-legend-countries]").inner_text()
        assert errors == []
    finally:
        context.close()
