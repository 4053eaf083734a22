from __future__ import annotations

from django.urls import path

from . import views

app_name = "places"

urlpatterns = [
    path("", views.search, name="search"),
    path("search/", views.search_results, name="search_results"),
    path("about-data/", views.about_data, name="about_data"),
    path("review/", views.review, name="review"),
    path("review/add-city/", views.city_add, name="city_add"),
    path("review/<str:code>/", views.review_confirm, name="review_confirm"),
]
