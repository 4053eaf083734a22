"""What every office record may share: optimistic locking and one history for all apps."""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import OfficeScoped, OfficeScopedQuerySet


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


class BinnedQuerySet(OfficeScopedQuerySet):
    """The rows of a kind that may be put in the bin (decision 0020)."""

    def binned(self) -> BinnedQuerySet:
        return self.filter(deleted_at__isnull=False)

    def live(self) -> BinnedQuerySet:
        return self.filter(deleted_at__isnull=True)


_OfficeManager = models.Manager.from_queryset(OfficeScopedQuerySet)
_BinnedManager = models.Manager.from_queryset(BinnedQuerySet)


class LiveManager(_BinnedManager[Any]):
    """The default manager of a binned kind: the rows in the bin are not there.

    Every `.objects` query, `get_for_office`, and the reverse and many-to-many managers
    of the relations to the kind (Django builds those from the default manager's class)
    see only the live rows. A foreign key's forward access uses the base manager, so a
    part of a binned record still reaches it.
    """

    def get_queryset(self) -> BinnedQuerySet:
        return cast(BinnedQuerySet, super().get_queryset().filter(deleted_at__isnull=True))


def bin_index(name: str) -> models.Index:
    """The index of a binned kind's bin (partial: only the rows in it), so that the bin of
    an office reads its few rows instead of walking the office's live ones. Each binned
    model lists it in its Meta's indexes."""
    return models.Index(
        fields=["office", "-deleted_at"], condition=models.Q(deleted_at__isnull=False), name=name
    )


class Binned(Versioned, OfficeScoped):
    """A record deleted into the bin first: `deleted_at` set, hidden by the default
    manager, restorable for `records.binning.KEEP_DAYS` days, then purged
    (`records.binning`). `all_with_deleted` reads the bin too. Versioned: a deletion and a
    restore each raise its version (a deletion from a stale page is refused)."""

    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # The live rows only: a narrower manager than OfficeScoped's, on purpose.
    objects: ClassVar[LiveManager] = LiveManager()  # type: ignore[assignment]
    all_with_deleted: ClassVar[_BinnedManager[Any]] = _BinnedManager()

    class Meta:
        abstract = True


class LivePartsManager(_OfficeManager[Any]):
    """The default manager of a part of a binned record (an activity's outcomes, a pact's
    commitments): the parts of a record in the bin are hidden with it wherever they are
    listed (calendars, alerts, exports, reports). A part's model names its `parent`
    relation in a subclass (Django builds the reverse managers from the class, without
    arguments): `class LiveOutcomes(LivePartsManager): parent = "activity"`."""

    parent: ClassVar[str] = ""

    def get_queryset(self) -> OfficeScopedQuerySet:
        qs = super().get_queryset().filter(**{f"{self.parent}__deleted_at__isnull": True})
        return cast(OfficeScopedQuerySet, qs)
