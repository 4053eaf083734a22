"""The registry, polished: a refused commitment keeps its text, a proposed pact shows its
stage, the registry table is on the first screen (issue 10, points 2, 4, 6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.actors import SYSTEM
from peyvand.partnerships import services
from peyvand.partnerships.models import Commitment, Partnership
from peyvand.places.tests.factories import make_city, make_country, make_twinning


def _setup(office: Any) -> tuple[Partnership, Partnership]:
    tehran = make_city("Tehran", country="IR", code="gn:112931", name_fa="تهران")
    office.home_city = tehran
    office.save(update_fields=["home_city"])
    poland = make_country("PL", "Poland", "لهستان", continent="EU")
    belarus = make_country("BY", "Belarus", "بلاروس", continent="EU")
    for i in range(25):  # a long list of public links, as Tehran has
        make_twinning(tehran, make_city(f"Link {i:02d}", country=belarus, name_fa=f"پیوند {i}"))
    signed = timezone.localdate() - dt.timedelta(days=3 * 365)
    active = services.partnership_create(
        office=office,
        actor=SYSTEM,
        partner_city=make_city("Warsaw", country=poland, name_fa="ورشو"),
        status="active",
        signed_on=signed,
    )
    proposed = services.partnership_create(
        office=office,
        actor=SYSTEM,
        partner_city=make_city("Krakow", country=poland, name_fa="کراکوف"),
        status="proposed",
    )
    return active, proposed


def test_a_commitment_with_a_bad_date_keeps_its_text_and_shows_the_error(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    active, _proposed = _setup(demo["office"])
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")  # the session serves both languages
    # A Jalali date that does not exist (typed), and a date the service refuses (out of range:
    # the English page has the browser's date input, which takes only real dates).
    cases = (
        ("fa", "کارگاه مشترک کیفیت هوا", "1400/13/45"),
        ("en", "Joint air-quality workshop", "1850-01-01"),
    )
    for lang, title, bad_date in cases:
        page.goto(f"{live_server.url}/{lang}/o/{demo['office'].slug}/partnerships/{active.pk}/")
        page.click("[data-add-commitment] summary")
        page.fill("[data-add-commitment] [name=title]", title)
        page.fill("[data-add-commitment] [name=due_on]", bad_date)
        follow(page, "[data-add-commitment] button[type=submit]")
        box = page.locator("[data-add-commitment]")
        assert box.get_attribute("open") is not None
        assert page.input_value("[data-add-commitment] [name=title]") == title
        assert page.locator("[data-add-commitment] .errorlist").is_visible()
        page.locator("[data-add-commitment]").scroll_into_view_if_needed()
        shot(page, f"registry-commitment-error-{lang}")
        assert page.js_errors == []
    assert not Commitment.objects.exists()


def test_a_proposed_pact_shows_its_stage_and_the_registry_comes_first(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    _active, proposed = _setup(demo["office"])
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")
    for lang in ("fa", "en"):
        page.goto(f"{live_server.url}/{lang}/o/{demo['office'].slug}/partnerships/")
        table = page.locator("[data-partnership-table]").bounding_box()
        assert table is not None and table["y"] < 900, table
        assert (
            page.locator("[data-partnership-table]").bounding_box()["y"]
            < (page.locator("[data-home-links]").bounding_box()["y"])
        )
        assert page.locator("[data-counts-explained]").is_visible()
        row = page.locator(f"[data-pact='{proposed.pk}']")
        assert row.locator("[data-stage=proposed]").count() == 1
        assert row.locator("[data-health-label]").count() == 0
        shot(page, f"registry-list-{lang}")

        page.goto(f"{live_server.url}/{lang}/o/{demo['office'].slug}/partnerships/{proposed.pk}/")
        assert page.inner_text("[data-status=proposed]") == (
            "Proposed" if lang == "en" else "پیشنهادی"
        )
        badge = page.inner_text("#health-badge [data-stage=proposed]")
        assert badge.startswith("next:" if lang == "en" else "گام بعد")
        assert page.locator("[data-health-label]").count() == 0
        assert page.locator("[data-review]").count() == 0
        shot(page, f"registry-proposed-{lang}")
        assert page.js_errors == []
