from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from . import token_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html", success_url="done/"
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_done.html"),
        name="password_change_done",
    ),
    path("tokens/", token_views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
    path("o/<slug:office_slug>/members/", views.members, name="members"),
    path("o/<slug:office_slug>/members/<int:pk>/", views.member_edit, name="member_edit"),
    path(
        "o/<slug:office_slug>/members/<int:pk>/remove/", views.member_remove, name="member_remove"
    ),
    path("o/<slug:office_slug>/departments/add/", views.department_add, name="department_add"),
]
