"""Every module's alerts in one list: the registry, the office home and the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.alerts import OfficeAlert, office_alerts, register_alerts
from peyvand.accounts.models import Role
from peyvand.partnerships import services
from peyvand.partnerships.tests.factories import make_partnership


def _overdue_pact(office: Any) -> Any:
    p = make_partnership(office)
    services.commitment_create(
        partnership=p,
        actor=SYSTEM,
        title="Joint study of bus lanes",
        due_on=timezone.localdate() - dt.timedelta(days=3),
    )
    return p


def test_the_pacts_alerts_reach_the_office_list_with_their_page(office: Any) -> None:
    p = _overdue_pact(office)
    alerts = office_alerts(office, timezone.localdate())
    overdue = [a for a in alerts if a.kind == "overdue"]
    assert len(overdue) == 1
    assert overdue[0].module == "partnerships"
    assert overdue[0].urgent
    assert "Joint study of bus lanes" in overdue[0].message
    assert overdue[0].url.endswith(f"/o/{office.slug}/partnerships/{p.pk}/")


def test_sources_are_merged_by_day(office: Any, monkeypatch: Any) -> None:
    from peyvand.accounts import alerts as registry

    monkeypatch.setattr(registry, "_sources", dict(registry._sources))
    today = timezone.localdate()
    later = today + dt.timedelta(days=5)

    def source(o: Any, day: dt.date) -> list[OfficeAlert]:
        return [OfficeAlert("probe", "A probe", later, "/probe/", "probe")]

    register_alerts("probe", source)
    _overdue_pact(office)
    kinds = [a.kind for a in office_alerts(office, today)]
    assert kinds.index("overdue") < kinds.index("probe")


def test_the_alerts_api_lists_them_and_answers_404_to_a_stranger(
    office: Any, other_office: Any, member_client: Any
) -> None:
    _overdue_pact(office)
    client = member_client(office, Role.VIEWER)
    body = client.get(f"/api/v1/offices/{office.slug}/alerts").json()
    assert body["count"] == len(body["items"]) >= 1
    item = next(i for i in body["items"] if i["kind"] == "overdue")
    assert set(item) >= {"kind", "message", "due_date", "url"}
    stranger = member_client(other_office, Role.DIRECTOR)
    assert stranger.get(f"/api/v1/offices/{office.slug}/alerts").status_code == 404


def test_the_office_home_shows_them_in_both_languages(office: Any, member_client: Any) -> None:
    _overdue_pact(office)
    client = member_client(office, Role.VIEWER)
    for lang, words in (("en", "What needs attention"), ("fa", "آنچه نیاز به توجه دارد")):
        html = client.get(f"/{lang}/o/{office.slug}/").content.decode()
        assert words in html
        assert 'data-alert="overdue"' in html
        assert "Joint study of bus lanes" in html
