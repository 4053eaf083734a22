"""The office-wide lists of activities, commitments and outcomes: their filters, both
languages, another office's rows never shown, crafted input ignored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Role
from peyvand.partnerships import services
from peyvand.partnerships.models import Commitment
from peyvand.places.tests.factories import make_city

from .dom import parse
from .factories import log, make_partnership

TODAY = timezone.localdate()
LAST_YEAR = TODAY - dt.timedelta(days=400)


def _world(office: Any, other_office: Any) -> dict[str, Any]:
    berlin = make_partnership(office, partner_city=make_city("Berlin", country="DE"))
    paris = make_partnership(office, partner_city=make_city("Paris", country="FR"))
    a1 = log(office, berlin, TODAY - dt.timedelta(days=2), title="Metro workshop", kind="event")
    a2 = log(office, paris, LAST_YEAR, title="Old letter", kind="correspondence")
    services.outcome_add(activity=a1, actor=SYSTEM, kind="people", value=4, unit="people")
    services.outcome_add(activity=a2, actor=SYSTEM, kind="grant", value=9, unit="EUR")
    late = services.commitment_create(
        partnership=berlin, actor=SYSTEM, title="Bus study", due_on=TODAY - dt.timedelta(days=5)
    )
    services.commitment_create(
        partnership=paris, actor=SYSTEM, title="Park plan", due_on=TODAY + dt.timedelta(days=5)
    )
    done = services.commitment_create(
        partnership=paris, actor=SYSTEM, title="Tram visit", due_on=TODAY - dt.timedelta(days=9)
    )
    Commitment.objects.filter(pk=done.pk).update(status="done", done_on=TODAY)
    theirs = make_partnership(other_office, partner_city=make_city("Rome", country="IT"))
    a3 = log(other_office, theirs, TODAY, title="Their meeting")
    services.outcome_add(activity=a3, actor=SYSTEM, kind="people", value=1, unit="people")
    services.commitment_create(partnership=theirs, actor=SYSTEM, title="Their plan", due_on=TODAY)
    return {"berlin": berlin, "paris": paris, "late": late}


def _rows(client: Any, path: str, attr: str) -> list[str]:
    html = client.get(path).content.decode()
    return [row.get_text(" ", strip=True) for row in parse(html).select(f"[{attr}]")]


def test_activities_by_date_pact_and_kind(
    office: Any, other_office: Any, member_client: Any
) -> None:
    w = _world(office, other_office)
    client = member_client(office, Role.VIEWER)
    base = f"/en/o/{office.slug}/partnerships/activities/"
    everything = " ".join(_rows(client, base, "data-activity-row"))
    assert "Metro workshop" in everything and "Old letter" in everything
    assert "Their meeting" not in everything
    start = (TODAY - dt.timedelta(days=30)).isoformat()
    recent = _rows(client, f"{base}?start={start}&end={TODAY.isoformat()}", "data-activity-row")
    assert len(recent) == 1 and "Metro workshop" in recent[0]
    by_pact = _rows(client, f"{base}?partnership={w['paris'].pk}", "data-activity-row")
    assert len(by_pact) == 1 and "Old letter" in by_pact[0]
    assert len(_rows(client, f"{base}?kind=correspondence", "data-activity-row")) == 1
    # Crafted values are ignored: everything is listed, nothing breaks.
    for junk in ("kind=nope", "partnership=99999999999999", "start=1403/13/40", "start=x%00"):
        response = client.get(f"{base}?{junk}")
        assert response.status_code in (200, 400), junk


def test_commitments_by_state_in_both_languages(
    office: Any, other_office: Any, member_client: Any
) -> None:
    _world(office, other_office)
    client = member_client(office, Role.VIEWER)
    base = f"/en/o/{office.slug}/partnerships/commitments/"
    overdue = _rows(client, f"{base}?state=overdue", "data-commitment-row")
    assert len(overdue) == 1 and "Bus study" in overdue[0]
    assert len(_rows(client, f"{base}?state=open", "data-commitment-row")) == 2
    assert len(_rows(client, f"{base}?state=done", "data-commitment-row")) == 1
    assert "Their plan" not in " ".join(_rows(client, base, "data-commitment-row"))
    fa = client.get(f"/fa/o/{office.slug}/partnerships/commitments/?state=overdue")
    assert "از موعد گذشته" in fa.content.decode()


def test_outcomes_by_kind_and_the_activitys_date(
    office: Any, other_office: Any, member_client: Any
) -> None:
    _world(office, other_office)
    client = member_client(office, Role.VIEWER)
    base = f"/en/o/{office.slug}/partnerships/outcomes/"
    assert len(_rows(client, base, "data-outcome-row")) == 2  # not the other office's
    assert len(_rows(client, f"{base}?kind=grant", "data-outcome-row")) == 1
    start = (TODAY - dt.timedelta(days=30)).isoformat()
    assert len(_rows(client, f"{base}?start={start}", "data-outcome-row")) == 1
    empty = client.get(f"{base}?kind=trade").content.decode()
    assert "data-empty" in empty


def test_a_stranger_gets_404(office: Any, other_office: Any, member_client: Any) -> None:
    client = member_client(other_office, Role.DIRECTOR)
    for name in ("activities", "commitments", "outcomes"):
        assert client.get(f"/en/o/{office.slug}/partnerships/{name}/").status_code == 404
