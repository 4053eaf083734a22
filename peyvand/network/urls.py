"""Public world pages of the network app (city and country pages)."""

from __future__ import annotations

from django.urls import path

from . import views_world

app_name = "network"

urlpatterns = [
    path("cities/<str:code>/", views_world.city_detail, name="city"),
    path("countries/<str:code>/", views_world.country_detail, name="country"),
]
