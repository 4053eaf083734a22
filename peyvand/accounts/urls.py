from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from . import token_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/code/", views.login_code, name="login_code"),
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
    path("account/", views.account, name="account"),
    path("account/two-factor/", views.two_factor_setup, name="two_factor_setup"),
    path("account/two-factor/off/", views.two_factor_disable, name="two_factor_disable"),
    path("account/two-factor/backup-codes/", views.backup_codes, name="backup_codes"),
    path(
        "account/invitations/<int:pk>/accept/",
        views.invitation_accept,
        name="invitation_accept",
    ),
    path(
        "account/invitations/<int:pk>/decline/",
        views.invitation_decline,
        name="invitation_decline",
    ),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("tokens/", token_views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
    path("o/<slug:office_slug>/members/", views.members, name="members"),
    path("o/<slug:office_slug>/members/<int:pk>/", views.member_edit, name="member_edit"),
    path(
        "o/<slug:office_slug>/members/<int:pk>/remove/", views.member_remove, name="member_remove"
    ),
    path(
        "o/<slug:office_slug>/members/invitations/<int:pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("o/<slug:office_slug>/members/security/", views.office_security, name="office_security"),
    path("o/<slug:office_slug>/departments/add/", views.department_add, name="department_add"),
]
