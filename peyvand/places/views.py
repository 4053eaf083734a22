from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def about_data(request: HttpRequest) -> HttpResponse:
    return render(request, "places/about_data.html", {})
