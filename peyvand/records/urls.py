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

# Under o/<office>/bin/ (config/urls.py): the office's bin and the deletions into it.
bin_patterns = [
    path("", views.bin_list, name="list"),
    path("delete/<slug:kind>/<int:pk>/", views.bin_delete, name="delete"),
    path("<slug:kind>/<int:pk>/restore/", views.bin_restore_view, name="restore"),
    path("<slug:kind>/<int:pk>/purge/", views.bin_purge_view, name="purge"),
]
