"""The annual report journey, in Persian and in English: the director opens the reports,
asks for this year's report, lands on its page and downloads the PDF and the spreadsheet;
a report being built shows its progress, polled every 2 s, until it is ready. Screenshots
at 1366 and 390 px under artefacts/screenshots/."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.actors import SYSTEM
from peyvand.partnerships import services
from peyvand.places.tests.factories import make_city, make_country
from peyvand.reports.models import AnnualReport

TODAY = timezone.localdate()


def _some_work(office: Any) -> None:
    germany = make_country("DE", "Germany", "آلمان", continent="EU")
    berlin = make_city("Berlin", country=germany, code="gn:2950159", name_fa="برلین")
    pact = services.partnership_create(
        office=office,
        actor=SYSTEM,
        partner_city=berlin,
        status="active",
        signed_on=TODAY - dt.timedelta(days=3 * 365),
    )
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[pact],
        date=TODAY - dt.timedelta(days=20),
        kind="visit_in",
        title="بازدید هیئت برلین",
        participants=6,
    )
    services.outcome_add(
        activity=activity, actor=SYSTEM, kind="investment", value=Decimal("2.5"), unit="MEUR"
    )


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_director_asks_for_the_annual_report_and_downloads_both_files(
    page: Any,
    browser: Any,
    live_server: Any,
    demo: dict[str, Any],
    login: Any,
    shot: Any,
    lang: str,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    office = demo["office"]
    _some_work(office)
    base = f"{live_server.url}/{lang}/o/{office.slug}"
    login(page, *demo["logins"]["director"], lang)
    page.goto(f"{base}/")
    follow(page, "[data-nav='reports']")
    assert page.locator("[data-empty]").count() == 1
    shot(page, f"reports-list-empty-{lang}")
    follow(page, "[data-new-report]")
    # The year is this year's, in the calendar of the page's language; switching the
    # calendar switches the year.
    year = page.input_value("[name=year]")
    other = "gregorian" if lang == "fa" else "jalali"
    page.check(f"[name=calendar][value={other}]")
    assert page.input_value("[name=year]") != year
    page.check(f"[name=calendar][value={'jalali' if lang == 'fa' else 'gregorian'}]")
    assert page.input_value("[name=year]") == year
    shot(page, f"reports-form-{lang}")
    follow(page, "[data-report-form] button[type=submit]")
    report = AnnualReport.objects.get(office=office)
    assert report.status == "done", report.failure  # built at the commit (immediate tasks)
    assert page.locator("[data-downloads]").count() == 1
    shot(page, f"reports-detail-done-{lang}")
    for kind, suffix in (("pdf", ".pdf"), ("xlsx", ".xlsx")):
        with page.expect_download() as info:
            page.click(f"[data-downloads] [data-download={kind}]")
        download = info.value
        assert download.suggested_filename.endswith(suffix)
        saved = tmp_path / f"got{suffix}"
        download.save_as(saved)
        assert saved.stat().st_size > 1000
    assert saved.read_bytes()[:2] == b"PK"  # the spreadsheet is a zip

    # A report being built: the page polls its progress and shows the files when ready.
    building = AnnualReport.objects.create(
        office=office,
        year=report.year - 1,
        calendar=report.calendar,
        language=lang,
        status="running",
        progress=45,
        stage="pdf",
    )
    page.goto(f"{base}/reports/{building.pk}/")
    assert page.locator("[data-report-progress] progress").count() == 1
    shot(page, f"reports-detail-building-{lang}")
    AnnualReport.objects.filter(pk=building.pk).update(
        status="done",
        progress=100,
        stage="done",
        pdf_file=report.pdf_file.name,
        xlsx_file=report.xlsx_file.name,
    )
    page.wait_for_selector("[data-downloads]", timeout=8000)
    assert page.locator("[data-report-progress]").get_attribute("hx-trigger") is None

    page.goto(f"{base}/reports/")
    assert page.locator("[data-report-row]").count() == 2
    shot(page, f"reports-list-{lang}")
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    small = phone.new_page()
    login(small, *demo["logins"]["viewer"], lang)
    for name, path in (("list", "/reports/"), ("detail", f"/reports/{report.pk}/")):
        small.goto(f"{base}{path}")
        width = small.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (name, width)
        shot(small, f"reports-{name}-390-{lang}")
    assert small.locator("[data-new-report]").count() == 0  # a viewer may not ask
    phone.close()
    assert page.js_errors == []
