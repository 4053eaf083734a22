"""Partner discovery journey: suggestions for Tehran with reasons, one turned into a pact."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache

from e2e.support import follow
from peyvand.network.discover.selectors.scope import clear_local_memo
from peyvand.network.tests.discover_world import build_small_world
from peyvand.partnerships.models import Partnership


def test_suggestions_for_tehran_explain_themselves_and_become_a_proposed_pact(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    cache.clear()
    clear_local_memo()
    world = build_small_world()
    office = demo["office"]
    office.home_city = world["Tehran"]
    office.save(update_fields=["home_city"])
    user, password = demo["logins"]["director"]

    login(page, user, password, "fa")
    page.goto(f"{live_server.url}/fa/o/{office.slug}/discover/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("[data-suggestion]").count() > 3
    assert page.locator("[data-reasons] li").count() > 3
    shot(page, "discover-suggestions-fa")

    page.goto(f"{live_server.url}/en/o/{office.slug}/discover/suggestions/")
    first = page.locator("[data-suggestion]").first
    assert first.get_attribute("data-suggestion") == world["Ankara"].code
    reasons = first.locator("[data-reasons]").inner_text()
    assert "Shares 3 partners with Tehran" in reasons
    for name in ("Moscow", "Minsk", "Havana"):
        assert name in reasons
    shot(page, "discover-suggestions-en")

    # the network page draws the graph (cytoscape renders into canvases, no script errors)
    page.goto(f"{live_server.url}/en/o/{office.slug}/discover/network/")
    page.wait_for_selector("#discover-graph canvas")
    shot(page, "discover-network-en")
    page.goto(f"{live_server.url}/fa/o/{office.slug}/discover/peers/")
    assert page.locator("[data-home]").count() == 1
    shot(page, "discover-peers-fa")
    assert page.js_errors == []

    # one click turns the suggestion into a proposed partnership
    page.goto(f"{live_server.url}/en/o/{office.slug}/discover/suggestions/")
    form = page.locator("[data-suggestion]").first.locator("form[data-propose]")
    assert form.locator("input[name=partner]").get_attribute("value") == world["Ankara"].code
    follow(page, form.locator("button[type=submit]"))
    pact = Partnership.objects.get(office=office, partner_city=world["Ankara"])
    assert pact.status == "proposed"
    assert f"/partnerships/{pact.pk}/" in page.url
    shot(page, "discover-proposed-en")
