from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from peyvand.accounts.access import office_view

from .forms import DateConverterForm


@office_view()
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/home.html", {})


@office_view()
def date_converter(request: HttpRequest) -> HttpResponse:
    """Jalali <-> Gregorian, for letters to partners abroad."""
    form = DateConverterForm(request.GET or None)
    parsed = form.cleaned_data["date"] if form.is_bound and form.is_valid() else None
    return render(request, "dashboard/date_converter.html", {"form": form, "parsed": parsed})
