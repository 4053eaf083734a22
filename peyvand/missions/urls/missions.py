from __future__ import annotations

from django.urls import path

from ..views import missions

app_name = "missions"

urlpatterns = [
    path("", missions.mission_list, name="list"),
    path("board/", missions.mission_board, name="board"),
    path("new/", missions.mission_create, name="create"),
    path("<int:pk>/", missions.mission_detail, name="detail"),
    path("<int:pk>/edit/", missions.mission_edit, name="edit"),
    path("<int:pk>/transition/", missions.mission_transition, name="transition"),
    path("<int:pk>/report/", missions.mission_report, name="report"),
    path("<int:pk>/documents/", missions.document_add, name="document_add"),
    path("documents/<int:pk>/delete/", missions.document_delete, name="document_delete"),
]
