"""The pacts: the taxonomy of areas, the pact with its health score, the office's weights,
links marked not ours, dormancy reviews."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.core.i18n import BilingualMixin
from peyvand.records.models import Binned, Versioned, bin_index


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


# The health score describes pacts in force; the others show their stage and next step.
IN_FORCE = (PartnershipStatus.ACTIVE,)
NEXT_STEPS = {
    PartnershipStatus.PROPOSED: _("next: open the negotiation, or record the agreement"),
    PartnershipStatus.NEGOTIATING: _("next: record the agreement and the approvals it needs"),
    PartnershipStatus.AWAITING_APPROVAL: _("next: record the decisions of the approving bodies"),
    PartnershipStatus.SUSPENDED: _("next: resume it, or end it with a reason"),
    PartnershipStatus.ENDED: _("ended: a new partnership with this city may renew it"),
}

# The longest free text each field holds (the service refuses more, see core.validation).
SUMMARY_MAX = 4000
REASON_MAX = 2000


class HealthLabel(models.TextChoices):
    # Not "Active": that is a status (in force), and a pact in force may be dormant.
    ACTIVE = "active", _("Highly active")
    WEAKENING = "weakening", _("Weakening")
    DORMANT = "dormant", _("Dormant")


class Partnership(BilingualMixin, Binned):
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
    end_reason = models.TextField(_("reason for ending"), blank=True, max_length=REASON_MAX)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    areas = models.ManyToManyField(
        CooperationArea, verbose_name=_("cooperation areas"), blank=True, related_name="+"
    )
    summary_fa = models.TextField(_("summary (Persian)"), blank=True, max_length=SUMMARY_MAX)
    summary_en = models.TextField(_("summary (English)"), blank=True, max_length=SUMMARY_MAX)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # On the office's public portal (portal app): set only through partnership_publish.
    published = models.BooleanField(_("published"), default=False)
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
    # The day within 90 days of that computation when the pact turns dormant at its
    # current pace (health.project_dormancy), read by the alerts instead of recomputed.
    dormant_projected_on = models.DateField(null=True, blank=True)
    # The score at the end of each of the last 24 months, [["2026-11-30", 42], ...] as of
    # that computation (health.trend): the pact page draws it without recomputing.
    health_trend = models.JSONField(default=list, blank=True)

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
            bin_index("pship_bin_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.partner_city} ({self.get_kind_display()})"

    @property
    def summary(self) -> str:
        return self.tr("summary")

    @property
    def in_force(self) -> bool:
        """Whether the pact is in force: only then does its health label apply."""
        return self.status in IN_FORCE

    @property
    def next_step(self) -> str:
        return str(NEXT_STEPS.get(PartnershipStatus(self.status), ""))

    @property
    def summary_lang(self) -> str:
        """The language `summary` is written in (it falls back to the other one)."""
        summary = self.summary
        return "fa" if summary and summary == self.summary_fa else "en"


class HealthSettings(OfficeScoped):
    """The office's weights of the health score components (director only)."""

    w_recency = models.PositiveSmallIntegerField(_("recency"), default=30)
    w_frequency = models.PositiveSmallIntegerField(_("frequency"), default=25)
    w_delivery = models.PositiveSmallIntegerField(_("delivery"), default=15)
    w_reciprocity = models.PositiveSmallIntegerField(_("reciprocity"), default=10)
    w_breadth = models.PositiveSmallIntegerField(_("breadth"), default=10)
    w_outcomes = models.PositiveSmallIntegerField(_("outcomes"), default=10)
    # Whether the public portal shows a published pact's health label (director's choice).
    portal_health = models.BooleanField(_("show health labels on the public portal"), default=False)

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
    reason = models.TextField(_("reason"), max_length=1000)
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
    reason = models.TextField(_("reason"), blank=True, max_length=REASON_MAX)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    letter_fa = models.TextField(_("letter (Persian)"), blank=True)
    letter_en = models.TextField(_("letter (English)"), blank=True)

    class Meta:
        verbose_name = _("dormancy review")
        verbose_name_plural = _("dormancy reviews")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.partnership_id}: {self.decision}"
