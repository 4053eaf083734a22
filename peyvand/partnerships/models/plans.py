"""What a pact does: commitments of its action plan, activities and their outcomes."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.records.models import Binned, LivePartsManager, Versioned, bin_index

from .partnerships import CooperationArea, Partnership
from .storage import private_upload_to


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class LiveCommitments(LivePartsManager):
    parent = "partnership"


class Commitment(Versioned, OfficeScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="commitments"
    )
    title = models.CharField(_("title"), max_length=300)
    area = models.ForeignKey(
        CooperationArea,
        verbose_name=_("area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("owner department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.PLANNED,
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    drop_reason = models.TextField(_("reason for dropping"), blank=True, max_length=2000)
    evidence_note = models.TextField(_("evidence"), blank=True, max_length=2000)
    evidence_link = models.URLField(_("evidence link"), blank=True, max_length=500)
    evidence_file = models.FileField(
        _("evidence file"), upload_to=private_upload_to, blank=True, max_length=200
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this commitment while you were editing it; your changes "
            "were not saved. Review their changes and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }

    # Hidden while its partnership is in the bin.
    objects: ClassVar[LiveCommitments] = LiveCommitments()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def on_time(self) -> bool:
        return (
            self.status == CommitmentStatus.DONE
            and self.done_on is not None
            and self.done_on <= self.due_on
        )


class ActivityKind(models.TextChoices):
    VISIT_OUT = "visit_out", _("Outgoing visit")
    VISIT_IN = "visit_in", _("Incoming visit")
    EVENT = "event", _("Event")
    JOINT_PROJECT = "joint_project", _("Joint project")
    EXCHANGE = "exchange", _("Exchange or training")
    CORRESPONDENCE = "correspondence", _("Correspondence")
    ONLINE_MEETING = "online_meeting", _("Online meeting")
    CULTURAL = "cultural", _("Cultural event")
    BUSINESS = "business", _("Business and investment")
    OTHER = "other", _("Other")


class InitiatedBy(models.TextChoices):
    US = "us", _("Us")
    PARTNER = "partner", _("The partner")
    JOINT = "joint", _("Jointly")


INITIATED_PHRASES = {
    InitiatedBy.US: _("initiated by us"),
    InitiatedBy.PARTNER: _("initiated by the partner"),
    InitiatedBy.JOINT: _("initiated jointly"),
}


class Activity(Binned):
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    initiated_by = models.CharField(
        _("initiated by"), max_length=10, choices=InitiatedBy.choices, default=InitiatedBy.US
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    areas = models.ManyToManyField(
        CooperationArea, verbose_name=_("cooperation areas"), blank=True, related_name="+"
    )
    # The largest count every database's integer column holds (SQLite would take more).
    participants = models.PositiveIntegerField(
        _("participants"), null=True, blank=True, validators=[MaxValueValidator(2**31 - 1)]
    )
    partnerships = models.ManyToManyField(
        Partnership, verbose_name=_("partnerships"), related_name="activities"
    )
    # On the public portal under its published pacts: set only through activity_publish.
    published = models.BooleanField(_("published"), default=False)
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this activity while you were editing it; your changes "
            "were not saved. Review their changes below and make yours again."
        ),
        True: _(
            "Someone else changed this activity after you opened this page; it was not "
            "deleted. Review their changes below and confirm again if it should still go."
        ),
    }

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "-pk"]
        indexes = [
            # A pact's timeline, newest first, a page at a time: with thousands of a pact's
            # activities among a million, the database walks this index and stops at the
            # page instead of sorting them all (decision 0007).
            models.Index(fields=["-date", "-id"], name="activity_timeline"),
            bin_index("activity_bin_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def initiated_phrase(self) -> str:
        phrase = INITIATED_PHRASES.get(InitiatedBy(self.initiated_by))
        return str(phrase) if phrase is not None else ""


class OutcomeKind(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement signed")
    INVESTMENT = "investment", _("Investment")
    TRADE = "trade", _("Trade deal")
    PRACTICE = "practice", _("Practice transferred")
    PEOPLE = "people", _("People exchanged")
    GRANT = "grant", _("Grant won")
    OTHER = "other", _("Other")


class LiveOutcomes(LivePartsManager):
    parent = "activity"


class Outcome(Versioned, OfficeScoped):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    # On the public portal under its published activity: set only through outcome_publish.
    published = models.BooleanField(_("published"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this outcome while you were editing it; your changes "
            "were not saved. Review their changes below and make yours again."
        ),
        True: _(
            "Someone else changed this outcome after you opened this page; it was not "
            "removed. Review their changes below and confirm again if it should still go."
        ),
    }

    # Hidden while its activity is in the bin.
    objects: ClassVar[LiveOutcomes] = LiveOutcomes()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value or ''} {self.unit}".strip()
