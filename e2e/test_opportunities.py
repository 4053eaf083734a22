"""The opportunities journey, in Persian and in English: an officer writes a pitch, adds
the development bank interested in it with a follow-up, and moves the office's
application for it from preparation to submitted; the alert of the call's near deadline
is gone once it is submitted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.alerts import office_alerts
from peyvand.opportunities import services
from peyvand.opportunities.models import Application, InterestedParty, PartyFollowUp, Pitch
from peyvand.organizations.models import Organization

TODAY = timezone.localdate()
WORDS = {
    "fa": {
        "title": "قطار سبک منطقهٔ ۲۲",
        "note": "به وام بلندمدت علاقه دارد",
        "follow": "ارسال گزارش امکان‌سنجی",
    },
    "en": {
        "title": "Light rail for district 22",
        "note": "Keen on a long loan",
        "follow": "Send the feasibility study",
    },
}


def _bank() -> Organization:
    # A browser test's database starts empty: the shipped bodies are made again.
    return Organization.objects.get_or_create(
        name_en="Asian Development Bank",
        defaults={"acronym": "ADB", "name_fa": "بانک توسعهٔ آسیایی", "kind": "development_bank"},
    )[0]


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_a_pitch_a_bank_a_follow_up_and_an_application_submitted(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any, lang: str
) -> None:
    office = demo["office"]
    bank = _bank()
    words = WORDS[lang]
    base = f"{live_server.url}/{lang}/o/{office.slug}/opportunities"
    login(page, *demo["logins"]["officer"], lang)

    # The pitch.
    page.goto(f"{base}/pitches/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "fa" else "ltr")
    follow(page, "[data-new-pitch]")
    page.fill("[name=title_fa]" if lang == "fa" else "[name=title_en]", words["title"])
    page.select_option("[name=instrument]", "loan")
    page.select_option("[name=stage]", "feasibility")
    page.fill("[name=budget]", "۴۵۰٬۰۰۰٬۰۰۰" if lang == "fa" else "450,000,000")
    page.fill("[name=financing_sought]", "300000000")
    page.fill("[name=currency]", "eur")
    shot(page, f"opportunities-pitch-form-{lang}")
    follow(page, "[data-save-pitch]")
    pitch = Pitch.objects.get(office=office)
    assert (pitch.budget, pitch.currency) == (Decimal(450_000_000), "EUR")
    assert words["title"] in page.inner_text("h1")

    # The development bank interested in it, and a follow-up.
    follow(page, "[data-add-party]")
    page.select_option("[name=organization]", str(bank.pk))
    page.fill("[name=note]", words["note"])
    follow(page, "[data-save-party]")
    party = InterestedParty.objects.get(pitch=pitch)
    assert party.organization == bank
    card = page.locator(f"[data-party='{party.pk}']")
    assert words["note"] in card.inner_text()
    card.locator("[name=date]").fill((TODAY + dt.timedelta(days=7)).isoformat())
    card.locator("[name=note]").fill(words["follow"])
    follow(page, card.locator("[data-add-follow-up]"))
    row = PartyFollowUp.objects.get(party=party)
    assert (row.date, row.note) == (TODAY + dt.timedelta(days=7), words["follow"])
    assert words["follow"] in page.inner_text(f"[data-party='{party.pk}']")
    shot(page, f"opportunities-pitch-detail-{lang}")

    # The application, in preparation for a call closing in ten days: submitted.
    call = services.call_create(
        office=office,
        actor=SYSTEM,
        funder=bank,
        title_en="Sustainable urban transport facility",
        title_fa="صندوق حمل‌ونقل پایدار شهری",
        deadline=TODAY + dt.timedelta(days=10),
        currency="EUR",
    )
    application = services.application_create(
        office=office, actor=SYSTEM, call=call, pitch=pitch, amount_requested=Decimal(30_000_000)
    )
    assert [a.kind for a in office_alerts(office, TODAY) if a.module == "opportunities"] == [
        "call_deadline"
    ]
    page.goto(f"{base}/applications/{application.pk}/")
    assert page.locator("[data-status='preparation']").count() == 1
    follow(page, "[data-action='submit']")
    assert Application.objects.get(pk=application.pk).status == "submitted"
    assert page.locator("[data-status='submitted']").count() == 1
    assert page.locator("[data-action='accept']").count() == 1
    shot(page, f"opportunities-application-submitted-{lang}")
    assert [a for a in office_alerts(office, TODAY) if a.module == "opportunities"] == []
    assert page.js_errors == []
