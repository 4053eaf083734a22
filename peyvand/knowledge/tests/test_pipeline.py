"""The transfer pipeline: its rules, table-driven; the order of refusals; every move in the
history; the time spent in each stage; adopting records one outcome on the pacts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.core.validation import NotAllowedNow
from peyvand.knowledge import selectors, services
from peyvand.knowledge.models import Practice, StageSpan
from peyvand.partnerships.models import Activity, Outcome
from peyvand.partnerships.tests.factories import area, make_partnership
from peyvand.records.history import StaleVersion, history_of

from .factories import TODAY, make_practice, walk

pytestmark = pytest.mark.django_db

# (stages it went through first, target, allowed)
RULES = [
    ((), "studied", True),
    ((), "proposed", True),  # forward to any later stage
    ((), "piloting", True),
    ((), "adopted", True),
    ((), "rejected", True),
    ((), "idea", False),  # already there
    (("studied",), "piloting", True),  # the board's one-step move
    (("studied",), "idea", True),  # back one stage
    (("studied", "proposed"), "studied", True),
    (("studied", "proposed", "piloting"), "idea", False),  # back more than one
    (("studied", "proposed", "piloting"), "studied", False),
    (("studied", "proposed", "piloting"), "proposed", True),
    (("studied", "proposed", "piloting"), "rejected", True),
    (("adopted",), "piloting", False),  # adopted is final
    (("adopted",), "rejected", False),
    (("adopted",), "idea", False),
    (("proposed", "rejected"), "proposed", True),  # reopened where it left
    (("proposed", "rejected"), "idea", False),
    (("proposed", "rejected"), "studied", False),
    (("proposed", "rejected"), "piloting", False),
    (("proposed", "rejected"), "adopted", False),
]


@pytest.mark.parametrize(("before", "target", "allowed"), RULES)
def test_the_pipeline_rules(
    office: Any, before: tuple[str, ...], target: str, allowed: bool
) -> None:
    p = walk(make_practice(office), *before)
    offered = {m.target for m in services.allowed_moves(p, SYSTEM)}
    assert (target in offered) == allowed
    if allowed:
        reason = "Too costly" if target == "rejected" else ""
        done = services.practice_move(practice=p, actor=SYSTEM, stage=target, reason=reason)
        assert done.stage == target
    else:
        version = p.version
        with pytest.raises(NotAllowedNow):
            services.practice_move(practice=p, actor=SYSTEM, stage=target, reason="Because")
        assert Practice.objects.get(pk=p.pk).version == version


def test_refusals_come_in_order_and_write_nothing(office: Any) -> None:
    p = make_practice(office)
    viewer, liaison = make_member(office, "viewer"), make_member(office, "liaison")
    with pytest.raises(ValidationError) as exc:
        services.practice_move(practice=p, actor=viewer, stage="somewhere")
    assert "stage" in exc.value.message_dict
    for member in (viewer, liaison):
        with pytest.raises(PermissionDenied):
            services.practice_move(practice=p, actor=member, stage="studied")
    with pytest.raises(StaleVersion):
        services.practice_move(practice=p, actor=SYSTEM, stage="studied", expected_version=99)
    with pytest.raises(ValidationError) as exc:
        services.practice_move(practice=p, actor=SYSTEM, stage="rejected", reason="  ")
    assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.practice_move(practice=p, actor=SYSTEM, stage="rejected", reason="x" * 2001)
    fresh = Practice.objects.get(pk=p.pk)
    assert (fresh.stage, fresh.version) == ("idea", p.version)
    assert StageSpan.objects.filter(practice=p).count() == 1
    assert [e.action for e in history_of(p)] == ["created"]
    officer = make_member(office, "officer")
    done = services.practice_move(
        practice=p, actor=officer, stage="studied", expected_version=p.version
    )
    assert done.version == p.version + 1


def test_every_move_is_recorded_with_who_from_to_and_why(office: Any) -> None:
    officer = make_member(office, "officer")
    p = make_practice(office)
    walk(p, "studied", "piloting", actor=officer)
    services.practice_move(practice=p, actor=officer, stage="rejected", reason="No budget")
    done = services.practice_move(practice=p, actor=officer, stage="piloting")
    assert (done.stage_reason, done.rejected_from) == ("", "")
    rows = list(history_of(p).order_by("pk"))
    assert [e.action for e in rows] == ["created", "advanced", "advanced", "rejected", "reopened"]
    rejected = rows[3]
    assert rejected.actor == officer.user and rejected.note == "No budget"
    assert rejected.changes == {"stage": ["piloting", "rejected"], "reason": [None, "No budget"]}
    assert rows[4].changes == {"stage": ["rejected", "piloting"]}


def test_the_time_in_each_stage_adds_up_its_stays(office: Any) -> None:
    start = TODAY - dt.timedelta(days=60)
    p = make_practice(office, today=start)
    day = dt.timedelta(days=1)
    for stage, on in (
        ("studied", start + 10 * day),
        ("idea", start + 15 * day),  # back one stage
        ("studied", start + 20 * day),
        ("piloting", start + 40 * day),
    ):
        p = services.practice_move(practice=p, actor=SYSTEM, stage=stage, today=on)
    spans = list(StageSpan.objects.filter(practice=p).order_by("entered_on", "pk"))
    assert [(s.stage, s.entered_on, s.left_on) for s in spans] == [
        ("idea", start, start + 10 * day),
        ("studied", start + 10 * day, start + 15 * day),
        ("idea", start + 15 * day, start + 20 * day),
        ("studied", start + 20 * day, start + 40 * day),
        ("piloting", start + 40 * day, None),
    ]
    shown = selectors.time_in_stages(selectors.practice_for_detail(office=office, pk=p.pk), TODAY)
    assert [(s["stage"], s["days"]) for s in shown] == [
        ("idea", 15),
        ("studied", 25),
        ("piloting", 20),
    ]
    assert p.stage_since == start + 40 * day


def test_stage_counts_name_every_stage(office: Any, other_office: Any) -> None:
    walk(make_practice(office), "studied")
    walk(make_practice(office), "studied", "rejected")
    make_practice(office)
    make_practice(other_office)
    counts = selectors.stage_counts(office)
    assert counts == {
        "idea": 1,
        "studied": 1,
        "proposed": 0,
        "piloting": 0,
        "adopted": 0,
        "rejected": 1,
    }


def test_adopting_records_one_outcome_on_each_linked_pact(office: Any) -> None:
    vienna, berlin = make_partnership(office), make_partnership(office)
    officer = make_member(office, "officer")
    p = make_practice(
        office,
        title_fa="بلیت سالانه یکپارچه",
        partnerships=[vienna, berlin],
        areas=[area("transport")],
    )
    walk(p, "studied", "piloting", actor=officer)
    before = {x.pk: x.health_score for x in (vienna, berlin)}
    done = services.practice_move(practice=p, actor=officer, stage="adopted")
    activity = Activity.objects.get()
    assert done.adoption_activity == activity and done.adopted_on == TODAY
    # Written in the practice's language, whatever the mover's.
    assert activity.title == "به‌کارگیری تجربه: بلیت سالانه یکپارچه"
    assert set(activity.partnerships.all()) == {vienna, berlin}
    assert list(activity.areas.all()) == [area("transport")] and activity.date == TODAY
    outcome = Outcome.objects.get()
    assert outcome.kind == "practice" and outcome.activity == activity
    for pact in (vienna, berlin):
        pact.refresh_from_db()
        assert history_of(pact).filter(action="outcome_added").count() == 1
        assert pact.health_score is not None and pact.health_score >= (before[pact.pk] or 0)
    # Final: it cannot move again, so nothing is recorded twice.
    with pytest.raises(NotAllowedNow):
        services.practice_move(practice=done, actor=officer, stage="piloting")
    assert Activity.objects.count() == 1 and Outcome.objects.count() == 1
    assert history_of(p).filter(action="adoption_logged").count() == 1


def test_adopting_a_practice_without_pacts_logs_nothing(office: Any) -> None:
    p = walk(make_practice(office), "adopted")
    assert p.adoption_activity is None and not Activity.objects.exists()
