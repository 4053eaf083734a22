"""Office pages of the network app: partner discovery (the recommender), peers, country notes."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "discover"

urlpatterns: list[URLPattern] = []
