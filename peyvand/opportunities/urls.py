from __future__ import annotations

from django.urls import URLPattern, path

from .views import applications, calls, parties, pitches

app_name = "opportunities"

urlpatterns: list[URLPattern] = [
    path("pitches/", pitches.pitch_list, name="pitch_list"),
    path("pitches/new/", pitches.pitch_create, name="pitch_create"),
    path("pitches/<int:pk>/", pitches.pitch_detail, name="pitch_detail"),
    path("pitches/<int:pk>/edit/", pitches.pitch_edit, name="pitch_edit"),
    path("pitches/<int:pk>/delete/", pitches.pitch_delete, name="pitch_delete"),
    path("pitches/<int:pk>/status/", pitches.pitch_status, name="pitch_status"),
    path("pitches/<int:pk>/documents/", pitches.document_add, name="document_add"),
    path("documents/<int:pk>/delete/", pitches.document_delete, name="document_delete"),
    path("pitches/<int:pk>/parties/new/", parties.party_add, name="party_add"),
    path("parties/<int:pk>/edit/", parties.party_edit, name="party_edit"),
    path("parties/<int:pk>/delete/", parties.party_delete, name="party_delete"),
    path("parties/<int:pk>/follow-ups/", parties.follow_up_add, name="follow_up_add"),
    path("follow-ups/<int:pk>/done/", parties.follow_up_done, name="follow_up_done"),
    path("calls/", calls.call_list, name="call_list"),
    path("calls/new/", calls.call_create, name="call_create"),
    path("calls/<int:pk>/", calls.call_detail, name="call_detail"),
    path("calls/<int:pk>/edit/", calls.call_edit, name="call_edit"),
    path("calls/<int:pk>/delete/", calls.call_delete, name="call_delete"),
    path("applications/", applications.application_list, name="application_list"),
    path("applications/new/", applications.application_create, name="application_create"),
    path("applications/<int:pk>/", applications.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", applications.application_edit, name="application_edit"),
    path(
        "applications/<int:pk>/status/",
        applications.application_status,
        name="application_status",
    ),
]
