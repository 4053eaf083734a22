"""Reads of the reports: an office's past reports, one report."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from peyvand.accounts.models import Office

from .models import AnnualReport


def report_list(*, office: Office) -> QuerySet[AnnualReport]:
    return (
        AnnualReport.objects.for_office(office)
        .select_related("requested_by")
        .order_by("-created_at", "-pk")
    )


def report_for_detail(*, office: Office, pk: int) -> AnnualReport:
    """Another office's report answers 404."""
    report: AnnualReport = get_object_or_404(report_list(office=office), pk=pk)
    return report
