"""The mission's services: creation rules, the workflow by role, locking, documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department, make_member
from peyvand.core.validation import NotAllowedNow
from peyvand.missions import services
from peyvand.missions.models import Mission
from peyvand.missions.services.transitions import ACTIONS
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.partnerships.tests.support import PDF
from peyvand.records.history import StaleVersion, history_of

from .factories import TODAY, make_mission, move

pytestmark = pytest.mark.django_db

# (action, the state before it) -> the state after; every other pair is refused.
ALLOWED = {
    ("submit", "draft"): "submitted",
    ("submit", "rejected"): "submitted",
    ("approve", "submitted"): "approved",
    ("reject", "submitted"): "rejected",
    ("complete", "approved"): "completed",
    ("cancel", "draft"): "cancelled",
    ("cancel", "submitted"): "cancelled",
    ("cancel", "approved"): "cancelled",
    ("cancel", "rejected"): "cancelled",
}
# How to reach each state from a draft.
PATHS = {
    "draft": (),
    "submitted": ("submit",),
    "approved": ("submit", "approve"),
    "rejected": ("submit", "reject"),
    "completed": ("submit", "approve", "complete"),
    "cancelled": ("cancel",),
}
ROLE_FOR = {"submit": "officer", "approve": "director", "reject": "director"}


def _in_state(office: Any, state: str) -> Mission:
    return move(make_mission(office), *PATHS[state])


@pytest.mark.parametrize("state", [*PATHS, "reported"])
@pytest.mark.parametrize("action", list(ACTIONS))
def test_every_transition_from_every_state(office: Any, action: str, state: str) -> None:
    if state == "reported":
        m = _in_state(office, "completed")
        services.report_file(
            mission=m,
            actor=SYSTEM,
            report=services.ReportIn(
                summary="Done", outcomes={o.pk: ("met", "") for o in m.objectives.all()}
            ),
        )
    else:
        m = _in_state(office, state)
    n_events = history_of(m).count()
    reason = "Not this year" if action in ("reject", "cancel") else ""
    if (action, state) in ALLOWED:
        done = services.mission_transition(mission=m, actor=SYSTEM, action=action, reason=reason)
        assert done.status == ALLOWED[(action, state)]
        last = history_of(m).first()
        assert last is not None and last.action == action
        assert last.changes["status"] == [state, done.status]
    else:
        with pytest.raises(NotAllowedNow):
            services.mission_transition(mission=m, actor=SYSTEM, action=action, reason=reason)
        assert Mission.objects.get(pk=m.pk).status == state
        assert history_of(m).count() == n_events


@pytest.mark.parametrize(
    ("action", "state"),
    [
        ("submit", "draft"),
        ("approve", "submitted"),
        ("reject", "submitted"),
        ("complete", "approved"),
        ("cancel", "draft"),
    ],
)
@pytest.mark.parametrize("role", ["viewer", "liaison", "officer", "director"])
def test_who_may_take_each_action(office: Any, action: str, state: str, role: str) -> None:
    m = _in_state(office, state)
    actor = make_member(office, role)
    needed = "director" if action in ("approve", "reject") else "officer"
    may = role == "director" or (role == "officer" and needed == "officer")
    if may:
        services.mission_transition(mission=m, actor=actor, action=action, reason="Why not")
        assert Mission.objects.get(pk=m.pk).status != state
        assert history_of(m).first().actor == actor.user  # type: ignore[union-attr]
    else:
        with pytest.raises(PermissionDenied):
            services.mission_transition(mission=m, actor=actor, action=action, reason="Why not")
        assert Mission.objects.get(pk=m.pk).status == state


def test_allowed_actions_follow_the_state_and_the_role(office: Any) -> None:
    m = _in_state(office, "submitted")
    officer, director = make_member(office, "officer"), make_member(office, "director")
    assert [a.name for a in services.allowed_actions(m, officer)] == ["cancel"]
    assert [a.name for a in services.allowed_actions(m, director)] == [
        "approve",
        "reject",
        "cancel",
    ]
    assert services.allowed_actions(m, make_member(office, "viewer")) == []


def test_a_rejection_needs_a_reason_and_keeps_it(office: Any) -> None:
    m = _in_state(office, "submitted")
    with pytest.raises(ValidationError) as exc:
        services.mission_transition(mission=m, actor=SYSTEM, action="reject", reason="  ")
    assert "reason" in exc.value.message_dict
    assert Mission.objects.get(pk=m.pk).status == "submitted"
    m = services.mission_transition(mission=m, actor=SYSTEM, action="reject", reason="No budget")
    assert m.status_reason == "No budget"
    assert history_of(m).first().changes["reason"] == [None, "No budget"]  # type: ignore[union-attr]


def test_an_unknown_action_is_a_field_error(office: Any) -> None:
    with pytest.raises(ValidationError):
        services.mission_transition(mission=make_mission(office), actor=SYSTEM, action="fly")


def test_a_mission_in_the_future_cannot_be_completed(office: Any) -> None:
    m = move(
        make_mission(
            office,
            start_date=TODAY + dt.timedelta(days=5),
            end_date=TODAY + dt.timedelta(days=8),
        ),
        "submit",
        "approve",
    )
    with pytest.raises(NotAllowedNow):
        services.mission_transition(mission=m, actor=SYSTEM, action="complete")
    assert Mission.objects.get(pk=m.pk).status == "approved"


def test_a_mission_without_objectives_cannot_be_submitted(office: Any) -> None:
    m = make_mission(office, objectives=[])
    with pytest.raises(ValidationError):
        services.mission_transition(mission=m, actor=SYSTEM, action="submit")


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"title_en": "", "title_fa": " "}, "title_fa"),
        ({"end_date": TODAY - dt.timedelta(days=30)}, "end_date"),
        ({"budget_planned": 100}, "budget_currency"),
        ({"budget_planned": 100, "budget_currency": "euro"}, "budget_currency"),
        ({"direction": "sideways"}, "direction"),
        ({"objectives": ["x" * 501]}, "objectives"),
        ({"objectives": [f"o{n}" for n in range(21)]}, "objectives"),
        ({"budget_planned": -5, "budget_currency": "EUR"}, "budget_planned"),
    ],
)
def test_creation_rules(office: Any, fields: dict[str, Any], error: str) -> None:
    with pytest.raises(ValidationError) as exc:
        make_mission(office, **fields)
    assert error in exc.value.message_dict
    assert not Mission.objects.exists()


def test_a_mission_cannot_link_another_offices_records(office: Any, other_office: Any) -> None:
    theirs = make_partnership(other_office)
    with pytest.raises(ValidationError) as exc:
        make_mission(office, partnerships=[theirs])
    assert "partnerships" in exc.value.message_dict
    stranger = make_member(other_office, "officer")
    with pytest.raises(ValidationError):
        make_mission(office, participants=[services.ParticipantIn(membership=stranger)])
    assert not Mission.objects.exists()


def test_participants_take_their_department(office: Any) -> None:
    dept = make_department(office, "Culture")
    member = make_member(office, "officer", department=dept)
    m = make_mission(
        office, participants=[services.ParticipantIn(membership=member, role="Head of delegation")]
    )
    person = m.participants.get()
    assert person.user == member.user and person.department == dept
    assert person.role == "Head of delegation"


def test_a_viewer_cannot_create_a_mission(office: Any) -> None:
    with pytest.raises(PermissionDenied):
        make_mission(office, actor=make_member(office, "viewer"))


def test_editing_uses_optimistic_locking(office: Any) -> None:
    m = make_mission(office)
    loaded = m.version
    services.mission_update(
        mission=m, actor=SYSTEM, changes={"title_en": "Vienna"}, expected_version=loaded
    )
    with pytest.raises(StaleVersion):
        services.mission_update(
            mission=m, actor=SYSTEM, changes={"title_en": "Graz"}, expected_version=loaded
        )
    m.refresh_from_db()
    assert m.title_en == "Vienna"
    entry = history_of(m).first()
    assert entry is not None and entry.changes["title_en"] == ["Study visit to Vienna", "Vienna"]


def test_objectives_keep_their_outcomes_when_the_list_is_edited(office: Any) -> None:
    m = make_mission(office, objectives=["A", "B"])
    a = m.objectives.get(text="A")
    a.outcome = "met"
    a.save()
    services.mission_update(mission=m, actor=SYSTEM, changes={"objectives": ["C", "A"]})
    assert [(o.text, o.outcome) for o in m.objectives.all()] == [("C", ""), ("A", "met")]


def test_a_cancelled_mission_is_closed(office: Any) -> None:
    m = move(make_mission(office), "cancel")
    with pytest.raises(NotAllowedNow):
        services.mission_update(mission=m, actor=SYSTEM, changes={"title_en": "Again"})


def test_an_unknown_field_is_refused(office: Any) -> None:
    with pytest.raises(ValidationError):
        services.mission_update(
            mission=make_mission(office), actor=SYSTEM, changes={"status": "reported"}
        )


def test_documents_follow_the_upload_rules(office: Any, media: Any) -> None:
    m = make_mission(office)
    doc = services.document_add(
        mission=m, actor=SYSTEM, kind="agenda", upload=SimpleUploadedFile("agenda.pdf", PDF)
    )
    assert doc.original_name == "agenda.pdf" and doc.content_type == "application/pdf"
    with pytest.raises(ValidationError) as exc:
        services.document_add(
            mission=m,
            actor=SYSTEM,
            kind="agenda",
            upload=SimpleUploadedFile("evil.pdf", b"<script>alert(1)</script>"),
        )
    assert "file" in exc.value.message_dict
    services.document_delete(document=doc, actor=SYSTEM)
    assert not m.documents.exists()
    assert [e.action for e in history_of(m)][:2] == ["document_removed", "document_added"]
