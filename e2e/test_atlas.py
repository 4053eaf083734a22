"""World atlas journeys: search a city in Persian and English, open it, see its partners."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from peyvand.network.models import Twinning
from peyvand.network.signals import world_imported
from peyvand.network.tasks import on_world_imported


@pytest.fixture
def world(transactional_db: Any) -> None:
    """The test slice of the world data (scripts/make_world_slice.py): Tehran, its partners
    and theirs, every country; the full copy is imported once, by a `slow` test."""
    # The world pages read the cities and links only: the recommender fit that an import
    # triggers (the tasks run inline in tests) is left out here; test_import and
    # test_discover cover it.
    slice_dir = settings.BASE_DIR / "data" / "world-slice"
    world_imported.disconnect(dispatch_uid="network_recompute")
    try:
        call_command("import_world", "--data", str(slice_dir), stdout=open("/dev/null", "w"))  # noqa: SIM115
    finally:
        world_imported.connect(on_world_imported, dispatch_uid="network_recompute")


def open_tehran(page: Any, base: str, lang: str, query: str) -> None:
    page.goto(f"{base}/{lang}/world/")
    page.fill("#atlas-q", query)
    result = page.locator("[data-atlas-results] a").first
    result.wait_for()
    assert "gn:112931" in (result.get_attribute("href") or "")
    result.click()
    page.wait_for_url(f"**/{lang}/world/cities/gn:112931/")
    page.wait_for_selector("[data-map-ready]")
    # Country shapes arrive by fetch; wait until they are drawn.
    # A locator wait, not wait_for_function: its polling evaluates a string, which the
    # page's Content Security Policy (no unsafe-eval) rightly refuses.
    page.locator(".leaflet-overlay-pane path.atlas-country").nth(100).wait_for(state="attached")


def check_partners(page: Any) -> None:
    rows = page.locator("[data-partner]")
    assert rows.count() == 27
    one_source = Twinning.objects.filter(city_a__code="gn:112931", n_sources=1).count()
    one_source += Twinning.objects.filter(city_b__code="gn:112931", n_sources=1).count()
    assert page.locator("[data-partners] [data-unconfirmed]").count() == one_source > 0
    # Leaflet drew one marker per partner, one for the city, and a line per partner.
    assert page.locator(".leaflet-overlay-pane path.atlas-partner").count() == 27
    assert page.locator(".leaflet-overlay-pane path.atlas-link").count() == 27
    assert page.locator(".leaflet-overlay-pane path.atlas-city").count() == 1
    assert page.locator(".leaflet-overlay-pane path.atlas-link--unconfirmed").count() == one_source


def test_search_tehran_in_persian_and_see_its_partners_on_the_map(
    page: Any, live_server: Any, world: None, shot: Any
) -> None:
    page.goto(f"{live_server.url}/fa/world/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("#atlas-q", "تهران")
    page.locator("[data-atlas-results] a").first.wait_for()
    shot(page, "atlas-search-fa")
    open_tehran(page, live_server.url, "fa", "تهران")
    assert page.inner_text("[data-city-name]") == "تهران"
    check_partners(page)
    assert (
        "تأیید نشده" in page.inner_text("[data-partners]")
        or page.locator("[data-unconfirmed]").count()
    )
    shot(page, "atlas-tehran-fa")
    assert page.js_errors == []


def test_search_tehran_in_english_and_see_its_partners_on_the_map(
    page: Any, live_server: Any, world: None, shot: Any
) -> None:
    open_tehran(page, live_server.url, "en", "Tehran")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.inner_text("[data-city-name]") == "Tehran"
    check_partners(page)
    assert "unconfirmed" in page.inner_text("[data-partners]")
    shot(page, "atlas-tehran-en")
    # A partner's marker links to its own page.
    page.locator("[data-partner='gn:1138958'] a").click()
    page.wait_for_url("**/en/world/cities/gn:1138958/")
    assert page.inner_text("[data-city-name]") == "Kabul"
    page.goto(f"{live_server.url}/en/world/countries/IR/")
    shot(page, "atlas-country-ir-en")
    assert page.js_errors == []


def test_the_api_docs_load_without_internet(page: Any, live_server: Any, shot: Any) -> None:
    page.route(
        "**/*",
        lambda route: (
            route.abort()
            if not route.request.url.startswith(live_server.url)
            else route.continue_()
        ),
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "Peyvand API" in page.inner_text(".swagger-ui .info .title")
    shot(page, "atlas-api-docs")
