"""Public world pages of the network app (city and country pages)."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("cities/<str:code>/", views.city_detail, name="city"),
    path("countries/<str:code>/", views.country_detail, name="country"),
]
