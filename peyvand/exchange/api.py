"""Import and export in the API: the same engine as the pages (`services.import_table`,
`exports.export`), under an office.

`POST /offices/{slug}/imports/{type}` takes a CSV or XLSX file (multipart, field `file`)
and answers what the import would do (`dry_run`, the default) or did: counts, errors by
row and column, and the ambiguous city names with their candidates; send your picks back
as `cities` (a JSON object: the name as written in the file -> the city's id). Nothing is
written while any row has an error. `GET /offices/{slug}/exports/{type}` answers the
records as CSV or XLSX, with the list page's filters as query parameters, headers in the
request's language (Accept-Language).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile

from peyvand.accounts.access import office_request
from peyvand.accounts.api_auth import api_auth
from peyvand.core.api import ErrorOut, ValidationOut, example

from .exports import FORMATS, export, filename
from .kinds import KINDS
from .reader import MAX_BYTES, UnreadableFile, read_table
from .services import Report, import_table

router = Router(auth=api_auth, tags=["import and export"])

KindName = Literal[
    "partnerships",
    "agreements",
    "commitments",
    "activities",
    "contacts",
    "memberships",
    "practices",
]


IMPORT_EXAMPLE: dict[str, Any] = {
    "to_create": 3,
    "to_change": 1,
    "unchanged": 10,
    "applied": False,
    "errors": [{"row": 4, "column": "partner_city", "message": "There is no city with this id."}],
    "ambiguous": [
        {
            "name": "Springfield",
            "candidates": [{"id": "gn:4409896", "name": "Springfield", "country": "US"}],
        }
    ],
}


class RowErrorOut(Schema):
    row: int = Field(..., examples=[3])
    column: str = Field(..., examples=["تاریخ امضا"])
    message: str


class CandidateOut(Schema):
    id: str = Field(..., examples=["gn:2988507"])
    name: str
    country: str | None


class AmbiguousOut(Schema):
    name: str = Field(..., examples=["Paris"])
    candidates: list[CandidateOut]


class ImportOut(Schema):
    model_config = example(**IMPORT_EXAMPLE)

    to_create: int
    to_change: int
    unchanged: int
    applied: bool = Field(..., description="True when the rows were written.")
    errors: list[RowErrorOut]
    ambiguous: list[AmbiguousOut]


class ExportQuery(Schema):
    format: Literal["csv", "xlsx"] = "csv"


def _answer(report: Report) -> dict[str, Any]:
    return {
        "to_create": report.to_create,
        "to_change": report.to_change,
        "unchanged": report.unchanged,
        "applied": report.applied,
        "errors": [{"row": e.row, "column": e.column, "message": e.message} for e in report.errors],
        "ambiguous": [
            {
                "name": name,
                "candidates": [
                    {"id": c.code, "name": c.name, "country": c.country.code if c.country else None}
                    for c in cities
                ],
            }
            for name, cities in report.ambiguous.items()
        ],
    }


def _picks(text: str) -> dict[str, str]:
    if not text:
        return {}
    try:
        picks = json.loads(text)
    except ValueError:
        picks = None
    if not isinstance(picks, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and len(k) <= 200 and len(v) <= 80
        for k, v in picks.items()
    ):
        raise ValidationError(
            {"cities": [_('Give the picks as a JSON object: {"name in the file": "city id"}.')]}
        )
    return picks


@router.post(
    "/offices/{slug}/imports/{kind}",
    response={200: ImportOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationOut},
    openapi_extra={
        "requestBody": {
            "content": {
                "multipart/form-data": {
                    "example": {"dry_run": True, "cities": '{"Paris": "gn:2988507"}'}
                }
            }
        }
    },
)
def import_records(
    request: HttpRequest,
    slug: str,
    kind: KindName,
    file: File[UploadedFile],
    dry_run: Form[bool] = True,
    cities: Form[str] = "",
) -> Any:
    """Preview (dry_run, the default) or apply an import of a CSV or XLSX file."""
    spec = KINDS[kind]
    scoped = office_request(request, slug, spec.role)
    if (file.size or 0) > MAX_BYTES:
        raise ValidationError({"file": [_("The file is larger than 20 MB.")]})
    try:
        table = read_table(file.read(), file.name or "")
    except UnreadableFile as exc:
        raise ValidationError({"file": [str(exc)]}) from None
    report = import_table(
        office=scoped.office,
        actor=scoped.membership,
        kind=spec,
        table=table,
        picks=_picks(cities),
        dry_run=dry_run,
    )
    return _answer(report)


@router.get(
    "/offices/{slug}/exports/{kind}",
    response={200: None, 404: ErrorOut, 422: ValidationOut},
    openapi_extra={
        "responses": {
            200: {
                "description": "The records as a spreadsheet (with the list's filters).",
                "content": {
                    media: {"schema": {"type": "string", "format": "binary"}}
                    for media in FORMATS.values()
                },
            }
        }
    },
)
def export_records(
    request: HttpRequest, slug: str, kind: KindName, query: Query[ExportQuery]
) -> HttpResponse:
    """The records as CSV or XLSX; the list page's filters (status, kind, ...) apply."""
    scoped = office_request(request, slug)
    spec = KINDS[kind]
    lang = "fa" if (get_language() or "fa").startswith("fa") else "en"
    filters = {k: str(v)[:100] for k, v in request.GET.items() if k != "format"}
    data = export(spec, spec.records(scoped.office, filters), lang, query.format)
    response = HttpResponse(data, content_type=FORMATS[query.format])
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(spec, scoped.office.slug, query.format)}"'
    )
    return response
