"""The reports API's shapes. The schema bounds only what it must parse; the service decides
which years, calendars and languages a report takes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET, InSchema, example, ordering_field, page_example

REPORT_IN_EXAMPLE: dict[str, Any] = {"year": 1404, "calendar": "jalali", "language": "fa"}

REPORT_CREATED_EXAMPLE: dict[str, Any] = {
    "id": 5,
    "status": "queued",
    "url": "/api/v1/offices/tehran/reports/5",
}

REPORT_EXAMPLE: dict[str, Any] = {
    "id": 5,
    "year": 1404,
    "calendar": "jalali",
    "language": "fa",
    "status": "done",
    "progress": 100,
    "stage": "",
    "failure": "",
    "requested_at": "2026-11-02T09:30:00Z",
    "finished_at": "2026-11-02T09:31:12Z",
    "pdf_url": "/fa/o/tehran/files/report-pdf/5/",
    "xlsx_url": "/fa/o/tehran/files/report-xlsx/5/",
}


class ReportIn(InSchema):
    model_config = example(**REPORT_IN_EXAMPLE)

    year: int = Field(..., ge=1, le=9999, description="In the chosen calendar: 1404, 2025.")
    calendar: str = Field("jalali", max_length=20, description="jalali or gregorian.")
    language: str = Field("fa", max_length=20, description="fa or en.")


class ReportCreatedOut(Schema):
    model_config = example(**REPORT_CREATED_EXAMPLE)

    id: int
    status: str
    url: str = Field(..., description="Where this report's state is read.")


class ReportOut(Schema):
    model_config = example(**REPORT_EXAMPLE)

    id: int
    year: int
    calendar: str
    language: str
    status: str = Field(..., description="queued, running, done or failed.")
    progress: int = Field(..., description="0 to 100.")
    stage: str
    failure: str = Field("", description="Why it failed, when it did.")
    requested_at: dt.datetime
    finished_at: dt.datetime | None
    pdf_url: str | None = Field(None, description="The PDF's download, once done.")
    xlsx_url: str | None = Field(None, description="The spreadsheet's download, once done.")


class ReportPage(Schema):
    model_config = page_example(REPORT_EXAMPLE)

    count: int
    limit: int
    offset: int
    items: list[ReportOut]


# The sort keys of the list (public key -> field).
REPORT_ORDER = {"requested_at": "created_at", "year": "year", "status": "status"}


class ReportFilters(Schema):
    ordering: str | None = ordering_field(REPORT_ORDER, "-requested_at")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
