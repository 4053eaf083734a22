"""The demo office: Tehran's international-affairs department, marked as demo."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Department, Office, OfficeMembership, Role
from .services import generate_password, set_password

DEMO_SLUG = "tehran-demo"
DEMO_NAME_FA = "اداره کل روابط بین‌الملل شهرداری تهران (نمونه)"
DEMO_NAME_EN = "Tehran Municipality, Department of International Affairs (Demo)"
DEMO_DEPARTMENTS = [
    ("حمل‌ونقل و ترافیک", "Transport and Traffic"),
    ("محیط زیست و خدمات شهری", "Environment and Urban Services"),
    ("فرهنگی، اجتماعی و ورزشی", "Culture, Society and Sport"),
    ("شهرسازی و معماری", "Urban Planning and Architecture"),
    ("مدیریت بحران", "Crisis Management"),
]
# One user a role: (username, role, department index or None)
DEMO_USERS = [
    ("demo-director", Role.DIRECTOR, None),
    ("demo-officer", Role.OFFICER, None),
    ("demo-liaison", Role.LIAISON, 0),
    ("demo-viewer", Role.VIEWER, None),
]


@transaction.atomic
def demo_office_create() -> tuple[Office, list[tuple[str, str, str]]]:
    """Create the demo office with a user per role; returns (office, [(role, user, pw)])."""
    office = Office.objects.create(
        slug=DEMO_SLUG, name_fa=DEMO_NAME_FA, name_en=DEMO_NAME_EN, is_demo=True
    )
    departments = [
        Department.objects.create(office=office, name_fa=fa, name_en=en)
        for fa, en in DEMO_DEPARTMENTS
    ]
    User = get_user_model()
    logins = []
    for username, role, dept in DEMO_USERS:
        password = generate_password()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username=username, password=password)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        OfficeMembership.objects.create(
            user=user,
            office=office,
            role=role,
            department=departments[dept] if dept is not None else None,
        )
        logins.append((str(role), username, password))
    return office, logins


@transaction.atomic
def demo_logins_reset() -> list[tuple[str, str, str]]:
    """Issue fresh passwords for the demo users."""
    logins = []
    memberships = OfficeMembership.objects.filter(office__slug=DEMO_SLUG).select_related("user")
    by_user = {m.user.username: m for m in memberships}
    for username, role, _dept in DEMO_USERS:
        membership = by_user.get(username)
        if membership is None:
            continue
        logins.append((str(role), username, set_password(membership.user)))
    return logins
