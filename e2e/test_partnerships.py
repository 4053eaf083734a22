"""Partnership journeys: log an activity on a dormant pact and see it come alive; revive one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.actors import SYSTEM
from peyvand.partnerships import services
from peyvand.partnerships.models import Partnership
from peyvand.places.tests.factories import make_city, make_country, make_twinning


def _setup(office: Any) -> tuple[Partnership, Partnership]:
    iran = make_country("IR", "Iran", "ایران", continent="AS")
    tehran = make_city(
        "Tehran", country=iran, code="gn:112931", name_fa="تهران", lat=35.69, lon=51.42
    )
    office.home_city = tehran
    office.save(update_fields=["home_city"])
    signed = timezone.localdate() - dt.timedelta(days=3 * 365)
    ukraine = make_country("UA", "Ukraine", "اوکراین", continent="EU")
    cuba = make_country("CU", "Cuba", "کوبا", continent="NA")
    belarus = make_country("BY", "Belarus", "بلاروس", continent="EU")
    kyiv = make_city("Kyiv", country=ukraine, name_fa="کی‌یف", lat=50.45, lon=30.52)
    havana = make_city("Havana", country=cuba, name_fa="هاوانا", lat=23.13, lon=-82.38)
    make_twinning(tehran, make_city("Minsk", country=belarus, name_fa="مینسک", lat=53.9, lon=27.56))
    first = services.partnership_create(
        office=office, actor=SYSTEM, partner_city=kyiv, status="active", signed_on=signed
    )
    second = services.partnership_create(
        office=office, actor=SYSTEM, partner_city=havana, status="active", signed_on=signed
    )
    return first, second


def _log_activity(page: Any, title: str) -> None:
    page.click("[data-log-activity] summary")
    page.fill("[data-log-activity] [name=title]", title)
    page.select_option("[data-log-activity] [name=kind]", "visit_in")
    page.select_option("[data-log-activity] [name=initiated_by]", "partner")
    follow(page, "[data-log-submit]")


def test_logging_an_activity_lifts_a_dormant_pact_in_persian_and_english(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    kyiv, havana = _setup(demo["office"])
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")

    page.goto(f"{live_server.url}/fa/o/{demo['office'].slug}/partnerships/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("[data-pact]").count() == 2
    assert "مینسک" in page.inner_text("[data-home-links]")
    assert "(اوکراین)" in page.inner_text("[data-partnership-table]")  # a name, not "UA"
    shot(page, "partnerships-list-fa")

    page.goto(f"{live_server.url}/fa/o/{demo['office'].slug}/partnerships/{kyiv.pk}/")
    badge = page.locator("#health-badge [data-health-label]")
    assert badge.get_attribute("data-health-label") == "dormant"
    before = int(Partnership.objects.get(pk=kyiv.pk).health_score or 0)
    page.wait_for_selector("#partner-map[data-map-ready]")
    page.wait_for_selector("#health-trend[data-chart-ready='24']")
    shot(page, "partnerships-detail-dormant-fa")
    _log_activity(page, "بازدید هیئت شهرداری کی‌یف")
    badge = page.locator("#health-badge [data-health-label]")
    assert badge.get_attribute("data-health-label") == "weakening"
    assert "رو به ضعف" in badge.inner_text() or badge.inner_text()
    kyiv.refresh_from_db()
    assert (kyiv.health_score or 0) > before
    assert "بازدید هیئت شهرداری کی‌یف" in page.inner_text("[data-timeline]")
    assert page.locator("[data-paper-only]").count() == 0
    shot(page, "partnerships-detail-after-log-fa")
    assert page.js_errors == []

    page.goto(f"{live_server.url}/en/o/{demo['office'].slug}/partnerships/{havana.pk}/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert "Dormant" in page.inner_text("#health-badge")
    _log_activity(page, "Visit of the Havana city council")
    assert "Weakening" in page.inner_text("#health-badge")
    assert "Activity logged" in page.inner_text("[data-history]")
    page.wait_for_selector("#health-trend[data-chart-ready='24']")
    shot(page, "partnerships-detail-after-log-en")
    assert page.js_errors == []


def test_director_revives_a_dormant_pact(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    kyiv, _havana = _setup(demo["office"])
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")
    page.goto(f"{live_server.url}/fa/o/{demo['office'].slug}/partnerships/{kyiv.pk}/")
    follow(page, "[data-review]")
    page.check("[name=decision][value=revive]")
    page.fill("[name=plan_title_0]", "کارگاه مشترک کیفیت هوا")
    page.select_option("[name=plan_department_0]", index=1)
    assert "کی‌یف" in page.input_value("[name=letter_fa]")
    shot(page, "partnerships-review-fa")
    follow(page, "main button[type=submit]")
    assert "/partnerships/" in page.url
    assert "کارگاه مشترک کیفیت هوا" in page.inner_text("[data-commitments]")
    assert page.locator("[data-review-record]").count() == 1
    shot(page, "partnerships-detail-revived-fa")
    assert kyiv.reviews.get().decision == "revive"
    assert page.js_errors == []


def test_officer_corrects_then_deletes_an_activity_in_persian(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    kyiv, havana = _setup(demo["office"])
    activity = services.activity_log(
        office=demo["office"],
        actor=SYSTEM,
        partnerships=[kyiv],
        date=timezone.localdate() - dt.timedelta(days=7),
        kind="online_meeting",
        title="تماس تصویری با شهردار",
        initiated_by="us",
    )
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")
    base = f"{live_server.url}/fa/o/{demo['office'].slug}/partnerships"

    page.goto(f"{base}/{kyiv.pk}/")
    follow(page, f"[data-activity='{activity.pk}'] [data-activity-edit]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.input_value("[name=date]").startswith("۱۴")  # a Jalali date, Persian digits
    page.fill("[name=title]", "کارگاه مشترک حمل‌ونقل عمومی")
    page.select_option("[name=kind]", "joint_project")
    page.select_option("[name=initiated_by]", "joint")
    page.select_option("[name=partnerships]", [str(kyiv.pk), str(havana.pk)])
    shot(page, "partnerships-edit-activity-fa")
    follow(page, "main [data-activity-edit] button[type=submit]")
    assert f"/partnerships/{kyiv.pk}/" in page.url
    assert "کارگاه مشترک حمل‌ونقل عمومی" in page.inner_text("[data-timeline]")
    assert activity.partnerships.count() == 2
    assert kyiv.events.filter(action="activity_updated").exists()
    assert havana.events.filter(action="activity_updated").exists()
    shot(page, "partnerships-edit-after-fa")

    follow(page, f"[data-activity='{activity.pk}'] [data-activity-delete]")
    assert "کارگاه مشترک حمل‌ونقل عمومی" in page.inner_text("main")
    shot(page, "partnerships-edit-delete-fa")
    follow(page, "main [data-confirm-page] button[type=submit]")
    assert f"/partnerships/{kyiv.pk}/" in page.url
    assert page.locator(f"[data-activity='{activity.pk}']").count() == 0
    assert Partnership.objects.get(pk=havana.pk).events.filter(action="activity_deleted").exists()
    assert page.js_errors == []

    page.goto(f"{live_server.url}/en/o/{demo['office'].slug}/partnerships/{kyiv.pk}/")
    assert "Activity deleted" in page.inner_text("[data-history]")
    commitment = services.commitment_create(
        partnership=kyiv, actor=SYSTEM, title="Bus study", due_on=timezone.localdate()
    )
    page.goto(
        f"{live_server.url}/en/o/{demo['office'].slug}/partnerships/commitments/"
        f"{commitment.pk}/edit/"
    )
    assert page.locator("html").get_attribute("dir") == "ltr"
    shot(page, "partnerships-edit-commitment-en")
    assert page.js_errors == []
