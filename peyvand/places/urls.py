from __future__ import annotations

from django.urls import path

from . import views

app_name = "places"

urlpatterns = [
    path("about-data/", views.about_data, name="about_data"),
]
