"""Factories for the organisations tests: small, hand-made data through the services."""

from __future__ import annotations

import itertools
from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.organizations import services
from peyvand.organizations.models import Membership, Organization

_seq = itertools.count(1)


def shipped(acronym: str) -> Organization:
    return Organization.objects.get(acronym=acronym)


def make_org(office: Office, name_en: str | None = None, **kw: Any) -> Organization:
    n = next(_seq)
    kw.setdefault("acronym", f"ORG{n}")
    kw.setdefault("kind", "city_network")
    return services.organization_create(
        office=office, actor=SYSTEM, name_en=name_en or f"Test Organisation {n}", **kw
    )


def make_membership(
    office: Office, organization: Organization | None = None, **kw: Any
) -> Membership:
    return services.membership_create(
        office=office,
        actor=SYSTEM,
        organization=organization or make_org(office),
        **kw,
    )
