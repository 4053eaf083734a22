"""Funding calls the office watches (a funder's programme with a deadline and an amount
range) and the office's applications to them, with their workflow."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.core.i18n import BilingualMixin
from peyvand.records.models import Versioned

from .pitches import AMOUNT_DIGITS, NOTE_MAX

REASON_MAX = 2000


class FundingCall(BilingualMixin, Versioned, OfficeScoped):
    """A call for proposals (a funder's programme), kept by each office on its own watch
    list: the same call watched by two offices is two rows."""

    funder = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title_fa = models.CharField(_("title (Persian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    deadline = models.DateField(_("deadline"))
    amount_min = models.DecimalField(
        _("smallest amount"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_max = models.DecimalField(
        _("largest amount"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    areas = models.ManyToManyField(
        "partnerships.CooperationArea",
        verbose_name=_("eligible areas"),
        blank=True,
        related_name="+",
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=NOTE_MAX)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this funding call while you were editing it; your changes "
            "were not saved. Review their changes below and make yours again."
        ),
        True: _(
            "Someone else changed this funding call after you opened this page; it was not "
            "deleted. Review their changes below and confirm again if it should still go."
        ),
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["office", "deadline"], name="call_office_deadline_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.tr("title")


class ApplicationStatus(models.TextChoices):
    PREPARATION = "preparation", _("In preparation")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    IMPLEMENTATION = "implementation", _("In implementation")
    COMPLETED = "completed", _("Completed")


class Application(Versioned, OfficeScoped):
    """The office's application to a call, for one of its pitches (or none yet), with its
    partners. Its workflow is services.transitions: preparation → submitted → accepted or
    rejected → implementation → completed."""

    call = models.ForeignKey(
        FundingCall,
        verbose_name=_("funding call"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    pitch = models.ForeignKey(
        "opportunities.Pitch",
        verbose_name=_("pitch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    partner_cities = models.ManyToManyField(
        "places.City", verbose_name=_("partner cities"), blank=True, related_name="+"
    )
    partner_organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="+",
    )
    amount_requested = models.DecimalField(
        _("amount requested"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_granted = models.DecimalField(
        _("amount granted"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PREPARATION,
    )
    # Why it was rejected (the history keeps every reason given).
    status_reason = models.TextField(_("reason"), blank=True, max_length=REASON_MAX)
    notes = models.TextField(_("notes"), blank=True, max_length=NOTE_MAX)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this application while you were editing it; your changes "
            "were not saved. Review their changes below and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["office", "status"], name="application_office_status_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """The call it answers, and the pitch it is for."""
        pitch = self.pitch
        return f"{self.call.title}: {pitch.title}" if pitch is not None else self.call.title
