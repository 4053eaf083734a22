"""The office's members in the API, for its director as on the members page: list them,
change a member's role and department, remove a member from the office (an office keeps
at least one director: the services' rule). Invitations are made on the page."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from peyvand.core.api import (
    MAX_LIMIT,
    MAX_OFFSET,
    ErrorOut,
    InSchema,
    PageMeta,
    RecordId,
    RecordIdPath,
    ValidationOut,
    example,
    order_queryset,
    ordering_field,
    page_example,
    paginate_queryset,
)

from .. import services
from ..access import office_answer, office_request
from ..models import Department, Office, OfficeMembership, Role
from ..selectors import office_members

router = Router(tags=["office"])

MEMBER_ORDER = {"username": "user__username", "role": "role", "joined": "created_at"}
MEMBER_EXAMPLE: dict[str, Any] = {
    "id": 21,
    "username": "s.ahmadi",
    "role": "liaison",
    "department": 3,
}


class MemberOut(Schema):
    model_config = example(**MEMBER_EXAMPLE)

    id: int
    username: str
    role: str = Field(..., description="director, officer, liaison or viewer.")
    department: int | None = Field(None, alias="department_id")

    @staticmethod
    def resolve_username(obj: OfficeMembership) -> str:
        return str(obj.user.get_username())


class MemberPage(PageMeta):
    model_config = page_example(MEMBER_EXAMPLE)

    items: list[MemberOut]


class MemberPatch(InSchema):
    """The member's role and department (a liaison belongs to one); a field not sent stays."""

    model_config = example(role="liaison", department=3)

    role: str | None = None
    department: RecordId | None = Field(None, description="A department id; null clears it.")


def _department(office: Office, pk: int | None) -> Department | None:
    """The department a client names, refused as a field error when not this office's."""
    if pk is None:
        return None
    found: Department | None = Department.objects.for_office(office).filter(pk=pk).first()
    if found is None:
        raise ValidationError({"department": [_("Choose a department of this office.")]})
    return found


class MemberFilters(Schema):
    ordering: str | None = ordering_field(MEMBER_ORDER, "username")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


@router.get(
    "/offices/{slug}/members", response={200: MemberPage, 403: ErrorOut, 422: ValidationOut}
)
@office_answer
def list_members(
    request: HttpRequest,
    slug: str,
    filters: Query[MemberFilters],
) -> dict[str, Any]:
    """The office's members (the director)."""
    office = office_request(request, slug, Role.DIRECTOR).office
    qs = order_queryset(office_members(office=office), filters.ordering, MEMBER_ORDER, "username")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.patch(
    "/offices/{slug}/members/{pk}",
    response={200: MemberOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def update_member(request: HttpRequest, slug: str, pk: RecordIdPath, payload: MemberPatch) -> Any:
    """Change the member's role or department (the director)."""
    scoped = office_request(request, slug, Role.DIRECTOR)
    member = get_object_or_404(office_members(office=scoped.office), pk=pk)
    sent = payload.dict(exclude_unset=True)
    role = sent.get("role") or member.role
    department = (
        _department(scoped.office, sent["department"])
        if "department" in sent
        else member.department
    )
    return services.member_update(membership=member, role=role, department=department)


@router.delete(
    "/offices/{slug}/members/{pk}",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def remove_member(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    """Remove the member from the office (the director)."""
    scoped = office_request(request, slug, Role.DIRECTOR)
    services.member_remove(
        membership=get_object_or_404(office_members(office=scoped.office), pk=pk)
    )
    return 204, None
