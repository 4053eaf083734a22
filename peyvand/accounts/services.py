"""Writes for offices and members."""

from __future__ import annotations

import secrets
import string
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Department, Office, OfficeMembership, Role

_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")


def generate_password(length: int = 14) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def _check_department(office: Office, role: str, department: Department | None) -> None:
    if department is not None and department.office_id != office.pk:
        raise ValidationError(_("That department belongs to another office."))
    if role == Role.LIAISON and department is None:
        raise ValidationError(_("A liaison must belong to a department."))


@transaction.atomic
def member_invite(
    *,
    office: Office,
    username: str,
    email: str = "",
    role: str,
    department: Department | None = None,
) -> tuple[OfficeMembership, str | None]:
    """Add a user to the office; create the account if needed.

    Returns the membership and, for a new account, its one-time password to hand over.
    """
    _check_department(office, role, department)
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    password = None
    if user is None:
        password = generate_password()
        user = User.objects.create_user(username=username, email=email, password=password)
    elif OfficeMembership.objects.filter(user=user, office=office).exists():
        raise ValidationError(
            _("%(username)s is already a member of this office.") % {"username": username}
        )
    membership = OfficeMembership.objects.create(
        user=user, office=office, role=role, department=department
    )
    return membership, password


@transaction.atomic
def member_update(
    *, membership: OfficeMembership, role: str, department: Department | None
) -> OfficeMembership:
    _check_department(membership.office, role, department)
    if membership.role == Role.DIRECTOR and role != Role.DIRECTOR:
        _ensure_another_director(membership)
    membership.role = role
    membership.department = department
    membership.save(update_fields=["role", "department", "updated_at"])
    return membership


def _ensure_another_director(membership: OfficeMembership) -> None:
    others = (
        OfficeMembership.objects.for_office(membership.office)
        .filter(role=Role.DIRECTOR)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise ValidationError(_("An office must keep at least one director."))


@transaction.atomic
def member_remove(*, membership: OfficeMembership) -> None:
    if membership.role == Role.DIRECTOR:
        _ensure_another_director(membership)
    membership.delete()


@transaction.atomic
def department_create(*, office: Office, name_fa: str, name_en: str) -> Department:
    if Department.objects.for_office(office).filter(name_en__iexact=name_en).exists():
        raise ValidationError(_("This office already has a department with that name."))
    return Department.objects.create(office=office, name_fa=name_fa, name_en=name_en)


def set_password(user: Any) -> str:
    password = generate_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    return password
