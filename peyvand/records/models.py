"""What every office record may share: optimistic locking and one history for all apps."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped


class Versioned(models.Model):
    """A record edited with optimistic locking: every change bumps `version`, and a save
    made from an older version is refused (`records.history.check_version`).

    `stale_messages` says, in whole translated sentences, why a save (False) or a deletion
    (True) of this kind of record was refused.
    """

    version = models.PositiveIntegerField(default=1)

    # True for a record whose own history lists its entries (a pact: entries carry its
    # version); False for a part whose changes are recorded in the history of the record
    # it belongs to (a commitment: entries carry its subject and version).
    keeps_history: ClassVar[bool] = False

    stale_messages: ClassVar[dict[bool, Promise]] = {
        False: _(
            "Someone else changed this record while you were editing it; your changes were "
            "not saved. Review their changes below and make yours again."
        ),
        True: _(
            "Someone else changed this record after you opened this page; it was not "
            "deleted. Review their changes below and confirm again if it should still go."
        ),
    }

    class Meta:
        abstract = True


class Event(OfficeScoped):
    """One entry of a record's history: who changed what, when (a JSON diff).

    `target` is the record whose history shows the entry (a pact, a mission...), `version`
    the target's version after the change. `subject` names the part of the target the entry
    is about ("commitment:12", "activity:7") and `subject_version` that part's version after
    the change: what a refused stale edit of that part shows as changed.
    """

    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    version = models.PositiveIntegerField(default=0)
    changes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)
    subject = models.CharField(max_length=40, blank=True, db_index=True)
    subject_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["target_type", "target_id", "version"], name="event_target_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.target_type_id}:{self.target_id} {self.action} v{self.version}"
