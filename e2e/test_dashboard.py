"""The director's morning: the dashboard of a Tehran office with its demo history (pacts,
missions, practices, memberships, pitches), in Persian and in English, on a desk and on a
phone; the figures, charts and map drawn; the director follows the most urgent alert to
the page where it is dealt with. Screenshots: artefacts/screenshots/dashboard-*.png."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.dashboard.demo import load_demo_modules
from peyvand.partnerships import services
from peyvand.partnerships.demo import load_demo_partnerships
from peyvand.places.tests.factories import make_city, make_country, make_twinning

TODAY = timezone.localdate()
SHOTS = Path(__file__).resolve().parent.parent / "artefacts" / "screenshots"
# Tehran's partners, where they are (the map draws them).
PARTNERS = [
    ("CN", "China", "چین", "Beijing", "پکن", 39.90, 116.40),
    ("RU", "Russia", "روسیه", "Moscow", "مسکو", 55.75, 37.62),
    ("TR", "Turkey", "ترکیه", "Istanbul", "استانبول", 41.01, 28.98),
    ("MY", "Malaysia", "مالزی", "Kuala Lumpur", "کوالالامپور", 3.14, 101.69),
    ("CU", "Cuba", "کوبا", "Havana", "هاوانا", 23.11, -82.37),
    ("VE", "Venezuela", "ونزوئلا", "Caracas", "کاراکاس", 10.48, -66.90),
    ("KR", "South Korea", "کره جنوبی", "Seoul", "سئول", 37.57, 126.98),
    ("IQ", "Iraq", "عراق", "Baghdad", "بغداد", 33.31, 44.37),
    ("AF", "Afghanistan", "افغانستان", "Kabul", "کابل", 34.53, 69.17),
    ("TJ", "Tajikistan", "تاجیکستان", "Dushanbe", "دوشنبه", 38.56, 68.79),
    ("ZA", "South Africa", "آفریقای جنوبی", "Pretoria", "پرتوریا", -25.75, 28.19),
    ("BR", "Brazil", "برزیل", "Brasília", "برازیلیا", -15.79, -47.88),
    ("VN", "Vietnam", "ویتنام", "Hanoi", "هانوی", 21.03, 105.85),
    ("BY", "Belarus", "بلاروس", "Minsk", "مینسک", 53.90, 27.56),
    ("FR", "France", "فرانسه", "Paris", "پاریس", 48.86, 2.35),
    ("DE", "Germany", "آلمان", "Berlin", "برلین", 52.52, 13.40),
]


def _tehran(office: Office) -> None:
    iran = make_country("IR", "Iran", "ایران")
    tehran = make_city(
        "Tehran", country=iran, code="gn:112931", name_fa="تهران", lat=35.69, lon=51.39
    )
    office.home_city = tehran
    office.save(update_fields=["home_city"])
    for i, (cc, country_en, country_fa, name_en, name_fa, lat, lon) in enumerate(PARTNERS):
        country = make_country(cc, country_en, country_fa, continent="EU")
        city = make_city(
            name_en, country=country, code=f"gn:9{i:05d}", name_fa=name_fa, lat=lat, lon=lon
        )
        make_twinning(tehran, city)
    load_demo_partnerships(office)
    load_demo_modules(office)
    # One commitment overdue for certain: the alert the director follows.
    pact = office_pact(office)
    services.commitment_create(
        partnership=pact,
        actor=SYSTEM,
        title="Joint study of bus lanes",
        due_on=TODAY - dt.timedelta(days=40),
    )


def office_pact(office: Office) -> Any:
    from peyvand.partnerships.models import Partnership

    return Partnership.objects.filter(office=office).order_by("pk").first()


def _ready(page: Any) -> None:
    page.wait_for_selector("#chart-activities[data-chart-ready]")
    page.wait_for_selector("#chart-missions[data-chart-ready]")
    page.wait_for_selector("#chart-pacts[data-chart-ready]")
    page.wait_for_selector("#partners-map[data-map-ready]")
    page.wait_for_selector("#partners-map .atlas-country", state="attached")


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_director_reads_the_dashboard_and_follows_an_alert(
    page: Any,
    browser: Any,
    live_server: Any,
    demo: dict[str, Any],
    login: Any,
    shot: Any,
    lang: str,
) -> None:
    office = demo["office"]
    _tehran(office)
    login(page, *demo["logins"]["director"], lang)
    base = f"{live_server.url}/{lang}/o/{office.slug}/"
    page.goto(base)
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "fa" else "ltr")
    _ready(page)
    # Every figure, its change from last year, a link to its list.
    assert page.locator("[data-kpi]").count() >= 12
    assert page.locator("[data-kpi-card]").count() == 8
    markers = page.locator("#partners-map .atlas-partner").count()
    assert markers == len(PARTNERS)
    shot(page, f"dashboard-{lang}-1366")

    # The phone: the same page, one column.
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    small = phone.new_page()
    login(small, *demo["logins"]["director"], lang)
    small.goto(base)
    _ready(small)
    width = small.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width  # nothing wider than the phone
    shot(small, f"dashboard-{lang}-390")
    # The phone's screens one by one (the full page is too long to read at a glance).
    for part, where in (("top", "h1"), ("charts", ".dash-charts"), ("map", "#partners-map-card")):
        small.locator(where).scroll_into_view_if_needed()
        small.screenshot(path=str(SHOTS / f"dashboard-{lang}-390-{part}.png"))
    phone.close()

    # A figure opens the list it counts.
    activities = page.locator("[data-kpi='activities']")
    expected = activities.get_attribute("data-current")
    follow(page, activities.locator("a"))
    assert "/partnerships/activities/" in page.url
    count = page.inner_text("[data-list-count]")
    digits = "".join(c for c in count if c.isdigit())
    assert int(digits.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))) == int(str(expected))
    page.go_back()

    # The most urgent alert leads to where it is dealt with.
    first = page.locator("[data-home-alerts] [data-alert] a").first
    target = first.get_attribute("href")
    follow(page, first)
    assert page.url.endswith(str(target))
    assert page.locator("h1").count() == 1
    assert page.js_errors == []
