from __future__ import annotations

from django.urls import URLPattern, path

from . import views

app_name = "exchange"

urlpatterns: list[URLPattern] = [
    path("", views.hub, name="hub"),
    path("import/<slug:kind>/", views.upload, name="upload"),
    path("import/<slug:kind>/<str:token>/", views.preview, name="preview"),
    path("import/<slug:kind>/<str:token>/errors.csv", views.errors_csv, name="errors_csv"),
    path("export/<slug:kind>/", views.download, name="export"),
]
