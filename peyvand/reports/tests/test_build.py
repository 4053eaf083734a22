"""Building a report end to end: the PDF's text (read with Debian's pdftotext), the
spreadsheet's cells (read back with openpyxl), and a failure that leaves no file."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from peyvand.accounts.tests.factories import make_member
from peyvand.reports import build as builder
from peyvand.reports import content, services
from peyvand.reports.models import AnnualReport

from .conftest import stored_files
from .support import YEAR, make_year

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
LATIN_DIGIT = re.compile("[0-9]")


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext reads it (bidi controls dropped, spaces squeezed)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return re.sub(r"[ \t]+", " ", BIDI_CONTROLS.sub("", out))


def as_extracted(persian: str) -> str:
    """Persian text as pdftotext gives it back: it drops the zero-width non-joiner and
    reverses the two letters of the lam-alef ligature (the page shows them right)."""
    return persian.replace("\u200c", "").replace("لا", "ال")


def value_before(text: str, label: str) -> str:
    """The figure printed just above a key figure's label (the card's value)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    index = lines.index(label)
    return " ".join(lines[max(0, index - 3) : index])


def build(office: Any, django_capture_on_commit_callbacks: Any, **kw: Any) -> AnnualReport:
    director = make_member(office, "director")
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_request(office=office, actor=director, **kw)
    report.refresh_from_db()
    return report


