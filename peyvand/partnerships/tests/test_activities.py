"""Partnerships: activities: logging, correcting, deleting, versions."""

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
    Activity,
    Outcome,
)
from peyvand.partnerships.presenters import history_rows
from peyvand.records.models import Event

from .factories import area, log, make_partnership
from .support import (
    SIGNED,
    TODAY,
    edit_kwargs,
    events,
    fresh,
    n_events,
    shown_changes,
)


def test_activities_refresh_the_score_in_the_same_transaction(office: Any) -> None:
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    p.refresh_from_db()
    assert p.health_label == "dormant"
    assert p.paper_only is True
    assert p.health_computed_on == TODAY
    for m in range(0, 6):
        log(office, p, TODAY - dt.timedelta(days=30 * m), initiated_by="partner")
    p.refresh_from_db()
    assert p.paper_only is False
    assert p.health_score is not None and p.health_score >= 30
    assert "recency" in p.health_components


def test_an_activity_cannot_be_linked_to_another_offices_pact(
    office: Any, other_office: Any
) -> None:
    mine = make_partnership(office)
    theirs = make_partnership(other_office)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.activity_log(
            office=office,
            actor=SYSTEM,
            partnerships=[mine, theirs],
            date=TODAY,
            kind="event",
            title="Joint event",
        )
    assert "this office's partnerships" in str(exc.value.message_dict["partnerships"])
    assert not Activity.objects.exists()


def test_one_activity_may_concern_several_pacts(office: Any) -> None:
    a, b = make_partnership(office), make_partnership(office)
    activity = services.activity_log(
        office=office, actor=SYSTEM, partnerships=[a, b], date=TODAY, kind="event", title="Forum"
    )
    assert set(activity.partnerships.all()) == {a, b}


def test_a_viewer_cannot_log_an_activity(office: Any) -> None:
    viewer = make_member(office, "viewer")
    p = make_partnership(office)
    with pytest.raises(PermissionDenied):
        services.activity_log(
            office=office, actor=viewer, partnerships=[p], date=TODAY, kind="event", title="x"
        )


def test_editing_an_activity_relinks_it_records_history_and_refreshes_both_scores(
    office: Any,
) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = log(office, kyiv, TODAY - dt.timedelta(days=10), initiated_by="partner")
    kyiv_before, havana_before = fresh(kyiv).health_score, fresh(havana).health_score
    officer = make_member(office, "officer")

    services.activity_update(
        activity=activity,
        actor=officer,
        **edit_kwargs(
            activity,
            partnerships=[havana],
            title="Joint bus workshop",
            kind="joint_project",
            areas=[area("transport")],
            participants=12,
        ),
    )

    activity.refresh_from_db()
    assert activity.title == "Joint bus workshop"
    assert activity.kind == "joint_project"
    assert activity.participants == 12
    assert [p.pk for p in activity.partnerships.all()] == [havana.pk]
    assert [a.code for a in activity.areas.all()] == ["transport"]
    # Kyiv lost its only activity, Havana gained one: both scores moved in the same save.
    assert (fresh(kyiv).health_score or 0) < (kyiv_before or 0)
    assert (fresh(havana).health_score or 0) > (havana_before or 0)
    for p in (kyiv, havana):
        (entry,) = events(p, "activity_updated")
        assert entry.actor == officer.user
        assert entry.subject == f"activity:{activity.pk}"
        assert entry.changes["title"] == ["A meeting", "Joint bus workshop"]
        assert entry.changes["kind"] == ["event", "joint_project"]
        assert "partnerships" in entry.changes
    with translation.override("en"):
        (row,) = history_rows(events(kyiv, "activity_updated"))
        shown = {str(c["field"]): c for c in row["changes"]}
        assert str(row["action"]) == "Activity edited"
    assert shown["Kind"]["new"] == "Joint project"  # choices of an activity, not of a pact
    assert shown["Cooperation areas"]["new"] == "Transport and mobility"  # names, not codes


