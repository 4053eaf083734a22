"""The import journey in Persian: an officer uploads an XLSX of pacts with Persian headers
and Jalali dates, sees the preview (one to create, one city to pick), picks which Paris
the file means, checks again and confirms; the registry then holds both pacts, signed on
the right Gregorian days, and the export of the list imported back changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from e2e.support import follow
from peyvand.exchange.kinds import KINDS
from peyvand.exchange.reader import read_table
from peyvand.exchange.services import import_table
from peyvand.exchange.tests.factories import searchable_city
from peyvand.partnerships.models import Partnership


def _workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["شهر طرف", "نوع", "وضعیت", "تاریخ امضا", "خلاصه (فارسی)"])
    sheet.append(["پاریس", "خواهرخواندگی", "فعال", "۱۴۰۲/۰۲/۱۵", "همکاری فرهنگی"])
    sheet.append(["وین", "دوستی", "فعال", "1401/07/01", "حمل‌ونقل"])
    book.save(path)
    return path


def test_a_persian_xlsx_of_pacts_is_previewed_picked_and_confirmed(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any, tmp_path: Path
) -> None:
    office = demo["office"]
    paris = searchable_city("Paris", country="FR", name_fa="پاریس", code="x:e2e:paris")
    searchable_city("Paris", country="US", name_fa="پاریس", code="x:e2e:paris-tx")
    vienna = searchable_city("Vienna", country="AT", name_fa="وین", code="x:e2e:vienna")
    before = Partnership.objects.for_office(office).count()
    base = f"{live_server.url}/fa/o/{office.slug}"
    login(page, *demo["logins"]["officer"], "fa")

    page.goto(f"{base}/exchange/")
    follow(page, "[data-kind='partnerships'] a[href*='/import/']")
    page.set_input_files("input[name=file]", str(_workbook(tmp_path / "pacts.xlsx")))
    follow(page, "main button[type=submit]")
    # Vienna is ready; Paris waits for its pick (an error of its row until then)
    assert "ساخته می\u200cشود: ۱" in page.inner_text("[data-import-counts]")
    assert page.locator("[data-ambiguous] select").count() == 1
    assert page.locator("[data-confirm-import]").count() == 0
    shot(page, "exchange-preview-ambiguous")

    page.select_option("[data-ambiguous] select", paris.code)
    follow(page, "button[value=preview]")
    assert page.locator("[data-import-errors]").count() == 0
    assert "ساخته می\u200cشود: ۲" in page.inner_text("[data-import-counts]")
    shot(page, "exchange-preview-ready")
    follow(page, "[data-confirm-import]")
    assert page.url.rstrip("/").endswith("/exchange")
    assert Partnership.objects.for_office(office).count() == before + 2
    pact = Partnership.objects.get(office=office, partner_city=paris)
    assert pact.signed_on == dt.date(2023, 5, 5) and pact.summary_fa == "همکاری فرهنگی"
    assert Partnership.objects.get(office=office, partner_city=vienna).kind == "friendship"

    # The list's export, imported back: nothing to create, nothing to change.
    page.goto(f"{base}/partnerships/")
    with page.expect_download() as info:
        page.click("[data-export-csv]")
    data = Path(info.value.path()).read_bytes()
    report = import_table(
        office=office,
        actor=office.memberships.get(user__username=demo["logins"]["officer"][0]),
        kind=KINDS["partnerships"],
        table=read_table(data, "export.csv"),
    )
    assert (report.to_create, report.to_change, report.errors) == (0, 0, [])
    assert page.js_errors == []
