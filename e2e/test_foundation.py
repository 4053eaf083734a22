"""The foundation journeys: log in, direction, language and office switch, Jalali picker."""

from __future__ import annotations

from typing import Any

import jdatetime
from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.models import Role
from peyvand.accounts.tests.factories import make_member, make_office
from peyvand.core.text import to_persian_digits


def test_director_logs_in_in_persian_and_sees_todays_jalali_date(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#id_username").is_visible()
    shot(page, "foundation-login-fa")
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")
    assert page.locator("html").get_attribute("lang") == "fa"
    assert page.locator("html").get_attribute("dir") == "rtl"
    today = jdatetime.date.fromgregorian(date=timezone.localdate())
    assert to_persian_digits(str(today.year)) in page.inner_text("[data-dashboard-date]")
    assert "نمونه" in page.inner_text(".officebar")
    shot(page, "foundation-dashboard-fa")
    assert page.js_errors == []


def test_director_switches_to_english_and_back(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")
    follow(page, "[data-lang-switch]")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert "/en/" in page.url
    assert "Dashboard" in page.inner_text("h1")
    assert str(timezone.localdate().year) in page.inner_text("[data-dashboard-date]")
    shot(page, "foundation-dashboard-en")
    follow(page, "[data-lang-switch]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "/fa/" in page.url


def test_member_of_two_offices_switches_office_from_the_menu(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    from django.contrib.auth import get_user_model

    user, password = demo["logins"]["director"]
    second = make_office("shiraz-test", "اداره شیراز", "Shiraz office")
    make_member(second, Role.VIEWER, user=get_user_model().objects.get(username=user))
    login(page, user, password, "en")
    assert page.locator("[data-office]").count() == 2
    shot(page, "foundation-choose-office-en")
    follow(page, "[data-office='tehran-demo']")
    page.select_option("[data-office-menu]", label="Shiraz office")
    page.wait_for_url("**/o/shiraz-test/")
    assert "Shiraz office" in page.inner_text(".officebar")


def test_jalali_date_picker_fills_a_persian_date_and_typing_works(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")
    page.goto(f"{live_server.url}/fa/o/tehran-demo/date-converter/")
    field = page.locator("input[data-jdp]")
    field.click()
    picker = page.locator("jdp-container")
    picker.wait_for(state="visible")
    shot(page, "foundation-datepicker-fa")
    picker.locator(".jdp-day:not(.not-in-month)").first.click()
    value = field.input_value()
    assert value.count("/") == 2 and value[:2] in {"۱۴", "14"}
    field.fill("۱۴۰۰/۰۵/۲۳")
    page.keyboard.press("Escape")
    follow(page, "main button[type=submit]")
    assert "2021-08-14" in page.inner_text("[data-parsed]")
    field = page.locator("input[data-jdp]")
    field.fill("1400/12/30")
    page.keyboard.press("Escape")
    follow(page, "main button[type=submit]")
    assert "وجود ندارد" in page.inner_text(".errorlist")


def test_no_horizontal_scroll_at_375_and_1366_pixels(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")
    for width in (375, 1366):
        page.set_viewport_size({"width": width, "height": 800})
        for lang in ("fa", "en"):
            for path in ("", "members/", "date-converter/"):
                page.goto(f"{live_server.url}/{lang}/o/tehran-demo/{path}")
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0, f"{lang}/{path} overflows by {overflow}px at {width}px"
        shot(page, f"foundation-members-{width}")


def test_admin_is_right_to_left_in_persian(page: Any, live_server: Any, shot: Any) -> None:
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("root", "root@example.org", "pw-for-tests-1")
    page.goto(f"{live_server.url}/fa/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "pw-for-tests-1")
    follow(page, "input[type=submit]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    shot(page, "foundation-admin-fa")
