"""An office's practices learned abroad, their transfer pipeline home and their files.

A practice is office-private (the portal may publish one later). Its pipeline
(`services/pipeline.py`) is idea → studied → proposed → piloting → adopted, or rejected
with a reason from any open stage; each stay in a stage is a `StageSpan`.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.core.i18n import BilingualMixin
from peyvand.core.uploads import PrivatePath
from peyvand.records.models import Binned, LivePartsManager, bin_index

SUMMARY_MAX = 4000
BODY_MAX = 10_000
NOTE_MAX = 4000
REASON_MAX = 2000

# Private files of this app: knowledge/<office id>/<random name>.
private_upload_to = PrivatePath("knowledge")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    STUDIED = "studied", _("Studied")
    PROPOSED = "proposed", _("Proposed")
    PILOTING = "piloting", _("Piloting")
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Rejected")


class CostBand(models.TextChoices):
    LOW = "low", _("Low cost")
    MEDIUM = "medium", _("Medium cost")
    HIGH = "high", _("High cost")
    VERY_HIGH = "very_high", _("Very high cost")


class Transferability(models.TextChoices):
    EASY = "easy", _("Easy to transfer")
    ADAPT = "adapt", _("Transferable with adaptation")
    HARD = "hard", _("Hard to transfer")


# The 17 Sustainable Development Goals, stored as one integer: goal n is bit n.
SDG_GOALS = {
    1: _("No poverty"),
    2: _("Zero hunger"),
    3: _("Good health and well-being"),
    4: _("Quality education"),
    5: _("Gender equality"),
    6: _("Clean water and sanitation"),
    7: _("Affordable and clean energy"),
    8: _("Decent work and economic growth"),
    9: _("Industry, innovation and infrastructure"),
    10: _("Reduced inequalities"),
    11: _("Sustainable cities and communities"),
    12: _("Responsible consumption and production"),
    13: _("Climate action"),
    14: _("Life below water"),
    15: _("Life on land"),
    16: _("Peace, justice and strong institutions"),
    17: _("Partnerships for the goals"),
}
SDG_ALL = sum(1 << n for n in SDG_GOALS)


def sdg_mask(goals: list[int]) -> int:
    return sum(1 << n for n in set(goals))


def sdg_list(mask: int) -> list[int]:
    return [n for n in SDG_GOALS if mask & (1 << n)]


class Practice(BilingualMixin, Binned):
    """A practice seen abroad (in a trip report, through a pact or a contact) that the
    office may bring home."""

    title_fa = models.CharField(_("title (Persian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_fa = models.TextField(_("summary (Persian)"), blank=True, max_length=SUMMARY_MAX)
    summary_en = models.TextField(_("summary (English)"), blank=True, max_length=SUMMARY_MAX)
    body_fa = models.TextField(_("description (Persian)"), blank=True, max_length=BODY_MAX)
    body_en = models.TextField(_("description (English)"), blank=True, max_length=BODY_MAX)
    source_city = models.ForeignKey(
        "places.City",
        verbose_name=_("source city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    areas = models.ManyToManyField(
        "partnerships.CooperationArea",
        verbose_name=_("cooperation areas"),
        blank=True,
        related_name="+",
    )
    sdgs = models.PositiveIntegerField(
        _("Sustainable Development Goals"), default=0, validators=[MaxValueValidator(SDG_ALL)]
    )
    source_link = models.URLField(_("source link"), max_length=500, blank=True)
    evidence = models.TextField(_("evidence"), blank=True, max_length=NOTE_MAX)
    cost_band = models.CharField(_("cost"), max_length=10, choices=CostBand.choices, blank=True)
    transferability = models.CharField(
        _("transferability"), max_length=10, choices=Transferability.choices, blank=True
    )
    tags = models.JSONField(_("tags"), default=list, blank=True)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.IDEA)
    # Why it was rejected, and the stage it left then (a reopened practice goes back there).
    stage_reason = models.TextField(_("reason"), blank=True, max_length=REASON_MAX)
    rejected_from = models.CharField(max_length=10, choices=Stage.choices, blank=True)
    stage_since = models.DateField(_("in this stage since"), default=timezone.localdate)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("owner department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True, max_length=NOTE_MAX)
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        verbose_name=_("partnerships"),
        blank=True,
        related_name="practices",
    )
    missions = models.ManyToManyField(
        "missions.Mission", verbose_name=_("missions"), blank=True, related_name="practices"
    )
    contacts = models.ManyToManyField(
        "missions.Contact", verbose_name=_("contacts"), blank=True, related_name="practices"
    )
    observation = models.OneToOneField(
        "missions.PracticeObserved",
        verbose_name=_("observed in a trip report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice",
    )
    # The activity its adoption logged on its pacts (with a "practice transferred"
    # outcome): made once.
    adoption_activity = models.ForeignKey(
        "partnerships.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # On the public portal once adopted: set only through practice_publish.
    published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this practice while you were editing it; your changes were "
            "not saved. Review their changes below and make yours again."
        ),
        True: _(
            "Someone else changed this practice after you opened this page; it was not "
            "deleted. Review their changes below and confirm again if it should still go."
        ),
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["office", "stage"], name="practice_office_stage_idx"),
            models.Index(fields=["office", "-updated_at"], name="practice_office_upd_idx"),
            bin_index("practice_bin_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.tr("title")

    @property
    def summary(self) -> str:
        return self.tr("summary")

    @property
    def body(self) -> str:
        return self.tr("body")

    @property
    def sdg_goals(self) -> list[int]:
        return sdg_list(self.sdgs)


class LiveStageSpans(LivePartsManager):
    parent = "practice"


class StageSpan(OfficeScoped):
    """One stay of a practice in a stage: entered on a day, left on another (open while
    it is the current stage). Written by the pipeline's service only."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="spans")
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    entered_on = models.DateField(_("entered on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    # Hidden while its practice is in the bin.
    objects: ClassVar[LiveStageSpans] = LiveStageSpans()

    class Meta:
        verbose_name = _("stage span")
        verbose_name_plural = _("stage spans")
        ordering = ["entered_on", "pk"]

    def __str__(self) -> str:
        return f"{self.practice_id}: {self.stage}"

    def days(self, today: dt.date | None = None) -> int:
        end = self.left_on or today or timezone.localdate()
        return max((end - self.entered_on).days, 0)


class PracticeDocumentKind(models.TextChoices):
    STUDY = "study", _("Study or report")
    PRESENTATION = "presentation", _("Presentation")
    PHOTO = "photo", _("Photo")
    OTHER = "other", _("Other")


class LivePracticeDocuments(LivePartsManager):
    parent = "practice"


class PracticeDocument(OfficeScoped):
    """A file of a practice, checked and stored like a mission's files (core.uploads)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=12, choices=PracticeDocumentKind.choices)
    file = models.FileField(_("file"), upload_to=private_upload_to, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    # Hidden while its practice is in the bin.
    objects: ClassVar[LivePracticeDocuments] = LivePracticeDocuments()

    class Meta:
        verbose_name = _("practice document")
        verbose_name_plural = _("practice documents")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name
