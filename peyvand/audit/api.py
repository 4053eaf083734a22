"""`GET /offices/{slug}/audit`: the office's audit trail, for its directors, newest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.api_auth import api_auth
from peyvand.accounts.models import Role
from peyvand.core.api import (
    MAX_LIMIT,
    MAX_OFFSET,
    ErrorOut,
    example,
    order_queryset,
    ordering_field,
    paginate_queryset,
)

from .selectors import AuditFilters, audit_entries

router = Router(auth=api_auth, tags=["audit"])


AUDIT_EXAMPLE: dict[str, Any] = {
    "count": 1,
    "limit": 50,
    "offset": 0,
    "items": [
        {
            "actor": "s.ahmadi",
            "source": "web",
            "action": "update",
            "object_type": "partnerships.partnership",
            "object_id": "12",
            "changes": {"status": ["negotiating", "active"]},
            "at": "2026-11-02T09:30:00Z",
            "ip": "10.0.0.5",
        }
    ],
}


class AuditEntryOut(Schema):
    actor: str | None
    source: str
    action: str
    object_type: str
    object_id: str
    changes: dict[str, Any]
    at: dt.datetime
    ip: str | None

    @staticmethod
    def resolve_actor(obj: Any) -> str | None:
        return obj.actor_name or None


class AuditList(Schema):
    model_config = example(**AUDIT_EXAMPLE)

    count: int
    limit: int
    offset: int
    items: list[AuditEntryOut]


# The sort keys of the log (public key -> field).
AUDIT_ORDER = {"at": "at", "actor": "actor_name", "object_type": "object_type", "action": "action"}


class AuditQuery(Schema):
    ordering: str | None = ordering_field(AUDIT_ORDER, "-at")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
    actor: str = Field("", max_length=150)
    object_type: str = Field("", max_length=100)
    since: dt.date | None = Field(None, ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))
    until: dt.date | None = Field(None, ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))


@router.get(
    "/offices/{slug}/audit",
    response={200: AuditList, 403: ErrorOut, 404: ErrorOut},
)
@office_answer  # every audited write of the office raises its data version
def list_audit(request: HttpRequest, slug: str, query: Query[AuditQuery]) -> dict[str, Any]:
    """Every write to the office's data: who (`actor`, null for the system), from where
    (`source`: web, api, admin, system or command:<name>; `ip`), what (`action`,
    `object_type`, `object_id`, `changes`: field → [before, after]) and when (`at`).
    Directors only; filters `actor`, `object_type`, `since`, `until` (dates); `ordering`."""
    office = office_request(request, slug, Role.DIRECTOR).office
    filters = AuditFilters(
        actor=query.actor.strip(),
        object_type=query.object_type.strip(),
        since=query.since,
        until=query.until,
    )
    qs = order_queryset(
        audit_entries(office=office, filters=filters), query.ordering, AUDIT_ORDER, "-at"
    )
    return paginate_queryset(qs, limit=query.limit, offset=query.offset)
