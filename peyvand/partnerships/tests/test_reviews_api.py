"""Dormancy reviews in the API: the director's decision through the service of the review
page (its rules: a deadline in the future, a plan, a reason; the standard letters when none
is sent); any member reads them; refusals answer 4xx writing nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from peyvand.accounts.tests.factories import make_department, make_member
from peyvand.partnerships import services
from peyvand.partnerships.models import Commitment, DormancyReview

from .factories import make_partnership
from .support import TODAY

LATER = TODAY + dt.timedelta(days=120)


def reviews(office: Any, pk: int) -> str:
    return f"/api/v1/offices/{office.slug}/partnerships/{pk}/reviews"


def send(client: Any, path: str, data: Any) -> Any:
    return client.post(
        path, data=json.dumps(data), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )


def dormant(office: Any) -> Any:
    return make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))


def test_a_director_revives_a_pact_with_a_plan_and_the_standard_letters(
    office: Any, member_client: Any
) -> None:
    p = dormant(office)
    dept = make_department(office)
    director = member_client(office, "director")
    plan = [
        {"title": "Joint workshop on air quality", "department": dept.pk, "area": "environment"},
        {"title": "Exchange of two engineers", "due_on": (TODAY + dt.timedelta(60)).isoformat()},
    ]
    answer = send(
        director,
        reviews(office, p.pk),
        {"decision": "revive", "deadline": LATER.isoformat(), "commitments": plan},
    )
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert body["decision"] == "revive" and body["deadline"] == LATER.isoformat()
    assert body["partnership"] == p.pk and body["decided_by"]
    # No letter sent: the page's standard letters, naming the partner city.
    assert p.partner_city.name_en in body["letter_en"] and body["letter_fa"]
    made = {c.title: c for c in Commitment.objects.filter(partnership=p)}
    assert made["Joint workshop on air quality"].due_on == LATER  # the plan's deadline
    assert made["Joint workshop on air quality"].department == dept
    assert made["Joint workshop on air quality"].area.code == "environment"
    assert made["Exchange of two engineers"].due_on == TODAY + dt.timedelta(60)
    viewer = member_client(office, "viewer")
    listed = viewer.get(reviews(office, p.pk))
    assert listed.status_code == 200 and [r["id"] for r in listed.json()] == [body["id"]]


def test_a_director_retires_a_pact_with_the_standard_closing_letter(
    office: Any, member_client: Any
) -> None:
    p = dormant(office)
    answer = send(
        member_client(office, "director"),
        reviews(office, p.pk),
        {"decision": "retire", "reason": "No answer since 2015", "letter_fa": ""},
    )
    assert answer.status_code == 201, answer.json()
    p.refresh_from_db()
    assert p.status == "ended" and p.end_reason == "No answer since 2015"
    review = p.reviews.get()
    assert review.letter_fa == "" and p.partner_city.name_en in review.letter_en


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"decision": "revive", "commitments": [{"title": "Plan"}]}, "deadline"),
        (
            {"decision": "revive", "deadline": TODAY.isoformat(), "commitments": [{"title": "P"}]},
            "deadline",
        ),
        ({"decision": "revive", "deadline": LATER.isoformat()}, "commitments"),
        ({"decision": "retire", "reason": "  "}, "reason"),
        ({"decision": "pause"}, "decision"),
        (
            {
                "decision": "revive",
                "deadline": LATER.isoformat(),
                "commitments": [{"title": "Plan"}],
                "letter_fa": "",
                "letter_en": "",
            },
            "letter_en",
        ),
        (
            {"decision": "revive", "deadline": LATER.isoformat(), "commitments": [{"title": ""}]},
            "title",
        ),
        (
            {
                "decision": "revive",
                "deadline": LATER.isoformat(),
                "commitments": [{"title": "Plan", "area": "astrology"}],
            },
            "areas",
        ),
    ],
)
def test_refused_decisions_answer_422_by_field_and_write_nothing(
    office: Any, member_client: Any, body: dict[str, Any], field: str
) -> None:
    p = dormant(office)
    answer = send(member_client(office, "director"), reviews(office, p.pk), body)
    assert answer.status_code == 422, answer.json()
    assert field in json.dumps(answer.json()["errors"]), answer.json()
    p.refresh_from_db()
    assert p.status == "active"
    assert not DormancyReview.objects.exists() and not Commitment.objects.exists()


def test_shapes_out_of_range_answer_422(office: Any, member_client: Any) -> None:
    p = dormant(office)
    director = member_client(office, "director")
    for body in (
        {"decision": "retire", "reason": "x" * 2001},
        {"decision": "revive", "deadline": "1404-13-40", "commitments": [{"title": "P"}]},
        {"decision": "revive", "deadline": LATER.isoformat(), "commitments": [{"title": "P"}] * 21},
        {"decision": "retire", "reason": "Gone", "letter_fa": None, "colour": "red"},
        {"decision": "revive", "deadline": LATER.isoformat(), "commitments": [{"department": 0}]},
    ):
        assert send(director, reviews(office, p.pk), body).status_code == 422, body
    assert not DormancyReview.objects.exists()


def test_roles_offices_and_pacts_not_in_force_are_refused(
    office: Any, other_office: Any, member_client: Any
) -> None:
    p = dormant(office)
    theirs = dormant(other_office)
    retire = {"decision": "retire", "reason": "Gone"}
    assert send(member_client(office, "officer"), reviews(office, p.pk), retire).status_code == 403
    director = member_client(office, "director")
    assert send(director, reviews(office, theirs.pk), retire).status_code == 404
    assert director.get(reviews(office, theirs.pk)).status_code == 404
    # A department of another office is no owner of this office's plan.
    foreign = make_department(other_office)
    plan = {
        "decision": "revive",
        "deadline": LATER.isoformat(),
        "commitments": [{"title": "Plan", "department": foreign.pk}],
    }
    assert send(director, reviews(office, p.pk), plan).status_code == 422
    negotiating = make_partnership(office, status="negotiating")
    refused = send(director, reviews(office, negotiating.pk), retire)
    assert refused.status_code == 422 and "in force" in refused.json()["detail"]
    assert not DormancyReview.objects.exists()
    theirs.refresh_from_db()
    assert theirs.status == "active"


def test_the_service_asks_for_the_deadline_the_page_used_to_check(office: Any) -> None:
    """The rule lives in the service: the page and the API give the same answer."""
    p = dormant(office)
    with pytest.raises(ValidationError) as refused:
        services.dormancy_review_revive(
            partnership=p,
            actor=make_member(office, "director"),
            deadline=None,
            commitments=[{"title": "Plan"}],
        )
    # the letters left out are the standard ones, written once the deadline is known
    assert set(refused.value.message_dict) == {"deadline"}
