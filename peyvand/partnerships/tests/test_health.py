"""The pure health function on hand-made histories (no database)."""

from __future__ import annotations

import datetime as dt

from peyvand.partnerships.health import (
    ActivityFact,
    CommitmentFact,
    Weights,
    add_months,
    compute_health,
    label_for,
    month_ends,
    project_dormancy,
    trend,
)

TODAY = dt.date(2025, 6, 15)


def test_a_pact_signed_three_years_ago_with_nothing_since_is_dormant_and_paper_only() -> None:
    h = compute_health(activities=[], commitments=[], signed_on=add_months(TODAY, -36), as_of=TODAY)
    assert h.label == "dormant"
    assert h.paper_only is True
    assert h.score < 20


def test_a_pact_signed_last_month_with_nothing_yet_is_not_paper_only() -> None:
    h = compute_health(activities=[], commitments=[], signed_on=add_months(TODAY, -1), as_of=TODAY)
    assert h.paper_only is False


def test_monthly_activities_half_by_the_partner_and_commitments_on_time_is_active() -> None:
    activities = [
        ActivityFact(
            date=add_months(TODAY, -m),
            kind="online_meeting" if m % 3 else "visit_out",
            initiated_by="partner" if m % 2 else "us",
            areas=frozenset({1 + m % 3}),
            outcomes=1 if m % 6 == 0 else 0,
        )
        for m in range(1, 25)
    ]
    commitments = [
        CommitmentFact(due_on=add_months(TODAY, -m), status="done", done_on=add_months(TODAY, -m))
        for m in (2, 6, 10)
    ]
    h = compute_health(
        activities=activities,
        commitments=commitments,
        signed_on=add_months(TODAY, -40),
        as_of=TODAY,
    )
    assert h.label == "active"
    assert h.score > 70
    assert h.paper_only is False
    assert abs(float(h.components["reciprocity"]["value"] or 0) - 0.5) < 0.05
    assert h.components["delivery"]["value"] == 1.0


def test_correspondence_alone_is_not_substantive_but_with_an_outcome_it_is() -> None:
    signed = add_months(TODAY, -30)
    letters = [ActivityFact(date=add_months(TODAY, -2), kind="correspondence")]
    h = compute_health(activities=letters, commitments=[], signed_on=signed, as_of=TODAY)
    assert h.paper_only is True
    assert h.components["frequency"]["count"] == 0
    with_outcome = [ActivityFact(date=add_months(TODAY, -2), kind="correspondence", outcomes=1)]
    h2 = compute_health(activities=with_outcome, commitments=[], signed_on=signed, as_of=TODAY)
    assert h2.paper_only is False
    assert h2.score > h.score


def test_late_and_overdue_commitments_lower_delivery_and_dropped_ones_do_not_count() -> None:
    commitments = [
        CommitmentFact(due_on=TODAY - dt.timedelta(days=60), status="done", done_on=TODAY),
        CommitmentFact(due_on=TODAY - dt.timedelta(days=10), status="planned"),
        CommitmentFact(
            due_on=TODAY - dt.timedelta(days=90),
            status="done",
            done_on=TODAY - dt.timedelta(days=95),
        ),
        CommitmentFact(due_on=TODAY - dt.timedelta(days=90), status="dropped"),
    ]
    h = compute_health(activities=[], commitments=commitments, signed_on=None, as_of=TODAY)
    assert h.components["delivery"]["due"] == 3
    assert h.components["delivery"]["on_time"] == 1


def test_no_commitments_due_leaves_delivery_out_of_the_score() -> None:
    acts = [ActivityFact(date=TODAY, kind="visit_in", initiated_by="joint", areas=frozenset({1}))]
    h = compute_health(activities=acts, commitments=[], signed_on=None, as_of=TODAY)
    assert h.components["delivery"]["value"] is None
    assert h.components["delivery"]["points"] == 0


def test_weights_change_the_score_and_the_future_is_ignored() -> None:
    acts = [ActivityFact(date=TODAY - dt.timedelta(days=5), kind="event", initiated_by="us")]
    future = [ActivityFact(date=TODAY + dt.timedelta(days=5), kind="event")]
    base = compute_health(activities=acts, commitments=[], signed_on=None, as_of=TODAY)
    with_future = compute_health(
        activities=acts + future, commitments=[], signed_on=None, as_of=TODAY
    )
    assert base == with_future
    only_recency = Weights(
        recency=100, frequency=0, delivery=0, reciprocity=0, breadth=0, outcomes=0
    )
    h = compute_health(
        activities=acts, commitments=[], signed_on=None, as_of=TODAY, weights=only_recency
    )
    assert h.score >= 95


def test_labels_and_month_ends() -> None:
    assert [label_for(s) for s in (0, 29, 30, 59, 60, 100)] == [
        "dormant",
        "dormant",
        "weakening",
        "weakening",
        "active",
        "active",
    ]
    ends = month_ends(TODAY, 24)
    assert len(ends) == 24
    assert ends[-1] == TODAY
    assert ends[-2] == dt.date(2025, 5, 31)
    assert ends[0] == dt.date(2023, 7, 31)


def test_trend_rises_after_activity_starts() -> None:
    acts = [ActivityFact(date=add_months(TODAY, -m), kind="event") for m in range(0, 6)]
    points = trend(activities=acts, commitments=[], signed_on=add_months(TODAY, -60), as_of=TODAY)
    assert len(points) == 24
    assert points[0][1] < points[-1][1]


def test_projection_finds_a_pact_about_to_turn_dormant() -> None:
    # One visit 8 months ago: weakening now, dormant within 90 days at this pace.
    acts = [
        ActivityFact(
            date=add_months(TODAY, -8),
            kind="visit_out",
            initiated_by="partner",
            areas=frozenset({1}),
        )
    ]
    now = compute_health(activities=acts, commitments=[], signed_on=None, as_of=TODAY)
    assert now.label == "weakening"
    day = project_dormancy(activities=acts, commitments=[], signed_on=None, as_of=TODAY)
    assert day is not None
    assert TODAY < day <= TODAY + dt.timedelta(days=90)


def test_projection_leaves_a_lively_pact_alone() -> None:
    acts = [ActivityFact(date=add_months(TODAY, -m), kind="event") for m in range(0, 12)]
    assert project_dormancy(activities=acts, commitments=[], signed_on=None, as_of=TODAY) is None
