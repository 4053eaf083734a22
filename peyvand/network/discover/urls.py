"""Office pages of the network app: partner discovery (the recommender), peers, country notes."""

from __future__ import annotations

from django.urls import URLPattern, path

from . import views

app_name = "discover"

urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("suggestions/", views.recommendations, name="recommendations"),
    path("network/", views.network, name="network"),
    path("peers/", views.peers, name="peers"),
    path("peers/search/", views.peer_search, name="peer_search"),
    path("countries/", views.notes, name="notes"),
    path("countries/<int:pk>/history/", views.note_history, name="note_history"),
    path("countries/<int:pk>/delete/", views.note_delete, name="note_delete"),
]
