from __future__ import annotations

from django.urls import path

from . import views, views_edit, views_items, views_links

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("new/", views.partnership_create, name="create"),
    path("propose/", views.create_proposed, name="create_proposed"),
    path("cities/", views.city_search, name="city_search"),
    path("settings/", views_links.health_settings, name="settings"),
    path("links/not-ours/", views_links.links_not_ours, name="not_ours"),
    path("links/<int:twinning_id>/adopt/", views_links.link_adopt, name="link_adopt"),
    path("links/<int:twinning_id>/not-ours/", views_links.link_not_ours, name="link_not_ours"),
    path("<int:pk>/", views.partnership_detail, name="detail"),
    path("<int:pk>/edit/", views.partnership_edit, name="edit"),
    path("<int:pk>/status/", views.partnership_status, name="status"),
    path("<int:pk>/archive/", views.partnership_archive, name="archive"),
    path("<int:pk>/approvals/", views_items.approval_add, name="approval_add"),
    path("approvals/<int:pk>/", views_items.approval_decide, name="approval_decide"),
    path("<int:pk>/agreements/new/", views_items.agreement_add, name="agreement_add"),
    path("agreements/<int:pk>/files/", views_items.agreement_file_add, name="agreement_file_add"),
    path("files/<str:kind>/<int:pk>/", views_items.download, name="download"),
    path("<int:pk>/commitments/", views_items.commitment_add, name="commitment_add"),
    path("commitments/<int:pk>/", views_items.commitment_status, name="commitment_status"),
    path("<int:pk>/activities/new/", views_items.activity_log, name="activity_log"),
    path("activities/<int:pk>/outcomes/", views_items.outcome_add, name="outcome_add"),
    path("<int:pk>/review/", views_items.review, name="review"),
    path("activities/<int:pk>/edit/", views_edit.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/delete/", views_edit.activity_delete, name="activity_delete"),
    path("outcomes/<int:pk>/edit/", views_edit.outcome_edit, name="outcome_edit"),
    path("outcomes/<int:pk>/delete/", views_edit.outcome_delete, name="outcome_delete"),
    path("agreements/<int:pk>/edit/", views_edit.agreement_edit, name="agreement_edit"),
    path(
        "agreement-files/<int:pk>/delete/",
        views_edit.agreement_file_delete,
        name="agreement_file_delete",
    ),
    path("commitments/<int:pk>/edit/", views_edit.commitment_edit, name="commitment_edit"),
]
