from __future__ import annotations

from django.urls import URLPattern, path

from .views import board, documents, practices

app_name = "knowledge"

urlpatterns: list[URLPattern] = [
    path("", practices.practice_list, name="list"),
    path("board/", board.practice_board, name="board"),
    path("new/", practices.practice_create, name="create"),
    path("<int:pk>/", practices.practice_detail, name="detail"),
    path("<int:pk>/edit/", practices.practice_edit, name="edit"),
    path("<int:pk>/delete/", practices.practice_delete, name="delete"),
    path("<int:pk>/move/", board.practice_move, name="move"),
    path("<int:pk>/documents/", documents.document_add, name="document_add"),
    path("documents/<int:pk>/delete/", documents.document_delete, name="document_delete"),
]
