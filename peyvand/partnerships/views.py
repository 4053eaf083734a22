from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from peyvand.accounts.access import office_view


@office_view()
def partnership_list(request: HttpRequest) -> HttpResponse:
    return render(request, "partnerships/list.html", {})
