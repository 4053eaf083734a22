from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from peyvand.accounts.access import OfficeRequest, office_page, office_view

from .forms import DateConverterForm


@office_view()
@office_page
def home(request: OfficeRequest) -> HttpResponse:
    from django.utils import timezone

    from peyvand.partnerships import selectors as partnerships

    office = request.office
    context = {
        "pact_counts": partnerships.label_counts(office=office),
        "pact_alerts": partnerships.alerts(office=office, today=timezone.localdate()),
    }
    return render(request, "dashboard/home.html", context)


@office_view()
@office_page
def date_converter(request: OfficeRequest) -> HttpResponse:
    """Jalali <-> Gregorian, for letters to partners abroad."""
    form = DateConverterForm(request.GET or None)
    parsed = form.cleaned_data["date"] if form.is_bound and form.is_valid() else None
    return render(request, "dashboard/date_converter.html", {"form": form, "parsed": parsed})
