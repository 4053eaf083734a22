from __future__ import annotations

from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("<str:kind>/<int:pk>/", views.download, name="download"),
]

# Under o/<office>/publish/ (config/urls.py): the toggle of every publishable record.
publish_patterns = [
    path("<slug:kind>/<int:pk>/", views.publish, name="publish"),
]
