"""Alerts, counts, and what other apps read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.partnerships import services
from peyvand.partnerships.health import add_months
from peyvand.partnerships.selectors import alerts, label_counts, office_pacts_version

from .factories import area, log, make_partnership

TODAY = dt.date(2025, 6, 15)


def test_alerts_cover_dormancy_expiry_overdue_and_anniversaries(
    office: Any, other_office: Any
) -> None:
    fading = make_partnership(office)
    log(
        office,
        fading,
        add_months(TODAY, -8),
        kind="visit_out",
        initiated_by="partner",
        areas=[area("transport")],
    )
    expiring = make_partnership(
        office, signed_on=dt.date(2015, 7, 1), valid_until=TODAY + dt.timedelta(days=40)
    )
    services.agreement_create(
        partnership=expiring,
        actor=SYSTEM,
        title="Cultural programme",
        signed_on=dt.date(2020, 1, 1),
        valid_until=TODAY + dt.timedelta(days=60),
    )
    services.commitment_create(
        partnership=expiring, actor=SYSTEM, title="Late study", due_on=TODAY - dt.timedelta(days=3)
    )
    make_partnership(other_office, valid_until=TODAY + dt.timedelta(days=10))  # not ours
    # The dormancy is projected when the scores are stored (each write, the daily refresh).
    services.health_refresh(partnerships=[fading], today=TODAY)
    found = alerts(office=office, today=TODAY)
    kinds = {(a.kind, a.partnership.pk) for a in found}
    assert ("turning_dormant", fading.pk) in kinds
    assert ("pact_expiring", expiring.pk) in kinds
    assert ("agreement_expiring", expiring.pk) in kinds
    assert ("overdue", expiring.pk) in kinds
    anniversary = next(a for a in found if a.kind == "anniversary")
    assert anniversary.partnership == expiring and anniversary.years == 10
    assert all(a.partnership.office_id == office.pk for a in found)


def test_counts_and_version(office: Any) -> None:
    before = office_pacts_version(office)
    make_partnership(office, signed_on=dt.date(2010, 1, 1))
    counts = label_counts(office=office)
    assert counts["dormant"] == 1 and counts["paper_only"] == 1
    assert office_pacts_version(office) != before
