"""An office's partnerships, agreements, commitments, activities and their health.

One module over ~400 lines, on purpose: these are field declarations only (no behaviour:
the rules are in services/), and the models reference one another and share their choices
(kinds, statuses), so they read best, and are migrated, together.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.core.i18n import BilingualMixin
from peyvand.core.uploads import PrivatePath
from peyvand.records.models import Versioned

# Private files of this app: partnerships/<office id>/<random name>.
private_upload_to = PrivatePath("partnerships")


class CooperationArea(BilingualMixin, models.Model):
    """A shared taxonomy of what cities cooperate on, mapped to the SDGs."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fa = models.CharField(_("name (Persian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    sdgs = models.JSONField(_("Sustainable Development Goals"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.tr("name")

    @property
    def name(self) -> str:
        return self.tr("name")


class PartnershipKind(models.TextChoices):
    SISTER = "sister", _("Sister city")
    FRIENDSHIP = "friendship", _("Friendship")
    COOPERATION = "cooperation", _("Cooperation agreement")
    MOU = "mou", _("Memorandum of understanding")
    OTHER = "other", _("Other")


class PartnershipStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    NEGOTIATING = "negotiating", _("Negotiating")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    ENDED = "ended", _("Ended")


class HealthLabel(models.TextChoices):
    ACTIVE = "active", _("Active")
    WEAKENING = "weakening", _("Weakening")
    DORMANT = "dormant", _("Dormant")


class Partnership(BilingualMixin, Versioned, OfficeScoped):
    partner_city = models.ForeignKey(
        "places.City",
        verbose_name=_("partner city"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=PartnershipKind.choices, default=PartnershipKind.SISTER
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.PROPOSED,
    )
    end_reason = models.TextField(_("reason for ending"), blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    areas = models.ManyToManyField(
        CooperationArea, verbose_name=_("cooperation areas"), blank=True, related_name="+"
    )
    summary_fa = models.TextField(_("summary (Persian)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_public = models.BooleanField(_("public"), default=False)
    archived = models.BooleanField(_("archived"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    # The health score, stored with the day it was computed (see docs/health-score.md).
    health_score = models.PositiveSmallIntegerField(_("health score"), null=True, blank=True)
    health_label = models.CharField(
        _("health"), max_length=12, choices=HealthLabel.choices, blank=True
    )
    paper_only = models.BooleanField(_("paper only"), default=False)
    health_components = models.JSONField(default=dict, blank=True)
    health_computed_on = models.DateField(null=True, blank=True)

    stale_messages = {
        False: _(
            "Someone else changed this partnership while you were editing it; your changes "
            "were not saved. Review their changes below and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-health_score", "pk"]
        indexes = [
            models.Index(fields=["office", "health_score"], name="pship_office_score_idx"),
            models.Index(fields=["office", "status"], name="pship_office_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.partner_city} ({self.get_kind_display()})"

    @property
    def summary(self) -> str:
        return self.tr("summary")

    @property
    def summary_lang(self) -> str:
        """The language `summary` is written in (it falls back to the other one)."""
        summary = self.summary
        return "fa" if summary and summary == self.summary_fa else "en"


class ApprovalBody(models.TextChoices):
    CITY_COUNCIL = "city_council", _("City council")
    MINISTRY = "ministry", _("National ministry")
    OTHER = "other", _("Other authority")


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class Approval(OfficeScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="approvals")
    body = models.CharField(_("approving body"), max_length=20, choices=ApprovalBody.choices)
    body_name = models.CharField(_("name of the body"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ApprovalStatus.choices, default=ApprovalStatus.PENDING
    )
    decided_on = models.DateField(_("date"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    document = models.FileField(
        _("reference document"), upload_to=private_upload_to, blank=True, max_length=200
    )

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.body_name or str(self.get_body_display())


class Agreement(Versioned, OfficeScoped):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="agreements"
    )
    title = models.CharField(_("title"), max_length=300)
    languages = models.CharField(_("languages"), max_length=120, blank=True)
    signatories = models.TextField(_("signatories"), blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    stale_messages = {
        False: _(
            "Someone else changed this agreement while you were editing it; your changes "
            "were not saved. Review their changes below and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_on", "pk"]

    def __str__(self) -> str:
        return self.title


class AgreementFile(OfficeScoped):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=private_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("agreement file")
        verbose_name_plural = _("agreement files")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


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
    drop_reason = models.TextField(_("reason for dropping"), blank=True)
    evidence_note = models.TextField(_("evidence"), blank=True)
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


class Activity(Versioned, OfficeScoped):
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    initiated_by = models.CharField(
        _("initiated by"), max_length=10, choices=InitiatedBy.choices, default=InitiatedBy.US
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
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
    is_public = models.BooleanField(_("public"), default=False)
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


class Outcome(Versioned, OfficeScoped):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

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

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value or ''} {self.unit}".strip()


class HealthSettings(OfficeScoped):
    """The office's weights of the health score components (director only)."""

    w_recency = models.PositiveSmallIntegerField(_("recency"), default=30)
    w_frequency = models.PositiveSmallIntegerField(_("frequency"), default=25)
    w_delivery = models.PositiveSmallIntegerField(_("delivery"), default=15)
    w_reciprocity = models.PositiveSmallIntegerField(_("reciprocity"), default=10)
    w_breadth = models.PositiveSmallIntegerField(_("breadth"), default=10)
    w_outcomes = models.PositiveSmallIntegerField(_("outcomes"), default=10)

    class Meta:
        verbose_name = _("health score settings")
        verbose_name_plural = _("health score settings")
        constraints = [
            models.UniqueConstraint(fields=["office"], name="health_settings_one_per_office")
        ]

    def __str__(self) -> str:
        return f"health settings {self.office_id}"


class NotOurs(OfficeScoped):
    """A public twinning of the home city that the office says is not one of its pacts."""

    partner_city = models.ForeignKey(
        "places.City", verbose_name=_("partner city"), on_delete=models.PROTECT, related_name="+"
    )
    twinning = models.ForeignKey(
        "network.Twinning", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("link marked as not ours")
        verbose_name_plural = _("links marked as not ours")
        constraints = [
            models.UniqueConstraint(fields=["office", "partner_city"], name="not_ours_unique")
        ]

    def __str__(self) -> str:
        return f"not ours: {self.partner_city_id}"


class ReviewDecision(models.TextChoices):
    REVIVE = "revive", _("Revive")
    RETIRE = "retire", _("Retire")


class DormancyReview(OfficeScoped):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField(_("decision"), max_length=10, choices=ReviewDecision.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_on = models.DateField(_("decided on"))
    score_at_review = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    letter_fa = models.TextField(_("letter (Persian)"), blank=True)
    letter_en = models.TextField(_("letter (English)"), blank=True)

    class Meta:
        verbose_name = _("dormancy review")
        verbose_name_plural = _("dormancy reviews")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.partnership_id}: {self.decision}"
