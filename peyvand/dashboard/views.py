from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from peyvand.accounts.access import OfficeRequest, office_page, office_view

from .forms import DateConverterForm

HOME_ALERTS = 15  # the most urgent; the API lists them all


@office_view()
@office_page
def home(request: OfficeRequest) -> HttpResponse:
    from django.utils import timezone

    from peyvand.accounts.alerts import office_alerts
    from peyvand.partnerships import selectors as partnerships

    office = request.office
    today = timezone.localdate()
    alerts = office_alerts(office, today)
    context = {
        "pact_counts": partnerships.label_counts(office=office),
        "pact_alerts": [a for a in alerts if a.module == "partnerships"],
        "alerts": alerts[:HOME_ALERTS],
        "alerts_count": len(alerts),
    }
    return render(request, "dashboard/home.html", context)


@office_view()
@office_page
def date_converter(request: OfficeRequest) -> HttpResponse:
    """Jalali <-> Gregorian, for letters to partners abroad."""
    form = DateConverterForm(request.GET or None)
    parsed = form.cleaned_data["date"] if form.is_bound and form.is_valid() else None
    return render(request, "dashboard/date_converter.html", {"form": form, "parsed": parsed})