def test_an_activity_cannot_be_relinked_to_another_offices_pact(
    office: Any, other_office: Any
) -> None:
    mine, theirs = make_partnership(office), make_partnership(other_office)
    activity = log(office, mine, TODAY)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.activity_update(
            activity=activity, actor=SYSTEM, **edit_kwargs(activity, partnerships=[mine, theirs])
        )
    assert "this office's partnerships" in str(exc.value.message_dict["partnerships"])
    assert list(activity.partnerships.all()) == [mine]
    assert not theirs.activities.exists()
    assert not events(mine, "activity_updated")


def test_editing_applies_the_same_rules_as_logging(office: Any) -> None:
    p = make_partnership(office)
    activity = log(office, p, TODAY)
    cases: dict[str, dict[str, Any]] = {
        "title": {"title": "  "},
        "date": {"date": TODAY + dt.timedelta(days=400)},
        "partnerships": {"partnerships": []},
        "kind": {"kind": "party"},
        "initiated_by": {"initiated_by": "nobody"},
        "participants": {"participants": -1},
    }
    for field, change in cases.items():
        with pytest.raises(ValidationError) as exc:
            services.activity_update(
                activity=activity, actor=SYSTEM, **edit_kwargs(activity, **change)
            )
        assert field in exc.value.message_dict, field
    activity.refresh_from_db()
    assert activity.title == "A meeting"


def test_a_liaison_edits_only_activities_of_their_department_or_their_own(office: Any) -> None:
    transport, water = make_department(office), make_department(office)
    p = make_partnership(office)
    liaison = make_member(office, "liaison", department=transport)
    colleague = make_member(office, "liaison", department=transport)
    stranger = make_member(office, "liaison", department=water)
    viewer = make_member(office, "viewer")
    activity = services.activity_log(
        office=office, actor=colleague, partnerships=[p], date=TODAY, kind="event", title="Ours"
    )
    officers_own = log(office, p, TODAY, title="Logged by the office")
    assert services.can_edit_activity(liaison, activity)
    assert not services.can_edit_activity(stranger, activity)
    assert not services.can_edit_activity(liaison, officers_own)
    assert not services.can_edit_activity(viewer, activity)
    services.activity_update(
        activity=activity, actor=liaison, **edit_kwargs(activity, title="Ours, corrected")
    )
    for actor in (stranger, viewer):
        with pytest.raises(PermissionDenied):
            services.activity_update(activity=activity, actor=actor, **edit_kwargs(activity))
    activity.refresh_from_db()
    assert activity.title == "Ours, corrected"
    # A liaison without a department still edits what they logged themselves.
    loner = make_member(office, "liaison", department=transport)
    loner.department = None
    loner.save(update_fields=["department"])
    mine = services.activity_log(
        office=office, actor=loner, partnerships=[p], date=TODAY, kind="event", title="Mine"
    )
    assert services.can_edit_activity(loner, mine)
    assert not services.can_edit_activity(loner, activity)


def test_deleting_an_activity_is_an_officers_act_recorded_on_every_pact(office: Any) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[kyiv, havana],
        date=TODAY - dt.timedelta(days=5),
        kind="visit_in",
        title="Mayors meet",
        initiated_by="partner",
        outcomes=[{"kind": "investment", "value": 3, "unit": "million EUR"}],
    )
    scores = {p.pk: fresh(p).health_score or 0 for p in (kyiv, havana)}
    transport = make_department(office)
    liaison = make_member(office, "liaison", department=transport)
    activity.department = transport
    activity.save(update_fields=["department"])
    with pytest.raises(PermissionDenied):  # even the liaison who may edit it
        services.activity_delete(activity=activity, actor=liaison)
    officer = make_member(office, "officer")

    pacts = services.activity_delete(activity=activity, actor=officer)

    assert {p.pk for p in pacts} == {kyiv.pk, havana.pk}
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert not Outcome.objects.filter(activity_id=activity.pk).exists()
    for p in (kyiv, havana):
        (entry,) = events(p, "activity_deleted")
        assert entry.changes["activity"] == ["Mayors meet", None]
        assert entry.changes["outcomes"] == [1, None]
        assert entry.actor == officer.user
        assert (fresh(p).health_score or 0) < scores[p.pk]
        assert fresh(p).health_label == "dormant"


