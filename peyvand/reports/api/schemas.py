"""The reports API's shapes. The schema bounds only what it must parse; the service decides
which years, calendars and languages a report takes."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from peyvand.core.api import MAX_LIMIT, MAX_OFFSET


class ReportIn(Schema):
    year: int = Field(..., ge=1, le=9999, description="In the chosen calendar: 1404, 2025.")
    calendar: str = Field("jalali", max_length=20, description="jalali or gregorian.")
    language: str = Field("fa", max_length=20, description="fa or en.")


class ReportCreatedOut(Schema):
    id: int
    status: str
    url: str = Field(..., description="Where this report's state is read.")


class ReportOut(Schema):
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
    count: int
    limit: int
    offset: int
    items: list[ReportOut]


class ReportFilters(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
