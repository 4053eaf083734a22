from __future__ import annotations

from django.urls import path

from .views import (
    activities,
    agreements,
    approvals,
    commitments,
    health,
    links,
    office_lists,
    outcomes,
    partnerships,
    reviews,
)

app_name = "partnerships"

urlpatterns = [
    path("", partnerships.partnership_list, name="list"),
    path("new/", partnerships.partnership_create, name="create"),
    path("propose/", partnerships.create_proposed, name="create_proposed"),
    path("cities/", partnerships.city_search, name="city_search"),
    path("settings/", health.health_settings, name="settings"),
    path("activities/", office_lists.activity_list, name="activity_list"),
    path("commitments/", office_lists.commitment_list, name="commitment_list"),
    path("outcomes/", office_lists.outcome_list, name="outcome_list"),
    path("settings/portal/", health.portal_settings, name="portal_settings"),
    path("links/not-ours/", links.links_not_ours, name="not_ours"),
    path("links/<int:twinning_id>/adopt/", links.link_adopt, name="link_adopt"),
    path("links/<int:twinning_id>/not-ours/", links.link_not_ours, name="link_not_ours"),
    path("<int:pk>/", partnerships.partnership_detail, name="detail"),
    path("<int:pk>/edit/", partnerships.partnership_edit, name="edit"),
    path("<int:pk>/status/", partnerships.partnership_status, name="status"),
    path("<int:pk>/archive/", partnerships.partnership_archive, name="archive"),
    path("<int:pk>/approvals/", approvals.approval_add, name="approval_add"),
    path("approvals/<int:pk>/", approvals.approval_decide, name="approval_decide"),
    path("<int:pk>/agreements/new/", agreements.agreement_add, name="agreement_add"),
    path("agreements/<int:pk>/files/", agreements.agreement_file_add, name="agreement_file_add"),
    path("<int:pk>/commitments/", commitments.commitment_add, name="commitment_add"),
    path("commitments/<int:pk>/", commitments.commitment_status, name="commitment_status"),
    path("<int:pk>/activities/new/", activities.activity_log, name="activity_log"),
    path("activities/<int:pk>/outcomes/", outcomes.outcome_add, name="outcome_add"),
    path("<int:pk>/review/", reviews.review, name="review"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/delete/", activities.activity_delete, name="activity_delete"),
    path("outcomes/<int:pk>/edit/", outcomes.outcome_edit, name="outcome_edit"),
    path("outcomes/<int:pk>/delete/", outcomes.outcome_delete, name="outcome_delete"),
    path("agreements/<int:pk>/edit/", agreements.agreement_edit, name="agreement_edit"),
    path(
        "agreement-files/<int:pk>/delete/",
        agreements.agreement_file_delete,
        name="agreement_file_delete",
    ),
    path("commitments/<int:pk>/edit/", commitments.commitment_edit, name="commitment_edit"),
]
