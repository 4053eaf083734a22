"""An annual report the office asked for: its year, calendar and language, how far its
building has come, and the two files it produced."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.core.uploads import PrivatePath

# Private files of this app: reports/<office id>/<random name>.
private_upload_to = PrivatePath("reports")

# The years each calendar offers (the house's dates run 1900-2100).
YEARS = {"jalali": (1279, 1479), "gregorian": (1900, 2100)}
MESSAGE_MAX = 500


class ReportCalendar(models.TextChoices):
    JALALI = "jalali", _("Solar Hijri (Jalali)")
    GREGORIAN = "gregorian", _("Gregorian")


class ReportLanguage(models.TextChoices):
    FA = "fa", _("Persian")
    EN = "en", _("English")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


FINISHED = (ReportStatus.DONE, ReportStatus.FAILED)


class ReportStage(models.TextChoices):
    """What the builder is doing; shown in the reader's language."""

    WAITING = "waiting", _("Waiting for its turn")
    CONTENT = "content", _("Reading the year's records")
    PDF = "pdf", _("Typesetting the PDF")
    XLSX = "xlsx", _("Writing the spreadsheet")
    SAVING = "saving", _("Keeping the files")
    DONE = "done", _("Ready to download")
    FAILED = "failed", _("Stopped")


class AnnualReport(OfficeScoped):
    year = models.PositiveSmallIntegerField(_("year"))
    calendar = models.CharField(
        _("calendar"), max_length=10, choices=ReportCalendar.choices, default="jalali"
    )
    language = models.CharField(
        _("language"), max_length=2, choices=ReportLanguage.choices, default="fa"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress"), default=0, validators=[MaxValueValidator(100)]
    )
    stage = models.CharField(
        _("stage"), max_length=10, choices=ReportStage.choices, default=ReportStage.WAITING
    )
    failure = models.CharField(_("why it failed"), max_length=MESSAGE_MAX, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    pdf_file = models.FileField(_("PDF"), upload_to=private_upload_to, blank=True, max_length=200)
    xlsx_file = models.FileField(
        _("spreadsheet"), upload_to=private_upload_to, blank=True, max_length=200
    )

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["office", "-created_at"], name="report_office_new_idx")]

    def __str__(self) -> str:
        return f"report {self.year} ({self.calendar}, {self.language})"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def file_stem(self) -> str:
        """The name both files are offered under: annual-report-1404-fa."""
        return f"annual-report-{self.year}-{self.language}"
