"""Every module's alerts of an office in one list (accounts.alerts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.alerts import office_alerts
from peyvand.accounts.api_auth import api_auth
from peyvand.core.api import ErrorOut

router = Router(auth=api_auth, tags=["dashboard"])


class AlertOut(Schema):
    kind: str
    message: str
    due_date: dt.date
    url: str
    module: str
    urgent: bool


class AlertList(Schema):
    count: int
    items: list[AlertOut]


@router.get("/offices/{slug}/alerts", response={200: AlertList, 404: ErrorOut})
@office_answer
def list_alerts(request: HttpRequest, slug: str) -> dict[str, Any]:
    """What needs the office's attention, from every module, by the day it concerns: fees
    and obligations of memberships, unreported missions, the pacts' alerts."""
    office = office_request(request, slug).office
    items = office_alerts(office, timezone.localdate())
    return {"count": len(items), "items": items}
