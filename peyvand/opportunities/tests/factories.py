"""Factories for the opportunities tests: small, hand-made data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.models import Office
from peyvand.opportunities import services
from peyvand.opportunities.models import Application, FundingCall, Pitch
from peyvand.organizations.models import Organization

TODAY = timezone.localdate()


def bank(acronym: str = "ADB") -> Organization:
    """A development bank of the shipped organisations (made again on an empty table)."""
    names = {
        "ADB": "Asian Development Bank",
        "WB": "World Bank",
        "IsDB": "Islamic Development Bank",
        "AIIB": "Asian Infrastructure Investment Bank",
    }
    found, _ = Organization.objects.get_or_create(
        acronym=acronym, defaults={"name_en": names[acronym], "kind": "development_bank"}
    )
    return found


def make_pitch(office: Office, **kw: Any) -> Pitch:
    kw.setdefault("title_en", "Line 10 of the metro")
    kw.setdefault("title_fa", "خط ۱۰ مترو")
    kw.setdefault("budget", Decimal(900_000_000))
    kw.setdefault("financing_sought", Decimal(300_000_000))
    kw.setdefault("currency", "EUR")
    kw.setdefault("instrument", "loan")
    actor = kw.pop("actor", SYSTEM)
    return services.pitch_create(office=office, actor=actor, **kw)


def make_call(office: Office, **kw: Any) -> FundingCall:
    kw.setdefault("funder", bank())
    kw.setdefault("title_en", "Sustainable urban transport facility")
    kw.setdefault("title_fa", "صندوق حمل‌ونقل پایدار شهری")
    kw.setdefault("deadline", TODAY + dt.timedelta(days=60))
    kw.setdefault("amount_min", Decimal(1_000_000))
    kw.setdefault("amount_max", Decimal(50_000_000))
    kw.setdefault("currency", "USD")
    actor = kw.pop("actor", SYSTEM)
    return services.call_create(office=office, actor=actor, **kw)


def make_application(office: Office, **kw: Any) -> Application:
    if "call" not in kw:
        kw["call"] = make_call(office)
    kw.setdefault("amount_requested", Decimal(20_000_000))
    actor = kw.pop("actor", SYSTEM)
    return services.application_create(office=office, actor=actor, **kw)


def move(application: Application, *actions: str, actor: Any = SYSTEM) -> Application:
    """Take the actions in order (as the system unless an actor is given)."""
    for action in actions:
        reason = "Not this round" if action == "reject" else ""
        application = services.application_transition(
            application=application, actor=actor, action=action, reason=reason
        )
    return application
