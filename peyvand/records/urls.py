from __future__ import annotations

from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("<str:kind>/<int:pk>/", views.download, name="download"),
]
