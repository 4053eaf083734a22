"""What citizens send through the public portal: feedback on a published record (moderated
before anything is shown) and messages to the office about a pitch (private)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped
from peyvand.records.models import Versioned

COMMENT_MAX = 2000
COMMENT_MIN = 3
NAME_MAX = 120
MESSAGE_MAX = 4000
LINKS_MAX = 2
RATING_MIN, RATING_MAX = 1, 5


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


class TargetKind(models.TextChoices):
    PARTNERSHIP = "partnership", _("Partnership")
    PRACTICE = "practice", _("Practice")
    PITCH = "pitch", _("Pitch")


class Feedback(Versioned, OfficeScoped):
    """A citizen's comment, with an optional rating of 1 to 5, on one published record.

    Nothing of it is public before an officer approves it; its email (for a reply) is never
    public and is erased when the comment is rejected, marked as spam or answered."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    practice = models.ForeignKey(
        "knowledge.Practice", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    pitch = models.ForeignKey(
        "opportunities.Pitch", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX)
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(RATING_MIN), MaxValueValidator(RATING_MAX)],
    )
    email = models.EmailField(_("email for a reply"), blank=True, max_length=254)
    language = models.CharField(max_length=2, default="fa")
    status = models.CharField(
        _("status"), max_length=10, choices=FeedbackStatus.choices, default=FeedbackStatus.PENDING
    )
    answered = models.BooleanField(_("answered"), default=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    stale_messages = {
        False: _(
            "Someone else moderated this comment while you were reading it; your decision "
            "was not saved. Review what they did below and decide again."
        ),
        True: Versioned.stale_messages[True],
    }
    keeps_history = True
    events = GenericRelation(
        "records.Event", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("citizen feedback")
        verbose_name_plural = _("citizen feedback")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["office", "status", "-created_at"], name="feedback_queue_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(partnership__isnull=False, practice__isnull=True, pitch__isnull=True)
                    | models.Q(partnership__isnull=True, practice__isnull=False, pitch__isnull=True)
                    | models.Q(partnership__isnull=True, practice__isnull=True, pitch__isnull=False)
                ),
                name="feedback_one_target",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | models.Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="feedback_rating_range",
            ),
        ]

    def __str__(self) -> str:
        return f"feedback {self.pk} ({self.status})"

    @property
    def target_kind(self) -> str:
        if self.partnership_id:
            return TargetKind.PARTNERSHIP
        if self.practice_id:
            return TargetKind.PRACTICE
        return TargetKind.PITCH

    @property
    def target(self) -> models.Model | None:
        return self.partnership or self.practice or self.pitch


class MessageStatus(models.TextChoices):
    NEW = "new", _("New")
    HANDLED = "handled", _("Handled")


class InboxMessage(OfficeScoped):
    """A message to the office sent with a published pitch's contact form: private, for
    the office's officers only."""

    pitch = models.ForeignKey("opportunities.Pitch", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=NAME_MAX)
    organization = models.CharField(_("organisation"), max_length=NAME_MAX, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    body = models.TextField(_("message"), max_length=MESSAGE_MAX)
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.NEW
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("message to the office")
        verbose_name_plural = _("messages to the office")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["office", "status", "-created_at"], name="inbox_office_idx"),
        ]

    def __str__(self) -> str:
        return f"message {self.pk} about pitch {self.pitch_id}"
