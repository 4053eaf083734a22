"""Public world pages of the network app (city and country pages)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "network"

urlpatterns: list[URLPattern] = []
