"""The report pages: the past reports, the request for a new one, one report with its
progress (polled while it is built) and its downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate
from peyvand.core.validation import NotAllowedNow

from . import selectors, services
from .forms import ReportForm
from .models import AnnualReport

PAGE_SIZE = 20


@office_view()
@office_page
def report_list(request: OfficeRequest) -> HttpResponse:
    page = paginate(request, selectors.report_list(office=request.office), PAGE_SIZE)
    return render(request, "reports/list.html", {"page_obj": page})


@office_view(Role.OFFICER)
def report_create(request: OfficeRequest) -> HttpResponse:
    form = ReportForm(request.POST or None, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_request(
                office=request.office,
                actor=request.membership,
                year=form.cleaned_data["year"],
                calendar=form.cleaned_data["calendar"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        except NotAllowedNow as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("Your report was asked for; this page follows it until it is ready.")
            )
            return redirect("reports:detail", office_slug=request.office.slug, pk=report.pk)
    return render(request, "reports/form.html", {"form": form})


def _detail_context(request: OfficeRequest, pk: int) -> dict[str, AnnualReport]:
    report = selectors.report_for_detail(office=request.office, pk=pk)
    return {"report": report, "r": report}


# Not kept (no @office_page): the builder writes its progress without raising the office's
# version, so a kept page would show a stale bar.
@office_view()
def report_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    return render(request, "reports/detail.html", _detail_context(request, pk))


@office_view()
def report_progress(request: OfficeRequest, pk: int) -> HttpResponse:
    """The progress fragment htmx polls every 2 s; once the report is done or failed the
    fragment comes without its poll, and the polling stops."""
    return render(request, "reports/detail.html#progress", _detail_context(request, pk))
