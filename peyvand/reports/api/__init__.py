"""The annual reports in the API: ask for one (202, built in the background), read its
state and, once done, its downloads; list the past ones. Through the same service as the
pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.api_auth import api_auth
from peyvand.accounts.models import Role
from peyvand.core.api import ErrorOut, RecordIdPath, ValidationOut, order_queryset

from .. import selectors, services
from ..models import AnnualReport, ReportStatus
from .schemas import (
    REPORT_ORDER,
    ReportCreatedOut,
    ReportFilters,
    ReportIn,
    ReportOut,
    ReportPage,
)

router = Router(auth=api_auth, tags=["reports"])


def _download(request: HttpRequest, slug: str, report: AnnualReport, kind: str) -> str:
    path = reverse("records:download", kwargs={"office_slug": slug, "kind": kind, "pk": report.pk})
    return request.build_absolute_uri(path)


def _out(request: HttpRequest, slug: str, report: AnnualReport) -> dict[str, Any]:
    done = report.status == ReportStatus.DONE
    return {
        "id": report.pk,
        "year": report.year,
        "calendar": report.calendar,
        "language": report.language,
        "status": report.status,
        "progress": report.progress,
        "stage": report.stage,
        "failure": report.failure,
        "requested_at": report.created_at,
        "finished_at": report.finished_at,
        "pdf_url": _download(request, slug, report, "report-pdf") if done else None,
        "xlsx_url": _download(request, slug, report, "report-xlsx") if done else None,
    }


@router.post(
    "/offices/{slug}/reports",
    response={
        202: ReportCreatedOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ValidationOut,
    },
    summary="Ask for an annual report; it is built in the background",
)
def create_report(request: HttpRequest, slug: str, payload: ReportIn) -> Any:
    scoped = office_request(request, slug, Role.OFFICER)
    report = services.report_request(
        office=scoped.office,
        actor=scoped.membership,
        year=payload.year,
        calendar=payload.calendar,
        language=payload.language,
    )
    url = reverse("api:read_report", kwargs={"slug": slug, "pk": report.pk})
    return 202, {"id": report.pk, "status": report.status, "url": request.build_absolute_uri(url)}


@router.get(
    "/offices/{slug}/reports",
    response={200: ReportPage, 404: ErrorOut, 422: ValidationOut},
    summary="The office's annual reports, newest first",
)
@office_answer
def list_reports(request: HttpRequest, slug: str, filters: Query[ReportFilters]) -> Any:
    office = office_request(request, slug).office
    qs = order_queryset(
        selectors.report_list(office=office), filters.ordering, REPORT_ORDER, "-requested_at"
    )
    rows = list(qs[filters.offset : filters.offset + filters.limit])
    return {
        "count": qs.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [_out(request, slug, r) for r in rows],
    }


@router.get(
    "/offices/{slug}/reports/{pk}",
    response={200: ReportOut, 404: ErrorOut, 422: ValidationOut},
    summary="One annual report: its status, progress and, once done, its downloads",
    url_name="read_report",
)
def read_report(request: HttpRequest, slug: str, pk: RecordIdPath) -> Any:
    office = office_request(request, slug).office
    report = selectors.report_for_detail(office=office, pk=pk)
    return _out(request, slug, report)
