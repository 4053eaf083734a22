"""Partnerships: dormancy reviews."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from peyvand.accounts.tests.factories import make_department, make_member
from peyvand.partnerships import services
from peyvand.records.history import history_of

from .factories import make_partnership
from .support import (
    TODAY,
    url,
)


def test_a_director_revives_a_dormant_pact(office: Any) -> None:
    director = make_member(office, "director")
    officer = make_member(office, "officer")
    dept = make_department(office)
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    plan = [{"title": "Joint workshop", "department": dept, "due_on": TODAY + dt.timedelta(30)}]
    with pytest.raises(PermissionDenied):
        services.dormancy_review_revive(
            partnership=p,
            actor=officer,
            deadline=TODAY + dt.timedelta(days=90),
            commitments=plan,
            letter_fa="",
            letter_en="Dear partner",
        )
    review = services.dormancy_review_revive(
        partnership=p,
        actor=director,
        deadline=TODAY + dt.timedelta(days=90),
        commitments=plan,
        letter_fa="",
        letter_en="Dear partner",
    )
    assert review.decision == "revive"
    assert p.commitments.get().department == dept
    assert history_of(p).filter(action="review_revive").exists()


def test_a_director_retires_a_dormant_pact(office: Any) -> None:
    director = make_member(office, "director")
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    services.dormancy_review_retire(
        partnership=p, actor=director, reason="No answer since 2015", letter_fa="", letter_en="Bye"
    )
    p.refresh_from_db()
    assert p.status == "ended"
    assert p.end_reason == "No answer since 2015"
    assert p.reviews.get().letter_en == "Bye"


def test_dormancy_review_revive_through_the_page(office: Any, member_client: Any) -> None:
    dept = make_department(office)
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    client = member_client(office, "director")
    response = client.post(
        url("review", office, pk=p.pk),
        {
            "decision": "revive",
            "deadline": (TODAY + dt.timedelta(days=120)).isoformat(),
            "plan_title_0": "Joint workshop on air quality",
            "plan_department_0": dept.pk,
            "letter_fa": "نامه",
            "letter_en": "Letter",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    assert p.reviews.get().decision == "revive"
    assert p.commitments.get().title == "Joint workshop on air quality"


def test_a_pact_not_in_force_gets_no_dormancy_review(office: Any) -> None:
    from django.core.exceptions import ValidationError

    director = make_member(office, "director")
    p = make_partnership(office, status="negotiating")
    with pytest.raises(ValidationError):
        services.dormancy_review_retire(
            partnership=p, actor=director, reason="Nothing", letter_fa="", letter_en="Bye"
        )
    assert not p.reviews.exists()
