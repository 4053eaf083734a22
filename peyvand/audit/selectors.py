"""Reading an office's audit trail: only its own entries, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from peyvand.accounts.models import Office

from .models import AuditEntry


@dataclass(frozen=True)
class AuditFilters:
    actor: str = ""
    object_type: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def audit_entries(*, office: Office, filters: AuditFilters) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.filter(office_pk=office.pk)
    if filters.actor:
        qs = qs.filter(actor_name=filters.actor)
    if filters.object_type:
        qs = qs.filter(object_type=filters.object_type)
    if filters.since is not None:
        qs = qs.filter(at__gte=_start_of(filters.since))
    if filters.until is not None:
        qs = qs.filter(at__lt=_start_of(filters.until + dt.timedelta(days=1)))
    return qs.order_by("-at", "-pk")
