"""Partnerships: outcomes of activities."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department, make_member
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Outcome,
    Partnership,
)
from peyvand.partnerships.presenters import history_rows
from peyvand.records.models import Event
from peyvand.records.tests.locking import version as version_of

from .factories import log, make_partnership
from .support import (
    SIGNED,
    TODAY,
    events,
    fresh,
    n_events,
    shown_changes,
    url,
)


def test_editing_and_removing_an_outcome_refreshes_the_score(office: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(
        office,
        p,
        TODAY - dt.timedelta(days=30),
        outcomes=[{"kind": "grant", "value": 1, "unit": "grant"}],
    )
    outcome = activity.outcomes.get()
    assert fresh(p).health_components["outcomes"]["count"] == 1
    services.outcome_update(outcome=outcome, actor=SYSTEM, kind="investment", value=2, unit="M€")
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.value, outcome.unit) == ("investment", 2, "M€")
    (entry,) = events(p, "outcome_updated")
    assert entry.changes["kind"] == ["grant", "investment"]
    with translation.override("en"):
        (row,) = history_rows([entry])
    assert any(c["new"] == "Investment" for c in row["changes"])
    with pytest.raises(ValidationError):
        services.outcome_update(outcome=outcome, actor=SYSTEM, kind="investment", value=-1)
    before = fresh(p).health_score or 0

    services.outcome_delete(outcome=outcome, actor=SYSTEM)

    assert not activity.outcomes.exists()
    assert fresh(p).health_components["outcomes"]["count"] == 0
    assert (fresh(p).health_score or 0) < before
    (removed,) = events(p, "outcome_removed")
    assert removed.changes["kind"] == ["investment", None]


def test_outcomes_follow_the_activitys_permissions(office: Any) -> None:
    transport, water = make_department(office), make_department(office)
    p = make_partnership(office)
    colleague = make_member(office, "liaison", department=transport)
    activity = services.activity_log(
        office=office,
        actor=colleague,
        partnerships=[p],
        date=TODAY,
        kind="event",
        title="Ours",
        outcomes=[{"kind": "people", "value": 4}],
    )
    outcome = activity.outcomes.get()
    stranger = make_member(office, "liaison", department=water)
    for call in (
        lambda: services.outcome_add(activity=activity, actor=stranger, kind="grant"),
        lambda: services.outcome_update(outcome=outcome, actor=stranger, kind="grant"),
        lambda: services.outcome_delete(outcome=outcome, actor=stranger),
    ):
        with pytest.raises(PermissionDenied):
            call()
    liaison = make_member(office, "liaison", department=transport)
    services.outcome_update(outcome=outcome, actor=liaison, kind="people", value=5)
    outcome.refresh_from_db()
    assert outcome.value == 5


def test_a_stale_outcome_edit_is_refused_and_a_fresh_one_goes_through(office: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY)
    outcome = services.outcome_add(activity=activity, actor=SYSTEM, kind="grant", value=1)
    assert outcome.version == 1
    added = Event.objects.get(action="outcome_added")
    assert (added.subject, added.subject_version) == (f"outcome:{outcome.pk}", 1)
    liaison_a = make_member(office, "officer")

    services.outcome_update(
        outcome=outcome, actor=liaison_a, expected_version=1, kind="grant", value=2, unit="M€"
    )
    outcome.refresh_from_db()
    assert outcome.version == 2
    before = n_events()

    with pytest.raises(services.StaleVersion) as exc:
        services.outcome_update(
            outcome=outcome, actor=SYSTEM, expected_version=1, kind="investment", value=5
        )
    (change,) = exc.value.events
    assert change.changes["value"] == ["1.00", "2.00"]
    assert change.changes["unit"] == ["", "M€"]
    with translation.override("fa"):
        assert "کاربر دیگری این دستاورد را تغییر داده است" in exc.value.message
    assert shown_changes(exc.value.events, "en")["Unit"]["new"] == "M€"
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.value, outcome.version) == ("grant", 2, 2)
    assert n_events() == before

    services.outcome_update(
        outcome=outcome, actor=SYSTEM, expected_version=2, kind="investment", value=5
    )
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.value, outcome.version) == ("investment", 5, 3)


def test_an_outcome_save_with_the_same_values_keeps_its_version(office: Any) -> None:
    activity = log(office, make_partnership(office), TODAY, outcomes=[{"kind": "grant"}])
    outcome = activity.outcomes.get()
    services.outcome_update(outcome=outcome, actor=SYSTEM, kind="grant", value=2)
    outcome.refresh_from_db()
    assert outcome.version == 2
    # What the page posts back ("2.00" read from the database, spaces around the unit).
    services.outcome_update(
        outcome=outcome, actor=SYSTEM, expected_version=2, kind="grant", value=2.0, unit=" "
    )
    outcome.refresh_from_db()
    assert outcome.version == 2
    assert Event.objects.filter(action="outcome_updated").count() == 1


def test_a_stale_outcome_delete_is_refused(office: Any) -> None:
    activity = log(office, make_partnership(office), TODAY, outcomes=[{"kind": "grant"}])
    outcome = activity.outcomes.get()
    services.outcome_update(outcome=outcome, actor=SYSTEM, kind="grant", value=3)
    before = n_events()

    with pytest.raises(services.StaleVersion) as exc:
        services.outcome_delete(outcome=outcome, actor=SYSTEM, expected_version=1)
    assert exc.value.events[0].changes["value"] == [None, "3.00"]
    with translation.override("en"):
        assert "it was not removed" in exc.value.message
    assert Outcome.objects.filter(pk=outcome.pk).exists()
    assert n_events() == before

    services.outcome_delete(outcome=outcome, actor=SYSTEM, expected_version=2)
    assert not Outcome.objects.filter(pk=outcome.pk).exists()
    removed = Event.objects.get(action="outcome_removed")
    assert (removed.subject, removed.subject_version) == (f"outcome:{outcome.pk}", 2)


def test_an_old_outcome_form_and_confirmation_are_refused_on_the_page(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY, outcomes=[{"kind": "grant", "value": 1}])
    outcome = activity.outcomes.get()
    client = member_client(office, "officer")
    page = client.get(url("outcome_edit", office, "en", pk=outcome.pk)).content.decode()
    assert 'name="version" value="1"' in page
    mine = {"kind": "investment", "value": "7", "unit": "M€", "version": 1, "partnership": p.pk}
    services.outcome_update(outcome=outcome, actor=SYSTEM, kind="grant", value=2, note="Theirs")

    en = client.post(url("outcome_edit", office, "en", pk=outcome.pk), mine)
    assert en.status_code == 409
    text = en.content.decode()
    assert "Someone else changed this outcome while you were editing it" in text
    assert "Outcome edited" in text and "Theirs" in text
    assert 'value="M€"' in text and 'name="version" value="2"' in text
    fa = client.post(url("outcome_edit", office, "fa", pk=outcome.pk), mine)
    assert fa.status_code == 409
    assert "کاربر دیگری این دستاورد را تغییر داده است" in fa.content.decode()
    assert "دستاورد ویرایش شد" in fa.content.decode()
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.note, outcome.version) == ("grant", "Theirs", 2)

    assert client.post(url("outcome_edit", office, pk=outcome.pk), {**mine, "version": 2})[
        "Location"
    ].endswith("#activities")
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.unit, outcome.version) == ("investment", "M€", 3)

    # Removing from a confirmation opened before that save is refused too.
    stale = client.post(
        url("outcome_delete", office, "en", pk=outcome.pk), {"partnership": p.pk, "version": 2}
    )
    assert stale.status_code == 409
    assert "it was not removed" in stale.content.decode()
    assert Outcome.objects.filter(pk=outcome.pk).exists()
    done = client.post(
        url("outcome_delete", office, pk=outcome.pk), {"partnership": p.pk, "version": 3}
    )
    assert done.status_code == 302
    assert not Outcome.objects.filter(pk=outcome.pk).exists()


def test_editing_and_removing_an_outcome_through_the_pages(office: Any, member_client: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY, outcomes=[{"kind": "grant", "value": 1}])
    outcome = activity.outcomes.get()
    client = member_client(office, "officer")
    response = client.post(
        url("outcome_edit", office, pk=outcome.pk),
        {
            "kind": "investment",
            "value": "2.5",
            "unit": "M€",
            "note": "",
            "partnership": p.pk,
            "version": version_of(outcome),
        },
    )
    assert response.status_code == 302
    outcome.refresh_from_db()
    assert (outcome.kind, str(outcome.value), outcome.unit) == ("investment", "2.50", "M€")
    bad = client.post(url("outcome_edit", office, pk=outcome.pk), {"kind": "x", "value": "-1"})
    assert bad.status_code == 200
    before = Partnership.objects.get(pk=p.pk).health_score or 0
    assert client.get(url("outcome_delete", office, pk=outcome.pk)).status_code == 200
    assert (
        client.post(
            url("outcome_delete", office, pk=outcome.pk), {"version": version_of(outcome)}
        ).status_code
        == 302
    )
    assert not activity.outcomes.exists()
    assert (Partnership.objects.get(pk=p.pk).health_score or 0) < before
