"""The dashboard's API: the office's KPIs of a year beside the year before (dashboard.kpis),
and every module's alerts in one list (accounts.alerts)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.alerts import office_alerts
from peyvand.accounts.api_auth import api_auth
from peyvand.core.api import ErrorOut, ValidationOut, example
from peyvand.core.dates import YearSpan, calendar_of, current_year, year_span

from .kpis import Kpis, office_kpis

router = Router(auth=api_auth, tags=["dashboard"])


ALERTS_EXAMPLE: dict[str, Any] = {
    "count": 1,
    "items": [
        {
            "kind": "commitment_overdue",
            "message": "The commitment “Joint workshop” is overdue.",
            "due_date": "2026-11-30",
            "url": "/fa/o/tehran/partnerships/12/",
            "module": "partnerships",
            "urgent": True,
        }
    ],
}

DASHBOARD_EXAMPLE: dict[str, Any] = {
    "year": {"calendar": "jalali", "year": 1405, "start": "2026-03-21", "end": "2027-03-20"},
    "previous_year": {
        "calendar": "jalali",
        "year": 1404,
        "start": "2025-03-21",
        "end": "2026-03-20",
    },
    "today": "2026-12-03",
    "kpis": {"activities": {"current": 34, "previous": 28, "change": 6}},
    "amounts": {"investment": {"EUR": {"current": 2.5, "previous": 1.0, "change": 1.5}}},
}


class AlertOut(Schema):
    kind: str
    message: str
    due_date: dt.date
    url: str
    module: str
    urgent: bool


class AlertList(Schema):
    model_config = example(**ALERTS_EXAMPLE)

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


# The years a figure may be asked for: within the dates the house keeps (1900-2100).
YEAR_MIN = 1278  # Jalali 1279 begins in 1900
YEAR_MAX = 2100
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)


class DashboardQuery(Schema):
    calendar: Literal["jalali", "gregorian"] | None = Field(
        None, description="The year's calendar (default: jalali for Persian, else gregorian)."
    )
    year: int | None = Field(
        None, ge=YEAR_MIN, le=YEAR_MAX, description="The year in that calendar (default: today's)."
    )


class SpanOut(Schema):
    calendar: Literal["jalali", "gregorian"]
    year: int
    start: dt.date
    end: dt.date


class FigureOut(Schema):
    current: int
    previous: int
    change: int


class AmountOut(Schema):
    current: float
    previous: float
    change: float


class DashboardOut(Schema):
    model_config = example(**DASHBOARD_EXAMPLE)

    year: SpanOut
    previous_year: SpanOut
    today: dt.date
    kpis: dict[str, FigureOut]
    amounts: dict[str, dict[str, AmountOut]]


def _span(span: YearSpan) -> dict[str, Any]:
    return {"calendar": span.calendar, "year": span.year, "start": span.start, "end": span.end}


def dashboard_body(kpis: Kpis) -> dict[str, Any]:
    """The KPIs as numbers, keyed by KPI (see dashboard.kpis for each definition)."""
    return {
        "year": _span(kpis.span),
        "previous_year": _span(kpis.previous_span),
        "today": kpis.today,
        "kpis": {
            key: {"current": p.current, "previous": p.previous, "change": p.change}
            for key, p in kpis.figures.items()
        },
        "amounts": {
            key: {
                code: {
                    "current": float(p.current),
                    "previous": float(p.previous),
                    "change": float(p.change),
                }
                for code, p in by_currency.items()
            }
            for key, by_currency in kpis.amounts.items()
        },
    }


@router.get(
    "/offices/{slug}/dashboard",
    response={200: DashboardOut, 404: ErrorOut, 422: ValidationOut},
)
@office_answer
def dashboard(
    request: HttpRequest,
    slug: str,
    q: Query[DashboardQuery],
) -> dict[str, Any]:
    """The office's KPIs for a year and the year before, keyed by KPI: `kpis` holds counts
    (`pacts.active`, `activities`, `commitments.overdue`, `missions.completed`,
    `practices.adopted`, `outcomes.people`...), `amounts` sums by currency
    (`mission_spend`, `funding_granted`); each with `current`, `previous` and `change`.
    `calendar` is the calendar of the year (by default Jalali for a Persian
    `Accept-Language`, else Gregorian); `year`, in that calendar, defaults to today's.
    The page's figures are the same (one definition each, `dashboard/kpis.py`)."""
    office = office_request(request, slug).office
    today = timezone.localdate()
    chosen = q.calendar or calendar_of(get_language())
    span = year_span(chosen, q.year) if q.year is not None else current_year(chosen, today)
    if span.previous().start < FIRST_DAY or span.end > LAST_DAY:
        message = _(
            "Choose a year from %(g_min)s to %(g_max)s (%(j_min)s to %(j_max)s in the "
            "Jalali calendar): the year and the one before it within 1900-2100."
        ) % {"g_min": 1901, "g_max": 2100, "j_min": 1280, "j_max": 1478}
        raise ValidationError({"year": [message]})
    return dashboard_body(office_kpis(office, span, today))
