"""The trip report: what a mission achieved, learned and left to do."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped

from .missions import Mission, ObjectiveOutcome

TEXT_MAX = 8000

__all__ = ["FollowUp", "ObjectiveOutcome", "PracticeObserved", "TripReport"]


class TripReport(OfficeScoped):
    """Filed once a mission is completed; filing it moves the mission to reported. The
    outcome of each objective is kept on the objective (`Objective.outcome`)."""

    mission = models.OneToOneField(Mission, on_delete=models.CASCADE, related_name="report")
    summary = models.TextField(_("summary"), max_length=TEXT_MAX)
    lessons = models.TextField(_("lessons learned"), blank=True, max_length=TEXT_MAX)
    # Given here, they become outcomes of the mission's activities.
    people_exchanged = models.PositiveIntegerField(_("people exchanged"), null=True, blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filed_on = models.DateField(_("filed on"))

    class Meta:
        verbose_name = _("trip report")
        verbose_name_plural = _("trip reports")

    def __str__(self) -> str:
        return f"report of {self.mission_id}"


class PracticeObserved(OfficeScoped):
    """A practice seen abroad, kept so the knowledge module can turn it into a practice of
    the office in one click."""

    report = models.ForeignKey(TripReport, on_delete=models.CASCADE, related_name="practices")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX)

    class Meta:
        verbose_name = _("practice observed")
        verbose_name_plural = _("practices observed")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class FollowUp(OfficeScoped):
    """A follow-up of the report: a commitment on a chosen pact, linked back to the mission."""

    report = models.ForeignKey(TripReport, on_delete=models.CASCADE, related_name="follow_ups")
    commitment = models.OneToOneField(
        "partnerships.Commitment", on_delete=models.CASCADE, related_name="follow_up"
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.report_id} → {self.commitment_id}"
