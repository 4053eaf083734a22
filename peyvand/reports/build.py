"""Building one report (run by the task): the content, then the PDF, then the spreadsheet,
each written to a temporary folder; both files are kept only once both are built, so a
failed build ends as failed with its reason and leaves no file, never half of one.

Progress is written with `QuerySet.update` (a few small writes, nothing on a kept page
depends on it: the report's own page is never kept); the start and the end raise the
office's version, so the kept list shows the new status.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation

from peyvand.accounts.versions import bump_office

from .content import SECTIONS, build_content
from .models import MESSAGE_MAX, AnnualReport, ReportStage, ReportStatus
from .pdf import report_html, write_pdf
from .xlsx import write_xlsx

logger = logging.getLogger(__name__)

# Where the progress bar stands when each stage begins (the content fills 5 to 40).
PROGRESS = {ReportStage.CONTENT: 5, ReportStage.PDF: 45, ReportStage.XLSX: 80}
PROGRESS_SAVING = 95


def _progress(report_id: int, progress: int, stage: str) -> None:
    updated = AnnualReport.objects.filter(pk=report_id)
    updated.update(progress=progress, stage=stage)
    # The kept lists (page and API) show the progress: a few bumps a report.
    bump_office(updated.values_list("office_id", flat=True).first())


def _claim(report_id: int) -> AnnualReport | None:
    """Move a queued report to running (once: a second worker finds it taken)."""
    claimed = AnnualReport.objects.filter(pk=report_id, status=ReportStatus.QUEUED).update(
        status=ReportStatus.RUNNING,
        started_at=timezone.now(),
        progress=PROGRESS[ReportStage.CONTENT],
        stage=ReportStage.CONTENT,
    )
    if not claimed:
        return None
    report: AnnualReport = AnnualReport.objects.select_related("office").get(pk=report_id)
    bump_office(report.office_id)
    return report


def _store(report: AnnualReport, pdf: Path, xlsx: Path) -> None:
    """Keep both files and mark the report done; on any failure remove what was kept."""
    kept: list[str] = []
    storage = report.pdf_file.storage
    try:
        for field, path in ((report.pdf_file, pdf), (report.xlsx_file, xlsx)):
            with path.open("rb") as handle:
                field.save(f"{report.file_stem}{path.suffix}", File(handle), save=False)
            kept.append(field.name or "")
        with transaction.atomic():
            AnnualReport.objects.filter(pk=report.pk).update(
                pdf_file=report.pdf_file.name,
                xlsx_file=report.xlsx_file.name,
                status=ReportStatus.DONE,
                progress=100,
                stage=ReportStage.DONE,
                finished_at=timezone.now(),
                failure="",
            )
            bump_office(report.office_id)
    except BaseException:
        for name in kept:
            storage.delete(name)
        raise


def _fail(report_id: int, office_id: int, exc: BaseException) -> None:
    reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    AnnualReport.objects.filter(pk=report_id).update(
        status=ReportStatus.FAILED,
        stage=ReportStage.FAILED,
        failure=reason[:MESSAGE_MAX],
        finished_at=timezone.now(),
        pdf_file="",
        xlsx_file="",
    )
    bump_office(office_id)


def build_report(report_id: int) -> str:
    """Build the queued report `report_id`; its status at the end."""
    report = _claim(report_id)
    if report is None:
        found = AnnualReport.objects.filter(pk=report_id).values_list("status", flat=True)
        return str(found.first() or "missing")
    total = len(SECTIONS)

    def content_progress(done: int) -> None:
        step = PROGRESS[ReportStage.PDF] - PROGRESS[ReportStage.CONTENT]
        _progress(
            report_id, PROGRESS[ReportStage.CONTENT] + step * done // total, ReportStage.CONTENT
        )

    try:
        with translation.override(report.language), tempfile.TemporaryDirectory() as folder:
            content = build_content(
                office=report.office,
                year=report.year,
                calendar=report.calendar,
                today=timezone.localdate(),
                progress=content_progress,
            )
            _progress(report_id, PROGRESS[ReportStage.PDF], ReportStage.PDF)
            pdf = Path(folder) / "report.pdf"
            write_pdf(report_html(content, language=report.language), pdf)
            _progress(report_id, PROGRESS[ReportStage.XLSX], ReportStage.XLSX)
            xlsx = Path(folder) / "report.xlsx"
            write_xlsx(content, xlsx, language=report.language)
            _progress(report_id, PROGRESS_SAVING, ReportStage.SAVING)
            _store(report, pdf, xlsx)
    except Exception as exc:
        logger.exception("annual report %s failed", report_id)
        _fail(report_id, report.office_id, exc)
        return ReportStatus.FAILED
    return ReportStatus.DONE
