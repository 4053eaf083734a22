"""The report pages: the list (empty, then with reports), the request form (prefilled, its
errors, roles), the report's page with its progress polled while it is built, and the
downloads (members only, another office's report 404)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jdatetime
import pytest
from django.urls import reverse
from django.utils import timezone

from peyvand.accounts.tests.factories import make_member
from peyvand.core.text import to_persian_digits
from peyvand.reports import services
from peyvand.reports.models import AnnualReport

pytestmark = pytest.mark.django_db


def url(name: str, office: Any, lang: str = "fa", **kw: Any) -> str:
    from django.utils import translation

    with translation.override(lang):
        return reverse(f"reports:{name}", kwargs={"office_slug": office.slug, **kw})


def download_url(office: Any, kind: str, pk: int) -> str:
    return reverse("records:download", kwargs={"office_slug": office.slug, "kind": kind, "pk": pk})


def queued(office: Any, **kw: Any) -> AnnualReport:
    """A report asked for but not built (its task runs only at a real commit)."""
    kw.setdefault("year", 1404)
    kw.setdefault("calendar", "jalali")
    kw.setdefault("language", "fa")
    return services.report_request(office=office, actor=make_member(office, "officer"), **kw)


def test_the_list_is_empty_at_first_and_offers_the_request(office: Any, member_client: Any) -> None:
    page = member_client(office, "officer").get(url("list", office))
    html = page.content.decode()
    assert page.status_code == 200 and "data-empty" in html
    assert "هنوز گزارش سالانه‌ای ساخته نشده است." in html
    assert url("create", office) in html


def test_the_list_shows_past_reports_with_their_downloads(
    office: Any, member_client: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        done = queued(office, language="en")
    waiting = queued(office, year=2025, calendar="gregorian")
    page = member_client(office, "viewer").get(url("list", office, "en"))
    html = page.content.decode()
    assert f'data-report-row="{done.pk}"' in html and f'data-report-row="{waiting.pk}"' in html
    assert download_url(office, "report-pdf", done.pk).replace("/fa/", "/en/") in html
    assert download_url(office, "report-pdf", waiting.pk).replace("/fa/", "/en/") not in html
    assert "1404 (Solar Hijri)" in html and "2025 (Gregorian)" in html
    assert url("create", office, "en") not in html  # a viewer may not ask for one


def test_the_form_is_prefilled_with_the_current_year_in_each_language(
    office: Any, member_client: Any
) -> None:
    client = member_client(office, "officer")
    today = timezone.localdate()
    jalali = jdatetime.date.fromgregorian(date=today).year
    fa = client.get(url("create", office)).content.decode()
    assert f'value="{to_persian_digits(jalali)}"' in fa  # the number input shows Persian
    assert re.search(r'value="jalali"[^>]*checked', fa) and re.search(r'value="fa"[^>]*checked', fa)
    en = client.get(url("create", office, "en")).content.decode()
    assert f'value="{today.year}"' in en
    assert re.search(r'value="gregorian"[^>]*checked', en)
    assert f'data-year-jalali="{jalali}"' in en and f'data-year-gregorian="{today.year}"' in en


def test_asking_for_a_report_goes_to_its_page_which_polls_until_done(
    office: Any, member_client: Any, media: Path
) -> None:
    client = member_client(office, "officer")
    answer = client.post(
        url("create", office, "en"), {"calendar": "jalali", "year": "۱۴۰۴", "language": "fa"}
    )
    report = AnnualReport.objects.get()
    assert answer.status_code == 302 and answer["Location"] == url(
        "detail", office, "en", pk=report.pk
    )
    assert (report.year, report.calendar, report.language, report.status) == (
        1404,
        "jalali",
        "fa",
        "queued",
    )
    page = client.get(answer["Location"]).content.decode()
    poll = url("progress", office, "en", pk=report.pk)
    assert f'hx-get="{poll}"' in page and 'hx-trigger="every 2s"' in page
    AnnualReport.objects.filter(pk=report.pk).update(status="running", progress=45, stage="pdf")
    fragment = client.get(poll).content.decode()
    assert fragment.lstrip().startswith("<section") and "<html" not in fragment
    assert 'value="45"' in fragment and "Typesetting the PDF" in fragment
    assert 'hx-trigger="every 2s"' in fragment
    AnnualReport.objects.filter(pk=report.pk).update(status="failed", stage="failed", failure="X")
    fragment = client.get(poll).content.decode()
    assert "hx-trigger" not in fragment and "data-failure" in fragment


def test_a_done_report_offers_both_files_to_every_member(
    office: Any, member_client: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        report = queued(office)
    viewer = member_client(office, "viewer")
    fragment = viewer.get(url("progress", office, pk=report.pk)).content.decode()
    assert "hx-trigger" not in fragment and "data-downloads" in fragment
    pdf = viewer.get(download_url(office, "report-pdf", report.pk))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert 'filename="annual-report-1404-fa.pdf"' in pdf["Content-Disposition"]
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    xlsx = viewer.get(download_url(office, "report-xlsx", report.pk))
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="annual-report-1404-fa.xlsx"' in xlsx["Content-Disposition"]


def test_a_viewer_may_not_ask_for_a_report(office: Any, member_client: Any) -> None:
    viewer = member_client(office, "viewer")
    assert viewer.get(url("create", office)).status_code == 403
    answer = viewer.post(
        url("create", office), {"calendar": "jalali", "year": "1404", "language": "fa"}
    )
    assert answer.status_code == 403
    assert not AnnualReport.objects.exists()


def test_the_service_refuses_a_year_out_of_the_calendar_on_the_form(
    office: Any, member_client: Any
) -> None:
    client = member_client(office, "officer")
    page = client.post(
        url("create", office), {"calendar": "jalali", "year": "2025", "language": "fa"}
    )
    assert page.status_code == 200
    assert "سالی از ۱۲۷۹ تا ۱۴۷۹ در این تقویم برگزینید." in page.content.decode()
    page = client.post(
        url("create", office, "en"), {"calendar": "gregorian", "year": "1404", "language": "en"}
    )
    assert "Choose a year from 1900 to 2100 in this calendar." in page.content.decode()
    assert not AnnualReport.objects.exists()


def test_too_many_reports_at_once_are_refused_on_the_form(office: Any, member_client: Any) -> None:
    for _ in range(services.UNFINISHED_MAX):
        queued(office)
    page = member_client(office, "officer").post(
        url("create", office, "en"), {"calendar": "jalali", "year": "1404", "language": "en"}
    )
    assert page.status_code == 200 and "being built already" in page.content.decode()
    assert AnnualReport.objects.count() == services.UNFINISHED_MAX


def test_another_offices_report_is_not_found(
    office: Any,
    other_office: Any,
    member_client: Any,
    media: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        theirs = queued(other_office)
    client = member_client(office, "director")
    for name in ("detail", "progress"):
        assert client.get(url(name, office, pk=theirs.pk)).status_code == 404
    for kind in ("report-pdf", "report-xlsx"):
        assert client.get(download_url(office, kind, theirs.pk)).status_code == 404
    # Not a member of the other office: its pages answer 404 too.
    assert client.get(url("detail", other_office, pk=theirs.pk)).status_code == 404
    assert client.get(url("list", other_office)).status_code == 404


def test_a_stranger_is_sent_to_log_in(office: Any, client: Any) -> None:
    answer = client.get(url("list", office))
    assert answer.status_code == 302 and "login" in answer["Location"]


def test_the_list_pages_past_reports(office: Any, member_client: Any) -> None:
    for year in range(1380, 1405):
        AnnualReport.objects.create(office=office, year=year, status="done")
    client = member_client(office, "viewer")
    first = client.get(url("list", office, "en")).content.decode()
    second = client.get(url("list", office, "en") + "?page=2").content.decode()
    assert first.count("data-report-row=") == 20 and second.count("data-report-row=") == 5
    assert "Page 2 of 2" in second