def test_a_stale_activity_edit_is_refused_lists_the_change_once_and_writes_nothing(
    office: Any,
) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[kyiv, havana],
        date=TODAY - dt.timedelta(days=5),
        kind="event",
        title="Bus forum",
    )
    assert activity.version == 1
    first, second = make_member(office, "officer"), make_member(office, "officer")
    loaded = activity.version

    services.activity_update(
        activity=activity,
        actor=first,
        expected_version=loaded,
        **edit_kwargs(activity, title="Bus and tram forum"),
    )
    activity.refresh_from_db()
    assert activity.version == 2
    # Recorded in both pacts, each entry naming the activity and its new version.
    updated = Event.objects.filter(action="activity_updated")
    assert {(e.target_id, e.subject, e.subject_version) for e in updated} == {
        (kyiv.pk, f"activity:{activity.pk}", 2),
        (havana.pk, f"activity:{activity.pk}", 2),
    }
    before = n_events()

    with pytest.raises(services.StaleVersion) as exc:
        services.activity_update(
            activity=activity,
            actor=second,
            expected_version=loaded,
            **edit_kwargs(activity, title="Tram forum", partnerships=[kyiv], participants=40),
        )
    assert exc.value.version == 2
    (change,) = exc.value.events  # one change, though both pacts recorded it
    assert change.actor == first.user
    assert change.changes["title"] == ["Bus forum", "Bus and tram forum"]
    with translation.override("en"):
        assert "changed this activity" in exc.value.message
    with translation.override("fa"):
        assert "کاربر دیگری این فعالیت را تغییر داده است" in exc.value.message
    assert shown_changes(exc.value.events, "en")["Title"]["new"] == "Bus and tram forum"
    assert "عنوان" in shown_changes(exc.value.events, "fa")
    activity.refresh_from_db()
    assert (activity.title, activity.participants, activity.version) == (
        "Bus and tram forum",
        None,
        2,
    )
    assert {p.pk for p in activity.partnerships.all()} == {kyiv.pk, havana.pk}
    assert n_events() == before

    # Knowing what changed, the second officer saves again from the current version.
    services.activity_update(
        activity=activity,
        actor=second,
        expected_version=2,
        **edit_kwargs(activity, title="Tram forum", participants=40),
    )
    activity.refresh_from_db()
    assert (activity.title, activity.participants, activity.version) == ("Tram forum", 40, 3)


def test_an_activity_save_with_no_change_keeps_its_version(office: Any) -> None:
    activity = log(office, make_partnership(office), TODAY)
    services.activity_update(
        activity=activity, actor=SYSTEM, expected_version=1, **edit_kwargs(activity)
    )
    activity.refresh_from_db()
    assert activity.version == 1
    assert not Event.objects.filter(action="activity_updated").exists()


def test_a_stale_activity_delete_is_refused(office: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY, outcomes=[{"kind": "grant", "value": 1}])
    services.activity_update(
        activity=activity, actor=SYSTEM, **edit_kwargs(activity, title="Renamed meanwhile")
    )
    before = n_events()

    with pytest.raises(services.StaleVersion) as exc:
        services.activity_delete(activity=activity, actor=SYSTEM, expected_version=1)
    assert exc.value.deleting is True
    assert exc.value.events[0].changes["title"] == ["A meeting", "Renamed meanwhile"]
    with translation.override("en"):
        assert "it was not deleted" in exc.value.message
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert Outcome.objects.filter(activity=activity).count() == 1
    assert n_events() == before

    services.activity_delete(activity=activity, actor=SYSTEM, expected_version=2)
    assert not Activity.objects.filter(pk=activity.pk).exists()