@pytest.mark.django_db
def test_a_persian_report_reads_its_title_office_and_totals_in_persian_digits(
    office: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    make_year(office)
    report = build(
        office, django_capture_on_commit_callbacks, year=YEAR, calendar="jalali", language="fa"
    )
    assert (report.status, report.progress, report.stage) == ("done", 100, "done")
    assert report.finished_at is not None and report.started_at is not None
    text = pdf_text(Path(report.pdf_file.path))
    assert as_extracted("گزارش سالانه ۱۴۰۴") in text
    assert "اداره تهران" in text
    # The period in both calendars.
    assert as_extracted("۱ فروردین ۱۴۰۴").replace(" ", "") in text.replace(" ", "")
    assert "۲۰۲۵" in text and "۲۰۲۶" in text
    assert "۵" in value_before(text, as_extracted("فعالیت‌های سال"))  # 5 in the year
    assert "۱٬۵۰۰٫۵۰" in text  # the trip's actual spend, EUR
    assert "۱۲٬۰۰۰" in text  # the UCLG fee
    assert not LATIN_DIGIT.search(text), LATIN_DIGIT.findall(text)[:10]
    assert (
        "Vazirmatn"
        in subprocess.run(
            ["pdffonts", report.pdf_file.path], check=True, capture_output=True, text=True
        ).stdout
    )


@pytest.mark.django_db
def test_an_english_report_of_a_gregorian_year(
    office: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    make_year(office)
    report = build(
        office, django_capture_on_commit_callbacks, year=2025, calendar="gregorian", language="en"
    )
    assert report.status == "done", report.failure
    text = pdf_text(Path(report.pdf_file.path))
    assert "Annual report 2025" in text
    assert "Tehran office" in text
    assert "1 January 2025 to 31 December 2025" in text
    assert "1,500.50" in text and "12,000" in text
    assert "Contents" in text


@pytest.mark.django_db
def test_the_spreadsheet_holds_numbers_and_dates_right_to_left_in_persian(
    office: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    make_year(office)
    report = build(
        office, django_capture_on_commit_callbacks, year=YEAR, calendar="jalali", language="fa"
    )
    book = load_workbook(report.xlsx_file.path)
    assert len(book.sheetnames) == len(content.SECTIONS) + 1  # the summary first
    for sheet in book.worksheets:
        assert sheet.sheet_view.rightToLeft is True
        assert sheet.freeze_panes == "A6"  # under the first table's header (row 5)
        assert all(cell.font.b for cell in sheet[5] if cell.value is not None)
        assert sheet.column_dimensions["A"].width >= 14
    summary = book.worksheets[0]
    values = [row[2] for row in summary.iter_rows(min_row=6, max_col=4, values_only=True)]
    numbers = [v for v in values if v is not None]
    assert numbers and all(isinstance(v, int | float) for v in numbers)
    missions = book.worksheets[3]
    vienna = next(r for r in missions.iter_rows(min_row=6) if r[0].value == "سفر مطالعاتی وین")
    start, actual = vienna[3], vienna[7]
    assert isinstance(start.value, dt.datetime) and start.value.date() == dt.date(2025, 10, 5)
    assert start.is_date and "fa-IR" in start.number_format
    assert actual.value == pytest.approx(1500.5) and actual.data_type == "n"


@pytest.mark.django_db
def test_an_english_spreadsheet_reads_left_to_right_with_iso_dates(
    office: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    make_year(office)
    report = build(
        office, django_capture_on_commit_callbacks, year=2025, calendar="gregorian", language="en"
    )
    book = load_workbook(report.xlsx_file.path)
    assert book.sheetnames[0] == "Summary"
    assert not any(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
    pacts = book["Partnerships"]
    berlin = next(r for r in pacts.iter_rows(min_row=6) if r[0].value == "Berlin")
    assert berlin[4].is_date and berlin[4].number_format == "yyyy-mm-dd"
    assert isinstance(berlin[10].value, int)


@pytest.mark.django_db
@pytest.mark.parametrize("breaking", ["write_pdf", "write_xlsx"])
def test_a_failing_build_ends_failed_with_a_message_and_leaves_no_file(
    office: Any,
    media: Path,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: Any,
    breaking: str,
) -> None:
    make_year(office)

    def broken(*args: Any, **kwargs: Any) -> None:
        for target in args:
            if isinstance(target, Path):
                target.write_bytes(b"half a file")  # what a crash mid-way leaves
        raise RuntimeError("the typesetter ran out of paper")

    monkeypatch.setattr(builder, breaking, broken)
    report = build(
        office, django_capture_on_commit_callbacks, year=YEAR, calendar="jalali", language="fa"
    )
    assert report.status == "failed"
    assert report.failure == "RuntimeError: the typesetter ran out of paper"
    assert not report.pdf_file and not report.xlsx_file
    assert stored_files(media) == []


@pytest.mark.django_db
def test_a_file_that_cannot_be_kept_takes_the_other_with_it(
    office: Any, media: Path, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    from django.db.models.fields.files import FieldFile

    keep = FieldFile.save

    def save(self: Any, name: str, content_: Any, save: bool = True) -> None:
        if name.endswith(".xlsx"):
            raise OSError("disk full")
        keep(self, name, content_, save=save)

    monkeypatch.setattr(FieldFile, "save", save)
    make_year(office)
    report = build(
        office, django_capture_on_commit_callbacks, year=YEAR, calendar="jalali", language="fa"
    )
    assert report.status == "failed" and "disk full" in report.failure
    assert stored_files(media) == []  # the PDF kept first was removed


@pytest.mark.django_db
def test_a_section_that_fails_fails_the_report(
    office: Any, media: Path, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    def broken(scope: Any) -> Any:
        raise ValueError("no such table")

    monkeypatch.setattr(content, "SECTIONS", [*content.SECTIONS, broken])
    report = build(
        office, django_capture_on_commit_callbacks, year=YEAR, calendar="jalali", language="en"
    )
    assert report.status == "failed" and report.failure == "ValueError: no such table"
    assert stored_files(media) == []


@pytest.mark.django_db
def test_a_report_is_built_once(
    office: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    report = build(
        office, django_capture_on_commit_callbacks, year=YEAR, calendar="jalali", language="en"
    )
    assert report.status == "done"
    files = stored_files(media)
    assert len(files) == 2
    assert builder.build_report(report.pk) == "done"  # a second run finds it taken
    assert stored_files(media) == files
    assert builder.build_report(10**9) == "missing"


@pytest.mark.django_db
def test_an_office_name_cannot_break_out_of_the_stylesheet(
    office: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    office.name_en = 'Office "A" </style><h1>x</h1> \\ end'
    office.save(update_fields=["name_en"])
    report = build(
        office, django_capture_on_commit_callbacks, year=2025, calendar="gregorian", language="en"
    )
    assert report.status == "done", report.failure
    text = pdf_text(Path(report.pdf_file.path))
    assert 'Office "A" </style><h1>x</h1>' in text  # the cover and the running header
