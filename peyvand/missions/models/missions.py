"""Missions: delegations the office sends (outgoing) or receives (incoming), from draft to
approval to trip report."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.core.i18n import BilingualMixin
from peyvand.records.models import Binned, LivePartsManager, Versioned, bin_index

from .storage import private_upload_to

PURPOSE_MAX = 4000
REASON_MAX = 2000
OBJECTIVES_MAX = 20
PUBLIC_SUMMARY_MAX = 2000


class Direction(models.TextChoices):
    OUTGOING = "outgoing", _("Outgoing")
    INCOMING = "incoming", _("Incoming")


class MissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    COMPLETED = "completed", _("Completed")
    REPORTED = "reported", _("Reported")
    CANCELLED = "cancelled", _("Cancelled")


class Mission(BilingualMixin, Binned):
    """A delegation. Its workflow (services.transitions) is draft → submitted → approved or
    rejected → completed → reported, cancelled from any state before completed."""

    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.OUTGOING
    )
    title_fa = models.CharField(_("title (Persian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    purpose = models.TextField(_("purpose"), blank=True, max_length=PURPOSE_MAX)
    status = models.CharField(
        _("status"), max_length=12, choices=MissionStatus.choices, default=MissionStatus.DRAFT
    )
    # Why it was rejected or cancelled (the history keeps every reason given).
    status_reason = models.TextField(_("reason"), blank=True, max_length=REASON_MAX)
    # The cities visited (outgoing) or visiting from (incoming).
    cities = models.ManyToManyField(
        "places.City", verbose_name=_("cities"), blank=True, related_name="+"
    )
    event = models.ForeignKey(
        "missions.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="missions",
    )
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        verbose_name=_("partnerships"),
        blank=True,
        related_name="missions",
    )
    contacts = models.ManyToManyField(
        "missions.Contact",
        verbose_name=_("contacts"),
        through="missions.Participant",
        through_fields=("mission", "contact"),
        blank=True,
        related_name="missions",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    budget_planned = models.DecimalField(
        _("planned budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_actual = models.DecimalField(
        _("actual spend"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_currency = models.CharField(_("currency"), max_length=3, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # What the public portal says of the mission (it shows nothing else of it), and whether
    # it does: set only through mission_publish.
    public_summary_fa = models.TextField(
        _("public summary (Persian)"), blank=True, max_length=PUBLIC_SUMMARY_MAX
    )
    public_summary_en = models.TextField(
        _("public summary (English)"), blank=True, max_length=PUBLIC_SUMMARY_MAX
    )
    published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this mission while you were editing it; your changes were "
            "not saved. Review their changes below and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["office", "status"], name="mission_office_status_idx"),
            models.Index(fields=["office", "-start_date"], name="mission_office_start_idx"),
            bin_index("mission_bin_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.tr("title")

    @property
    def public_summary(self) -> str:
        return self.tr("public_summary")


class ObjectiveOutcome(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


class Objective(OfficeScoped):
    """One objective of a mission, in order; the trip report gives its outcome."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="objectives")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("objective"), max_length=500)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=ObjectiveOutcome.choices, blank=True
    )
    outcome_note = models.TextField(_("note"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class LiveParticipants(LivePartsManager):
    parent = "mission"


class Participant(OfficeScoped):
    """Who travels or visits: an office member (with department and role on the trip), or
    a contact (the people of an incoming delegation). Exactly one of the two."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member of the office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    contact = models.ForeignKey(
        "missions.Contact",
        verbose_name=_("contact"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
    )
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    role = models.CharField(_("role on the mission"), max_length=120, blank=True)

    # Hidden while its mission is in the bin.
    objects: ClassVar[LiveParticipants] = LiveParticipants()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(user__isnull=False, contact__isnull=True)
                    | models.Q(user__isnull=True, contact__isnull=False)
                ),
                name="participant_member_or_contact",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mission_id}: {self.user_id or self.contact_id}"


class MissionDocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    INVITATION = "invitation", _("Invitation")
    VISA_LETTER = "visa_letter", _("Visa letter")
    OTHER = "other", _("Other")


class LiveMissionDocuments(LivePartsManager):
    parent = "mission"


class MissionDocument(OfficeScoped):
    """A file of a mission, checked and stored like an agreement's files (core.uploads)."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=12, choices=MissionDocumentKind.choices)
    file = models.FileField(_("file"), upload_to=private_upload_to, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    # Hidden while its mission is in the bin.
    objects: ClassVar[LiveMissionDocuments] = LiveMissionDocuments()

    class Meta:
        verbose_name = _("mission document")
        verbose_name_plural = _("mission documents")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class MissionActivity(OfficeScoped):
    """The one activity a completed mission created on one of its pacts: what keeps the
    pact's timeline and health in step with the mission (no double entry)."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="activity_links")
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    activity = models.OneToOneField(
        "partnerships.Activity", on_delete=models.CASCADE, related_name="mission_link"
    )

    class Meta:
        verbose_name = _("activity of a mission")
        verbose_name_plural = _("activities of missions")
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "partnership"], name="mission_activity_one_per_pact"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mission_id} → {self.activity_id}"
