"""The organisations pages, under /<lang>/o/<office_slug>/organizations/."""

from __future__ import annotations

from django.urls import path

from .views import memberships, obligations, organizations, roles

app_name = "organizations"

urlpatterns = [
    path("", organizations.organization_list, name="list"),
    path("new/", organizations.organization_create, name="create"),
    path("city-search/", organizations.city_search, name="city_search"),
    path("<int:pk>/", organizations.organization_detail, name="detail"),
    path("<int:pk>/edit/", organizations.organization_edit, name="edit"),
    path("memberships/", memberships.membership_list, name="memberships"),
    path("memberships/new/", memberships.membership_create, name="membership_create"),
    path("memberships/<int:pk>/", memberships.membership_detail, name="membership_detail"),
    path("memberships/<int:pk>/edit/", memberships.membership_edit, name="membership_edit"),
    path("memberships/<int:pk>/roles/new/", roles.role_add, name="role_add"),
    path("roles/<int:pk>/edit/", roles.role_edit, name="role_edit"),
    path("roles/<int:pk>/delete/", roles.role_delete, name="role_delete"),
    path(
        "memberships/<int:pk>/obligations/new/", obligations.obligation_add, name="obligation_add"
    ),
    path("obligations/<int:pk>/edit/", obligations.obligation_edit, name="obligation_edit"),
    path("obligations/<int:pk>/done/", obligations.obligation_done, name="obligation_done"),
    path("obligations/<int:pk>/delete/", obligations.obligation_delete, name="obligation_delete"),
]
