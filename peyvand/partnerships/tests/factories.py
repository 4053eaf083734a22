"""Factories for partnerships tests: small, hand-made data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.partnerships import services
from peyvand.partnerships.models import CooperationArea, Partnership
from peyvand.places.tests.factories import make_city


def with_home_city(office: Office, name_en: str = "Tehran", code: str | None = None) -> Office:
    office.home_city = make_city(name_en, country="IR", code=code)
    office.save(update_fields=["home_city"])
    return office


def make_partnership(office: Office, **kw: Any) -> Partnership:
    kw.setdefault("partner_city", make_city(country="DE"))
    kw.setdefault("kind", "sister")
    kw.setdefault("status", "active")
    return services.partnership_create(office=office, actor=SYSTEM, **kw)


def area(code: str = "transport") -> CooperationArea:
    return CooperationArea.objects.get(code=code)


def log(office: Office, partnership: Partnership, day: dt.date, **kw: Any) -> Any:
    kw.setdefault("kind", "event")
    kw.setdefault("title", "A meeting")
    return services.activity_log(
        office=office, actor=SYSTEM, partnerships=[partnership], date=day, **kw
    )
