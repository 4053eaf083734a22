"""Dormancy reviews in the API: the director revives a pact in force with a plan (deadline
and commitments) or retires it, through the service of the pact's review page; any member
reads a pact's reviews."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from peyvand.accounts.access import office_request
from peyvand.accounts.models import Role
from peyvand.core.api import ErrorOut, InSchema, RecordId, RecordIdPath, ValidationOut, example

from .. import services
from ..models import DormancyReview
from ..models.partnerships import REASON_MAX
from . import lookups

router = Router(tags=["partnerships"])

# The commitments one review may add (the page offers three rows).
PLAN_MAX = 20

REVIEW_EXAMPLE: dict[str, Any] = {
    "id": 4,
    "partnership": 12,
    "decision": "revive",
    "decided_by": "director",
    "decided_on": "2026-12-04",
    "score_at_review": 18,
    "reason": "",
    "deadline": "2027-06-01",
    "letter_fa": "شهردار محترم وین ...",
    "letter_en": "Dear Mayor of Vienna, ...",
}


class ReviewOut(Schema):
    model_config = example(**REVIEW_EXAMPLE)

    id: int
    partnership: int = Field(..., alias="partnership_id")
    decision: str = Field(..., description="revive or retire.")
    decided_by: str | None
    decided_on: dt.date
    score_at_review: int | None = Field(..., description="The health score when decided.")
    reason: str
    deadline: dt.date | None
    letter_fa: str
    letter_en: str

    @staticmethod
    def resolve_decided_by(obj: DormancyReview) -> str | None:
        return obj.decided_by.get_username() if obj.decided_by else None


class PlanItemIn(InSchema):
    model_config = example(title="Joint workshop on leak detection", department=3)

    title: str = Field(..., max_length=300)
    due_on: dt.date | None = Field(None, description="The plan's deadline when left out.")
    department: RecordId | None = None
    area: str | None = Field(None, description="A cooperation area code.")


class ReviewIn(InSchema):
    """`revive` takes `deadline` and `commitments`; `retire` takes `reason`. A letter left
    out is the standard letter of the decision (as the page proposes it); "" sends none in
    that language."""

    model_config = example(
        decision="revive",
        deadline="2027-06-01",
        commitments=[{"title": "Joint workshop on leak detection", "department": 3}],
    )

    decision: str = Field(..., description="revive or retire.")
    deadline: dt.date | None = None
    commitments: list[PlanItemIn] = Field(default_factory=list, max_length=PLAN_MAX)
    reason: str = Field("", max_length=REASON_MAX)
    letter_fa: str | None = None
    letter_en: str | None = None


@router.get(
    "/offices/{slug}/partnerships/{pk}/reviews",
    response={200: list[ReviewOut], 404: ErrorOut},
)
def list_reviews(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """The pact's dormancy reviews, newest first (a handful: not paginated)."""
    office = office_request(request, slug).office
    pact = lookups.pact(office, pk)
    return list(
        DormancyReview.objects.for_office(office)
        .filter(partnership=pact)
        .select_related("decided_by")
    )


@router.post(
    "/offices/{slug}/partnerships/{pk}/reviews",
    response={201: ReviewOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_review(request: HttpRequest, slug: str, pk: RecordIdPath, payload: ReviewIn) -> Any:
    """The director's decision on a pact in force (a pact that is not answers 422)."""
    scoped = office_request(request, slug, Role.DIRECTOR)
    office = scoped.office
    pact = lookups.pact(office, pk)
    plan = [
        {
            "title": item.title,
            "due_on": item.due_on,
            "department": lookups.department(office, item.department),
            "area": lookups.area(item.area),
        }
        for item in payload.commitments
    ]
    review = services.dormancy_review(
        partnership=pact,
        actor=scoped.membership,
        decision=payload.decision,
        deadline=payload.deadline,
        commitments=plan,
        reason=payload.reason,
        letter_fa=payload.letter_fa,
        letter_en=payload.letter_en,
    )
    return 201, review
