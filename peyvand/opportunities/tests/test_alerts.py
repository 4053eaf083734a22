"""A call's deadline within 21 days while an application to it is still in preparation
joins the office's alerts; once passed it is urgent; a submitted one raises nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from peyvand.accounts.alerts import office_alerts

from .factories import TODAY, make_application, make_call, move

pytestmark = pytest.mark.django_db


def _alerts(office: Any, today: dt.date) -> list[Any]:
    return [a for a in office_alerts(office, today) if a.module == "opportunities"]


@pytest.mark.parametrize(
    ("days_left", "kind"),
    [
        (22, None),
        (21, "call_deadline"),
        (1, "call_deadline"),
        (0, "call_deadline"),
        (-1, "call_deadline_passed"),
    ],
)
def test_the_deadline_alert_around_the_thresholds(
    office: Any, days_left: int, kind: str | None
) -> None:
    call = make_call(office, deadline=TODAY + dt.timedelta(days=60))
    a = make_application(office, call=call)
    today = call.deadline - dt.timedelta(days=days_left)
    found = _alerts(office, today)
    if kind is None:
        assert found == []
        return
    (alert,) = found
    assert (alert.kind, alert.urgent, alert.due_date) == (kind, days_left < 0, call.deadline)
    assert alert.url.endswith(f"/opportunities/applications/{a.pk}/")
    assert call.title in alert.message


def test_a_submitted_application_or_another_offices_raises_nothing(
    office: Any, other_office: Any
) -> None:
    call = make_call(office, deadline=TODAY + dt.timedelta(days=5))
    move(make_application(office, call=call), "submit")
    theirs = make_call(other_office, deadline=TODAY + dt.timedelta(days=5))
    make_application(other_office, call=theirs)
    assert len(_alerts(other_office, TODAY)) == 1
    assert _alerts(office, TODAY) == []
    make_call(office, deadline=TODAY + dt.timedelta(days=3))  # no application: no alert
    assert _alerts(office, TODAY) == []
