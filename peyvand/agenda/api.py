"""The calendar in the API: the items of a range, and the member's feed address."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.api_auth import api_auth
from peyvand.accounts.calendar import calendar_items, calendar_kinds
from peyvand.core.api import ErrorOut, ValidationOut, example

from . import selectors, services
from .views import feed_url

router = Router(auth=api_auth, tags=["calendar"])


CALENDAR_EXAMPLE: dict[str, Any] = {
    "count": 1,
    "items": [
        {
            "kind": "mission",
            "uid": "mission-7@peyvand",
            "title": "Delegation to Vienna",
            "start": "2027-01-10",
            "end": "2027-01-14",
            "url": "/fa/o/tehran/missions/7/",
            "detail": "Vienna",
        }
    ],
}

FEED_EXAMPLE: dict[str, Any] = {"url": "https://peyvand.example/fa/calendar/feed/3f9c2d7e41/"}


class CalendarQuery(Schema):
    start: dt.date = Field(..., description="First day (ISO 8601).")
    end: dt.date = Field(..., description="Last day, included (at most 400 days on).")
    kind: str = Field(
        "", max_length=200, description="Kinds to show, separated by commas (default: all)."
    )


class CalendarItemOut(Schema):
    kind: str
    uid: str
    title: str
    start: dt.date
    end: dt.date
    url: str
    detail: str


class CalendarOut(Schema):
    model_config = example(**CALENDAR_EXAMPLE)

    count: int
    items: list[CalendarItemOut]


class FeedOut(Schema):
    model_config = example(**FEED_EXAMPLE)

    url: str


@router.get(
    "/offices/{slug}/calendar",
    response={200: CalendarOut, 404: ErrorOut, 422: ValidationOut},
    summary="The office's calendar between two days",
)
@office_answer
def calendar(request: HttpRequest, slug: str, q: Query[CalendarQuery]) -> dict[str, Any]:
    """Events, missions, commitment deadlines, fee and obligation dates, funding deadlines
    and pact anniversaries touching start..end, by day. `kind` names kinds among: the
    `kind` values of the items (event, mission, commitment, fee, obligation, anniversary...)."""
    office = office_request(request, slug).office
    selectors.check_range(q.start, q.end)
    kinds = [k.strip() for k in q.kind.split(",") if k.strip()] or None
    if kinds is not None:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        known = {k.kind for k in calendar_kinds()}
        unknown = sorted(set(kinds) - known)
        if unknown:
            raise ValidationError({"kind": [_("Unknown kind: %(kind)s") % {"kind": unknown[0]}]})
    items = calendar_items(office, q.start, q.end, kinds)
    return {"count": len(items), "items": items}


@router.get(
    "/offices/{slug}/calendar/feed",
    response={200: FeedOut, 404: ErrorOut},
    summary="The address of your own calendar feed (iCal) for this office",
)
def feed(request: HttpRequest, slug: str) -> dict[str, str]:
    scoped = office_request(request, slug)
    return {"url": feed_url(request, scoped.office, request.user)}


@router.post(
    "/offices/{slug}/calendar/feed",
    response={200: FeedOut, 404: ErrorOut},
    summary="A new address for your calendar feed; the old one stops working",
)
def feed_regenerate(request: HttpRequest, slug: str) -> dict[str, str]:
    scoped = office_request(request, slug)
    services.feed_regenerate(office=scoped.office, actor=scoped.membership)
    return {"url": feed_url(request, scoped.office, request.user)}
