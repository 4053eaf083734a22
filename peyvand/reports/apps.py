"""The annual report: a year of the office's work as a PDF and a spreadsheet, built in the
background, kept and downloadable by the office's members."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "peyvand.reports"
    verbose_name = _("Annual reports")

    def ready(self) -> None:
        from peyvand.records.files import register_file

        from .models import AnnualReport

        # Served only through the members-only download view (records.views.download).
        register_file("report-pdf", AnnualReport, "pdf_file", name=lambda r: r.file_stem)
        register_file("report-xlsx", AnnualReport, "xlsx_file", name=lambda r: r.file_stem)
