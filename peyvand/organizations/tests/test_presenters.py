"""The history as it reads and the alerts in the office-wide list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.alerts import office_alerts
from peyvand.organizations import services
from peyvand.organizations.presenters import history_rows
from peyvand.records.history import history_of

from .factories import make_membership, shipped

TODAY = dt.date(2026, 6, 15)


def test_the_office_alerts_name_the_organisation_and_the_date(office: Any) -> None:
    uclg = make_membership(office, shipped("UCLG"), fee_due_on=dt.date(2026, 7, 25))
    metro = make_membership(office, shipped("Metropolis"))
    services.obligation_create(
        membership=metro,
        actor=SYSTEM,
        kind="report",
        title="Annual report",
        due_on=dt.date(2026, 6, 5),
    )
    with translation.override("en"):
        alerts = [a for a in office_alerts(office, TODAY) if a.module == "organizations"]
        assert [a.kind for a in alerts] == ["obligation_overdue", "fee_due"]
        overdue, fee = alerts
        assert fee.message == "The UCLG membership fee is due on 2026-07-25."
        assert "Annual report" in overdue.message and "Metropolis" in overdue.message
        assert "2026-06-05" in overdue.message
        assert (overdue.urgent, fee.urgent) == (True, False)
        assert fee.url == reverse(
            "organizations:membership_detail", kwargs={"office_slug": office.slug, "pk": uclg.pk}
        )
    with translation.override("fa"):
        fee_fa = next(a for a in office_alerts(office, TODAY) if a.kind == "fee_due")
        assert "۱۴۰۵/۰۵/۰۳" in fee_fa.message  # the Jalali day, in Persian digits


def test_the_history_reads_choices_by_name_in_the_readers_language(office: Any) -> None:
    m = make_membership(office, shipped("UCLG"))
    services.membership_update(membership=m, actor=SYSTEM, data={"status": "suspended"})
    services.role_create(membership=m, actor=SYSTEM, kind="vice_presidency", title="Asia")
    with translation.override("en"):
        rows = history_rows(list(history_of(m).order_by("pk")))
        assert [str(r["action"]) for r in rows] == ["Created", "Edited", "Seat or role added"]
        status = rows[1]["changes"][0]
        assert (str(status["field"]), status["old"], status["new"]) == (
            "Status",
            "Member",
            "Suspended",
        )
        role = {str(c["field"]): c["new"] for c in rows[2]["changes"]}
        assert role["Seat or role"] == "Vice-presidency: Asia"
        assert "Title" not in role  # the label says it


def test_the_412_answer_uses_this_presenter(office: Any) -> None:
    from peyvand.records.api import stale_body

    m = make_membership(office, shipped("UCLG"))
    services.membership_update(membership=m, actor=SYSTEM, data={"notes": "x"})
    try:
        services.membership_update(
            membership=m, actor=SYSTEM, data={"notes": "y"}, expected_version=1
        )
    except services.StaleVersion as exc:
        with translation.override("en"):
            body = stale_body(exc)
    assert [c["action"] for c in body["changes"]] == ["Edited"]
