"""The office's departments in the API: list (any member: the forms of every record offer
them) and add one (the director, as on the members page). The pages neither rename nor
delete a department, nor does the API."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from peyvand.core.api import (
    MAX_LIMIT,
    MAX_OFFSET,
    ErrorOut,
    InSchema,
    PageMeta,
    ValidationOut,
    example,
    order_queryset,
    ordering_field,
    page_example,
    paginate_queryset,
)

from .. import services
from ..access import office_answer, office_request
from ..models import Department, Role

router = Router(tags=["office"])

DEPARTMENT_ORDER = {"name_en": "name_en", "name_fa": "name_fa"}
DEPARTMENT_EXAMPLE: dict[str, Any] = {
    "id": 3,
    "name_fa": "معاونت حمل‌ونقل و ترافیک",
    "name_en": "Transport and Traffic",
}


class DepartmentOut(Schema):
    model_config = example(**DEPARTMENT_EXAMPLE)

    id: int
    name_fa: str
    name_en: str


class DepartmentPage(PageMeta):
    model_config = page_example(DEPARTMENT_EXAMPLE)

    items: list[DepartmentOut]


class DepartmentIn(InSchema):
    model_config = example(name_fa="معاونت حمل‌ونقل و ترافیک", name_en="Transport and Traffic")

    name_fa: str = Field(..., description="The name in Persian.")
    name_en: str = Field(..., description="The name in English (one per office).")


class DepartmentFilters(Schema):
    ordering: str | None = ordering_field(DEPARTMENT_ORDER, "name_en")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


@router.get("/offices/{slug}/departments", response={200: DepartmentPage, 422: ValidationOut})
@office_answer
def list_departments(
    request: HttpRequest,
    slug: str,
    filters: Query[DepartmentFilters],
) -> dict[str, Any]:
    qs = Department.objects.for_office(office_request(request, slug).office)
    qs = order_queryset(qs, filters.ordering, DEPARTMENT_ORDER, "name_en")
    return paginate_queryset(qs, limit=filters.limit, offset=filters.offset)


@router.post(
    "/offices/{slug}/departments",
    response={201: DepartmentOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
)
def create_department(request: HttpRequest, slug: str, payload: DepartmentIn) -> Any:
    """Add a department (the director)."""
    scoped = office_request(request, slug, Role.DIRECTOR)
    return 201, services.department_create(office=scoped.office, **payload.dict())
