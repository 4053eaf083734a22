"""The office-wide lists of activities, commitments and outcomes (one filter form: a date
range, a pact, a kind or a state); the dashboard's figures link here."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.core.forms import DateRangeForm
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import is_record_id

from .. import selectors
from ..models import ActivityKind, OutcomeKind


def _filters(request: OfficeRequest, choices: dict[str, list[str]]) -> tuple[dict[str, Any], Any]:
    """The list's filters read from the query (anything unknown is dropped), and the date
    form to show."""
    dates = DateRangeForm(request.GET or None)
    start, end = dates.dates()
    filters: dict[str, Any] = {"start": start, "end": end}
    pact = request.GET.get("partnership", "").strip()
    filters["partnership"] = int(pact) if is_record_id(pact) else None
    for key, allowed in choices.items():
        value = request.GET.get(key, "").strip()
        filters[key] = value if value in allowed else ""
    return filters, dates.shown()


def _render(
    request: OfficeRequest,
    template: str,
    qs: Any,
    filters: dict[str, Any],
    form: Any,
    **extra: Any,
) -> HttpResponse:
    context = {
        **extra,
        "page_obj": paginate(request, qs),
        "filters": filters,
        "date_form": form,
        "filtered": any(v for v in filters.values()),
        "querystring": querystring_without(request, "page"),
        "pacts": selectors.office_pacts(office=request.office),
    }
    return render(request, template, context)


@office_view()
@office_page
def activity_list(request: OfficeRequest) -> HttpResponse:
    filters, form = _filters(request, {"kind": ActivityKind.values})
    qs = selectors.activity_list(office=request.office, filters=filters)
    return _render(
        request, "partnerships/activity_list.html", qs, filters, form, kinds=ActivityKind.choices
    )


@office_view()
@office_page
def commitment_list(request: OfficeRequest) -> HttpResponse:
    filters, form = _filters(request, {"state": selectors.CommitmentState.values})
    today = timezone.localdate()
    qs = selectors.commitment_list(office=request.office, filters=filters, today=today)
    return _render(
        request,
        "partnerships/commitment_list.html",
        qs,
        filters,
        form,
        states=selectors.CommitmentState.choices,
        today=today,
    )


@office_view()
@office_page
def outcome_list(request: OfficeRequest) -> HttpResponse:
    filters, form = _filters(request, {"kind": OutcomeKind.values})
    qs = selectors.outcome_list(office=request.office, filters=filters)
    return _render(
        request, "partnerships/outcome_list.html", qs, filters, form, kinds=OutcomeKind.choices
    )
