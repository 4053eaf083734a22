"""One row per write: who (actor), where from (source, address), which office, what
(object and changed fields), when."""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")


class AuditEntry(models.Model):
    """A write to a row of the project's data, written in the writer's transaction.

    The office, the actor and the object are kept as plain values, not foreign keys: an
    entry outlives the account, the record and its links (and no write to it raises an
    office's version, accounts.versions)."""

    at = models.DateTimeField(_("time"), default=timezone.now)
    office_pk = models.PositiveBigIntegerField(null=True, blank=True)
    actor_pk = models.PositiveBigIntegerField(null=True, blank=True)
    actor_name = models.CharField(_("actor"), max_length=150, blank=True)
    # "web", "api", "admin", "system" or "command:<name>"
    source = models.CharField(_("source"), max_length=60)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    changes = models.JSONField(_("changes"), default=dict, encoder=DjangoJSONEncoder)
    ip = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["office_pk", "-at", "-id"], name="audit_office_at"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]

    def __str__(self) -> str:
        who = self.actor_name or "system"
        return f"{self.at:%Y-%m-%d %H:%M} {who} {self.action} {self.object_type}:{self.object_id}"
