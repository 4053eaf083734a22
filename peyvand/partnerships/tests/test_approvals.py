"""Partnerships: approvals a pact needs."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    ApprovalStatus,
)

from .factories import make_partnership
from .support import (
    TODAY,
)


def test_a_pact_becomes_active_only_when_its_approvals_are_granted(office: Any) -> None:
    p = make_partnership(office, status="awaiting_approval")
    council = services.approval_add(partnership=p, actor=SYSTEM, body="city_council")
    ministry = services.approval_add(partnership=p, actor=SYSTEM, body="ministry")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.partnership_set_status(partnership=p, actor=SYSTEM, status="active")
    assert "approvals are granted" in str(exc.value.message_dict["status"])
    services.approval_decide(
        approval=council, actor=SYSTEM, status=ApprovalStatus.GRANTED, decided_on=TODAY
    )
    with pytest.raises(ValidationError):
        services.partnership_set_status(partnership=p, actor=SYSTEM, status="active")
    services.approval_decide(
        approval=ministry, actor=SYSTEM, status=ApprovalStatus.GRANTED, decided_on=TODAY
    )
    services.partnership_set_status(partnership=p, actor=SYSTEM, status="active")
    p.refresh_from_db()
    assert p.status == "active"


def test_an_approval_decision_needs_a_date(office: Any) -> None:
    p = make_partnership(office, status="awaiting_approval")
    a = services.approval_add(partnership=p, actor=SYSTEM, body="ministry")
    with pytest.raises(ValidationError):
        services.approval_decide(approval=a, actor=SYSTEM, status="granted", decided_on=None)
