from __future__ import annotations

from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("", views.month, name="month"),
    path("agenda/", views.agenda, name="agenda"),
    path("feed/regenerate/", views.feed_regenerate, name="feed_regenerate"),
]

# The feed itself has no office in its path: its signed token names the member and office.
feed_patterns = [path("<str:token>.ics", views.feed, name="calendar")]
