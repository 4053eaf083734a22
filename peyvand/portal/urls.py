"""The portal's addresses: the public pages under /<lang>/p/<office>/ (no login) and the
office's moderation under /<lang>/o/<office>/portal/ (config/urls.py)."""

from __future__ import annotations

from django.urls import path

from .feeds import ActivityFeed
from .views import office, opendata, public

app_name = "portal"

urlpatterns = [
    path("", public.home, name="home"),
    path("partnerships/<int:pk>/", public.partnership, name="partnership"),
    path("practices/", public.practices, name="practices"),
    path("practices/<int:pk>/", public.practice, name="practice"),
    path("pitches/", public.pitches, name="pitches"),
    path("pitches/<int:pk>/", public.pitch, name="pitch"),
    path("events/", public.events, name="events"),
    path("data/", opendata.data, name="data"),
    path("data/<slug:name>.<slug:fmt>", opendata.download, name="download"),
    path("feed/", ActivityFeed(), name="feed"),
]

office_patterns = [
    path("", office.queue, name="queue"),
    path("feedback/<int:pk>/", office.feedback_history, name="feedback"),
    path("feedback/<int:pk>/moderate/", office.moderate, name="moderate"),
    path("inbox/", office.inbox, name="inbox"),
    path("inbox/<int:pk>/handled/", office.message_handled, name="message_handled"),
]
