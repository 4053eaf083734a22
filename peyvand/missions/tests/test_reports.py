"""The trip report, follow-ups becoming commitments, and the activities a mission keeps on
its pacts (no double entry): created once, kept in step, removed with the link."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department, make_member
from peyvand.core.validation import NotAllowedNow
from peyvand.missions import services
from peyvand.missions.models import Mission, MissionActivity
from peyvand.partnerships.models import Activity, Commitment, Outcome, Partnership
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.records.history import history_of

from .factories import TODAY, make_mission, move, report_for

pytestmark = pytest.mark.django_db

SIGNED = TODAY - dt.timedelta(days=3 * 365)


def _pact(office: Any) -> Partnership:
    return make_partnership(office, signed_on=SIGNED)


def _completed(office: Any, **kw: Any) -> Mission:
    return move(make_mission(office, **kw), "submit", "approve", "complete")


def test_a_report_moves_a_completed_mission_to_reported(office: Any) -> None:
    m = _completed(office)
    first, second = m.objectives.all()
    report = services.report_file(
        mission=m,
        actor=SYSTEM,
        report=services.ReportIn(
            summary="A good trip.",
            outcomes={first.pk: ("met", "Seen"), second.pk: ("partly", "Half")},
            lessons="Plan the metro visit early.",
            practices=[("Night buses", "Buses run all night on weekends.")],
        ),
    )
    m.refresh_from_db()
    assert m.status == "reported"
    assert report.lessons == "Plan the metro visit early."
    assert [p.title for p in report.practices.all()] == ["Night buses"]
    assert [(o.outcome, o.outcome_note) for o in m.objectives.all()] == [
        ("met", "Seen"),
        ("partly", "Half"),
    ]
    assert history_of(m).first().action == "reported"  # type: ignore[union-attr]


@pytest.mark.parametrize("state", ["draft", "submitted", "approved", "cancelled"])
def test_a_report_is_refused_before_completion(office: Any, state: str) -> None:
    paths = {
        "draft": (),
        "submitted": ("submit",),
        "approved": ("submit", "approve"),
        "cancelled": ("cancel",),
    }
    m = move(make_mission(office), *paths[state])
    with pytest.raises(NotAllowedNow):
        services.report_file(mission=m, actor=SYSTEM, report=report_for(m))
    assert Mission.objects.get(pk=m.pk).status == state
    assert not hasattr(Mission.objects.get(pk=m.pk), "report")


def test_every_objective_needs_an_outcome_and_nothing_is_written_otherwise(office: Any) -> None:
    pact = _pact(office)
    m = _completed(office, partnerships=[pact])
    first = m.objectives.first()
    assert first is not None
    bad = services.ReportIn(
        summary="Trip",
        outcomes={first.pk: ("met", "")},
        follow_ups=[services.FollowUpIn(pact, "Send the metro study", TODAY)],
    )
    with pytest.raises(ValidationError) as exc:
        services.report_file(mission=m, actor=SYSTEM, report=bad)
    assert any(key.startswith("objective_") for key in exc.value.message_dict)
    assert Mission.objects.get(pk=m.pk).status == "completed"
    assert not Commitment.objects.exists()


@pytest.mark.parametrize(
    ("kw", "error"),
    [
        ({"summary": "  "}, "summary"),
        ({"people_exchanged": -1}, "people_exchanged"),
        ({"practices": [("", "no title")]}, "practices.0.title"),
    ],
)
def test_report_rules(office: Any, kw: dict[str, Any], error: str) -> None:
    m = _completed(office)
    with pytest.raises(ValidationError) as exc:
        services.report_file(mission=m, actor=SYSTEM, report=report_for(m, **kw))
    assert error in exc.value.message_dict


def test_follow_ups_become_commitments_on_the_chosen_pacts(office: Any, other_office: Any) -> None:
    pact = _pact(office)
    dept = make_department(office, "Transport")
    m = _completed(office, partnerships=[pact])
    due = TODAY + dt.timedelta(days=60)
    services.report_file(
        mission=m,
        actor=SYSTEM,
        report=report_for(
            m, follow_ups=[services.FollowUpIn(pact, "Send the metro study", due, dept)]
        ),
    )
    c = Commitment.objects.get()
    assert (c.partnership, c.title, c.due_on, c.department) == (
        pact,
        "Send the metro study",
        due,
        dept,
    )
    assert c.follow_up.report.mission == m
    # Filed again (a correction), the same follow-up is not made twice.
    services.report_file(
        mission=m,
        actor=SYSTEM,
        report=report_for(
            m, follow_ups=[services.FollowUpIn(pact, "Send the metro study", due, dept)]
        ),
    )
    assert Commitment.objects.count() == 1
    # A follow-up on another office's pact is refused.
    theirs = make_partnership(other_office)
    with pytest.raises(ValidationError):
        services.report_file(
            mission=m,
            actor=SYSTEM,
            report=report_for(m, follow_ups=[services.FollowUpIn(theirs, "Theirs", due)]),
        )


def test_completing_creates_one_activity_on_each_linked_pact(office: Any) -> None:
    a, b = _pact(office), _pact(office)
    m = move(make_mission(office, partnerships=[a, b]), "submit", "approve")
    assert not Activity.objects.exists()
    move(m, "complete")
    links = MissionActivity.objects.filter(mission=m)
    assert sorted(link.partnership_id for link in links) == sorted([a.pk, b.pk])
    for link in links:
        act = link.activity
        assert list(act.partnerships.all()) == [link.partnership]
        assert (act.kind, act.initiated_by, act.date) == ("visit_out", "us", m.start_date)
    assert Activity.objects.count() == 2


def test_an_incoming_delegation_is_a_visit_initiated_by_the_partner(office: Any) -> None:
    pact = _pact(office)
    _completed(office, partnerships=[pact], direction="incoming")
    act = Activity.objects.get()
    assert (act.kind, act.initiated_by) == ("visit_in", "partner")


def test_editing_keeps_the_activities_in_step(office: Any) -> None:
    a, b, c = _pact(office), _pact(office), _pact(office)
    m = _completed(office, partnerships=[a, b])
    act_a = MissionActivity.objects.get(mission=m, partnership=a).activity
    new_start = m.start_date - dt.timedelta(days=2)
    services.mission_update(
        mission=m,
        actor=SYSTEM,
        changes={"start_date": new_start, "title_en": "Vienna, again", "partnerships": [a, c]},
    )
    links = {
        link.partnership_id: link.activity for link in MissionActivity.objects.filter(mission=m)
    }
    assert set(links) == {a.pk, c.pk}
    assert links[a.pk].pk == act_a.pk  # the same activity, updated
    assert (links[a.pk].date, links[a.pk].title) == (new_start, "Vienna, again")
    assert not Activity.objects.filter(partnerships=b).exists()
    assert Activity.objects.count() == 2


def test_an_activity_put_in_the_bin_stays_there_when_the_mission_changes(office: Any) -> None:
    from peyvand.partnerships import services as pacts

    a = _pact(office)
    m = _completed(office, partnerships=[a])
    act = MissionActivity.objects.get(mission=m).activity
    pacts.activity_delete(activity=act, actor=SYSTEM)
    services.mission_update(mission=m, actor=SYSTEM, changes={"title_en": "Vienna, again"})
    assert not Activity.objects.exists()  # not recreated, not updated
    assert Activity.all_with_deleted.get().title != "Vienna, again"
    services.mission_update(mission=m, actor=SYSTEM, changes={"partnerships": []})
    assert not MissionActivity.objects.filter(mission=m).exists()


def test_editing_before_completion_creates_nothing(office: Any) -> None:
    pact = _pact(office)
    m = move(make_mission(office), "submit")
    services.mission_update(mission=m, actor=SYSTEM, changes={"partnerships": [pact]})
    assert not Activity.objects.exists()


def test_the_health_score_moves_when_a_mission_completes(office: Any) -> None:
    pact = _pact(office)
    pact.refresh_from_db()
    before = pact.health_score
    _completed(office, partnerships=[pact])
    pact.refresh_from_db()
    assert pact.health_score is not None and before is not None
    assert pact.health_score > before
    assert history_of(pact).filter(action="activity_logged").exists()


def test_people_and_spend_become_outcomes(office: Any) -> None:
    a, b = _pact(office), _pact(office)
    m = _completed(office, partnerships=[a, b], budget_planned=1000, budget_currency="EUR")
    services.report_file(
        mission=m,
        actor=SYSTEM,
        report=report_for(m, people_exchanged=6, budget_actual=Decimal("901.00")),
    )
    m.refresh_from_db()
    assert m.budget_actual == Decimal("901.00")
    people = Outcome.objects.filter(kind="people")
    assert sorted(o.value for o in people) == [6, 6]
    spend = Outcome.objects.filter(kind="other", unit="EUR")
    assert sorted(o.value for o in spend) == [Decimal("450.50"), Decimal("450.50")]
    # Filed again with other figures: the same outcomes, corrected.
    services.report_file(mission=m, actor=SYSTEM, report=report_for(m, people_exchanged=8))
    assert sorted(o.value for o in Outcome.objects.filter(kind="people")) == [8, 8]
    assert Outcome.objects.count() == 4


def test_an_officer_files_a_report_a_viewer_cannot(office: Any) -> None:
    from django.core.exceptions import PermissionDenied

    m = _completed(office)
    with pytest.raises(PermissionDenied):
        services.report_file(mission=m, actor=make_member(office, "viewer"), report=report_for(m))
    services.report_file(mission=m, actor=make_member(office, "officer"), report=report_for(m))
    assert Mission.objects.get(pk=m.pk).status == "reported"
