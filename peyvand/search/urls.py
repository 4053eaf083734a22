"""The search page, under /<lang>/o/<office_slug>/search/."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [path("", views.results, name="results")]
