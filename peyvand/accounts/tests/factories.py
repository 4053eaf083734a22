from __future__ import annotations

import itertools
from typing import Any

from django.contrib.auth import get_user_model

from peyvand.accounts.models import Department, Office, OfficeMembership

_seq = itertools.count(1)


def make_office(slug: str | None = None, name_fa: str = "", name_en: str = "", **kw: Any) -> Office:
    n = next(_seq)
    return Office.objects.create(
        slug=slug or f"office-{n}",
        name_fa=name_fa or f"اداره {n}",
        name_en=name_en or f"Office {n}",
        **kw,
    )


def make_department(office: Office, name_en: str | None = None) -> Department:
    n = next(_seq)
    return Department.objects.create(
        office=office, name_fa=f"معاونت {n}", name_en=name_en or f"Department {n}"
    )


def make_user(username: str | None = None, password: str = "pw-for-tests-1") -> Any:
    return get_user_model().objects.create_user(
        username=username or f"user{next(_seq)}", password=password
    )


def make_member(
    office: Office, role: str, *, department: Department | None = None, user: Any = None
) -> OfficeMembership:
    if role == "liaison" and department is None:
        department = make_department(office)
    return OfficeMembership.objects.create(
        user=user or make_user(), office=office, role=role, department=department
    )
