"""The approvals a pact needs, in the API: list, add, read, record the decision. Officer
and up write, as on the pact's page (the reference document is uploaded there)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from peyvand.accounts.access import office_request
from peyvand.accounts.models import Role
from peyvand.core.api import ErrorOut, RecordIdPath, ValidationOut

from .. import services
from ..models import Approval
from . import lookups
from .schemas import ApprovalIn, ApprovalOut, DecisionIn

router = Router(tags=["partnerships"])


@router.get(
    "/offices/{slug}/partnerships/{pk}/approvals",
    response={200: list[ApprovalOut], 404: ErrorOut},
)
def list_approvals(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """The approvals the pact needs (a handful: not paginated), in the order added."""
    office = office_request(request, slug).office
    pact = lookups.pact(office, pk)
    return list(Approval.objects.for_office(office).filter(partnership=pact).order_by("pk"))


@router.post(
    "/offices/{slug}/partnerships/{pk}/approvals",
    response={201: ApprovalOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_approval(request: HttpRequest, slug: str, pk: RecordIdPath, payload: ApprovalIn) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    approval = services.approval_add(
        partnership=lookups.pact(scoped.office, pk), actor=scoped.membership, **payload.dict()
    )
    return 201, approval


@router.get("/offices/{slug}/approvals/{pk}", response={200: ApprovalOut, 404: ErrorOut})
def get_approval(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    return lookups.approval(office_request(request, slug).office, pk)


@router.post(
    "/offices/{slug}/approvals/{pk}/decision",
    response={200: ApprovalOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def decide_approval(request: HttpRequest, slug: str, pk: RecordIdPath, payload: DecisionIn) -> Any:
    """Record the decision: a granted or refused approval needs its date."""
    scoped = office_request(request, slug, Role.OFFICER)
    return services.approval_decide(
        approval=lookups.approval(scoped.office, pk), actor=scoped.membership, **payload.dict()
    )
