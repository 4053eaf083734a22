"""A completed mission's report is due within 30 days of its end, overdue after."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.alerts import office_alerts
from peyvand.missions import services

from .factories import TODAY, make_mission, move, report_for

pytestmark = pytest.mark.django_db


def _mission_alerts(office: Any, today: dt.date) -> list[Any]:
    return [a for a in office_alerts(office, today) if a.module == "missions"]


@pytest.mark.parametrize(
    ("days_since_end", "kind"),
    [(0, "mission_report_due"), (30, "mission_report_due"), (31, "mission_unreported")],
)
def test_the_report_alert_around_the_threshold(office: Any, days_since_end: int, kind: str) -> None:
    m = move(make_mission(office), "submit", "approve", "complete")
    today = m.end_date + dt.timedelta(days=days_since_end)
    (alert,) = _mission_alerts(office, today)
    assert alert.kind == kind
    assert alert.urgent is (kind == "mission_unreported")
    assert alert.due_date == m.end_date + dt.timedelta(days=30)
    assert alert.url.endswith(f"/missions/{m.pk}/")
    assert m.title in alert.message


def test_a_reported_or_open_mission_raises_no_alert(office: Any, other_office: Any) -> None:
    m = move(make_mission(office), "submit", "approve", "complete")
    make_mission(office)  # a draft
    services.report_file(mission=m, actor=SYSTEM, report=report_for(m))
    assert _mission_alerts(office, TODAY + dt.timedelta(days=90)) == []
    move(make_mission(other_office), "submit", "approve", "complete")
    assert _mission_alerts(office, TODAY + dt.timedelta(days=90)) == []
