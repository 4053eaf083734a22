"""An application's workflow, from its one table: every action from every status, the
roles, the reasons, and the history of every move (who, when, from, to, why)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.core.validation import NotAllowedNow
from peyvand.opportunities import services
from peyvand.opportunities.models import Application, ApplicationStatus
from peyvand.records.history import StaleVersion, history_of

from .factories import make_application, move

pytestmark = pytest.mark.django_db

# How to reach each status from preparation.
PATHS = {
    "preparation": (),
    "submitted": ("submit",),
    "accepted": ("submit", "accept"),
    "rejected": ("submit", "reject"),
    "implementation": ("submit", "accept", "implement"),
    "completed": ("submit", "accept", "implement", "complete"),
}
# The moves the workflow allows: (from, action) -> to.
ALLOWED = {
    ("preparation", "submit"): "submitted",
    ("submitted", "accept"): "accepted",
    ("submitted", "reject"): "rejected",
    ("accepted", "implement"): "implementation",
    ("implementation", "complete"): "completed",
}


def test_the_table_is_the_workflow() -> None:
    assert {(s, a.name): a.target for a in services.ACTIONS.values() for s in a.sources} == ALLOWED
    assert set(PATHS) == set(ApplicationStatus.values)


@pytest.mark.parametrize("status", list(PATHS))
@pytest.mark.parametrize("action", list(services.ACTIONS))
def test_every_action_from_every_status(office: Any, status: str, action: str) -> None:
    a = move(make_application(office), *PATHS[status])
    officer = make_member(office, "officer")
    reason = "Out of scope" if action == "reject" else ""
    target = ALLOWED.get((status, action))
    if target is None:
        with pytest.raises(NotAllowedNow):
            services.application_transition(
                application=a, actor=officer, action=action, reason=reason
            )
        assert Application.objects.get(pk=a.pk).status == status
        assert [x.name for x in services.allowed_actions(a, officer)] == [
            name for (s, name) in ALLOWED if s == status
        ]
        return
    done = services.application_transition(
        application=a, actor=officer, action=action, reason=reason, expected_version=a.version
    )
    assert done.status == target
    last = history_of(done).first()
    assert last is not None
    assert (last.action, last.actor, last.changes["status"]) == (
        action,
        officer.user,
        [status, target],
    )
    if reason:
        assert last.changes["reason"] == [None, reason] and done.status_reason == reason


def test_a_rejection_takes_a_reason(office: Any) -> None:
    a = move(make_application(office), "submit")
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as exc:
            services.application_transition(
                application=a, actor=SYSTEM, action="reject", reason=reason
            )
        assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.application_transition(
            application=a, actor=SYSTEM, action="reject", reason="x" * 2001
        )
    assert Application.objects.get(pk=a.pk).status == "submitted"


def test_roles_an_unknown_action_a_stale_version_and_a_missing_amount(office: Any) -> None:
    a = make_application(office)
    for role in ("viewer", "liaison"):
        with pytest.raises(PermissionDenied):
            services.application_transition(
                application=a, actor=make_member(office, role), action="submit"
            )
        assert services.allowed_actions(a, make_member(office, role)) == []
    with pytest.raises(ValidationError):
        services.application_transition(application=a, actor=SYSTEM, action="approve")
    services.application_update(application=a, actor=SYSTEM, changes={"notes": "Draft 2"})
    with pytest.raises(StaleVersion):
        services.application_transition(
            application=a, actor=SYSTEM, action="submit", expected_version=1
        )
    bare = make_application(office, amount_requested=None)
    with pytest.raises(ValidationError) as exc:
        services.application_transition(application=bare, actor=SYSTEM, action="submit")
    assert "amount_requested" in exc.value.message_dict
    assert Application.objects.filter(status="preparation").count() == 2


def test_moving_to_a_status_takes_the_one_action_leading_there(office: Any) -> None:
    a = make_application(office)
    a = services.application_move_to(application=a, actor=SYSTEM, status="submitted")
    with pytest.raises(NotAllowedNow):
        services.application_move_to(application=a, actor=SYSTEM, status="completed")
    with pytest.raises(NotAllowedNow):
        services.application_move_to(application=a, actor=SYSTEM, status="preparation")
    with pytest.raises(ValidationError):
        services.application_move_to(application=a, actor=SYSTEM, status="won")
    a = services.application_move_to(
        application=a, actor=SYSTEM, status="rejected", reason="Budget spent"
    )
    assert [e.action for e in history_of(a)] == ["reject", "submit", "created"]
