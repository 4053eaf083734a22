"""An office's memberships in international bodies: seats held, the fee, obligations."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.records.models import Versioned

from .organizations import Organization

NOTE_MAX = 4000


class MembershipStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    MEMBER = "member", _("Member")
    SUSPENDED = "suspended", _("Suspended")
    LEFT = "left", _("Left")


class Membership(Versioned, OfficeScoped):
    """The office's membership in one organisation (at most one per organisation).

    The fee's payment state is derived, never typed: paid when `fee_paid_on` is set, overdue
    when unpaid after `fee_due_on`, due otherwise (`selectors.fee_state`).
    """

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MembershipStatus.choices,
        default=MembershipStatus.MEMBER,
    )
    since = models.DateField(_("member since"), null=True, blank=True)
    annual_fee = models.DecimalField(
        _("annual fee"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    fee_currency = models.CharField(_("currency"), max_length=3, blank=True)
    fee_due_on = models.DateField(_("fee due on"), null=True, blank=True)
    fee_paid_on = models.DateField(_("fee paid on"), null=True, blank=True)
    focal_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("focal person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True, max_length=NOTE_MAX)
    is_demo = models.BooleanField(_("demo data"), default=False)

    stale_messages = {
        False: _(
            "Someone else changed this membership while you were editing it; your changes "
            "were not saved. Review their changes below and make yours again."
        ),
        True: Versioned.stale_messages[True],
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization__name_en", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "organization"], name="membership_one_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.office_id}: {self.organization_id}"


class SeatKind(models.TextChoices):
    BOARD = "board", _("Board")
    EXECUTIVE_COMMITTEE = "executive_committee", _("Executive committee")
    VICE_PRESIDENCY = "vice_presidency", _("Vice-presidency")
    WORKING_GROUP = "working_group", _("Working group")
    OTHER = "other", _("Other")


class RoleHeld(Versioned, OfficeScoped):
    """A seat or role the city holds in the organisation, for a term."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("seat or role"), max_length=20, choices=SeatKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)

    class Meta:
        verbose_name = _("seat or role held")
        verbose_name_plural = _("seats and roles held")
        ordering = ["term_start", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.title}".strip()


class ObligationKind(models.TextChoices):
    REPORT = "report", _("Report")
    HOSTING = "hosting", _("Hosting")
    VOTE = "vote", _("Vote")
    SURVEY = "survey", _("Survey")
    OTHER = "other", _("Other")


class Obligation(Versioned, OfficeScoped):
    """Something the membership obliges the office to do by a date."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="obligations")
    kind = models.CharField(_("kind"), max_length=12, choices=ObligationKind.choices)
    title = models.CharField(_("title"), max_length=300)
    due_on = models.DateField(_("due date"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title
