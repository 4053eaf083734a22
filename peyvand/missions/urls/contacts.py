from __future__ import annotations

from django.urls import URLPattern, path

from ..views import contacts as views

app_name = "contacts"

urlpatterns: list[URLPattern] = [
    path("", views.contact_list, name="list"),
    path("new/", views.contact_create, name="create"),
    path("cities/", views.city_search, name="city_search"),
    path("<int:pk>/", views.contact_detail, name="detail"),
    path("<int:pk>/edit/", views.contact_edit, name="edit"),
    path("<int:pk>/merge/", views.contact_merge, name="merge"),
]
