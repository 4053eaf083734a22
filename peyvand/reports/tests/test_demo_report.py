"""The demo office's report of the current year, in Persian and in English: built through
the task, its first two pages rendered to PNG with Debian's pdftoppm into artefacts/reports/
(git-ignored) to be looked at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from peyvand.accounts.models import OfficeMembership
from peyvand.reports import services
from peyvand.reports.models import AnnualReport
from peyvand.reports.periods import current_year

from .demo import make_demo_office
from .test_build import as_extracted, pdf_text

ARTEFACTS = Path(__file__).resolve().parents[3] / "artefacts" / "reports"


@pytest.mark.django_db
def test_the_demo_offices_report_of_this_year_in_both_languages(
    media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    office = make_demo_office()
    director = OfficeMembership.objects.filter(office=office, role="director").first()
    assert director is not None
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    today = timezone.localdate()
    for language, calendar in (("fa", "jalali"), ("en", "gregorian")):
        year = current_year(calendar, today)
        with django_capture_on_commit_callbacks(execute=True):
            report = services.report_request(
                office=office, actor=director, year=year, calendar=calendar, language=language
            )
        report = AnnualReport.objects.get(pk=report.pk)
        assert report.status == "done", report.failure
        pdf = ARTEFACTS / f"demo-{language}.pdf"
        shutil.copyfile(report.pdf_file.path, pdf)
        shutil.copyfile(report.xlsx_file.path, ARTEFACTS / f"demo-{language}.xlsx")
        for old in ARTEFACTS.glob(f"demo-{language}-page-*.png"):
            old.unlink()
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                "2",
                str(pdf),
                str(ARTEFACTS / f"demo-{language}-page"),
            ],
            check=True,
        )
        pages = sorted(ARTEFACTS.glob(f"demo-{language}-page-*.png"))
        assert len(pages) == 2 and all(p.stat().st_size > 5000 for p in pages)
        text = pdf_text(pdf)
        if language == "fa":
            assert as_extracted("گزارش سالانه") in text and as_extracted(office.name_fa) in text
        else:
            assert f"Annual report {year}" in text and office.name_en in text
