"""The mission journey, in Persian and once in English: an officer drafts a mission to
Vienna for the UNIDO meeting with two objectives and submits it; the director approves;
the officer completes it and files the report with a lesson and a follow-up; the linked
pact shows the new activity and commitment, and its health score changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.actors import SYSTEM
from peyvand.missions import services as missions
from peyvand.missions.models import Mission
from peyvand.organizations.models import Organization
from peyvand.partnerships import services
from peyvand.partnerships.models import Commitment, Partnership
from peyvand.places.tests.factories import make_city, make_country

TODAY = timezone.localdate()
WORDS = {
    "fa": {
        "title": "سفر مطالعاتی وین",
        "lesson": "بازدیدها را زودتر هماهنگ کنیم",
        "follow": "ارسال گزارش مترو",
    },
    "en": {
        "title": "Vienna study visit",
        "lesson": "Plan the visits earlier",
        "follow": "Send the metro study",
    },
}


def _setup(office: Any) -> tuple[Partnership, Any]:
    austria = make_country("AT", "Austria", "اتریش", continent="EU")
    vienna = make_city("Vienna", country=austria, code="gn:2761369", name_fa="وین")
    pact = services.partnership_create(
        office=office,
        actor=SYSTEM,
        partner_city=vienna,
        status="active",
        signed_on=TODAY - dt.timedelta(days=3 * 365),
    )
    event = missions.event_create(
        office=office,
        actor=SYSTEM,
        title_fa="نشست پل شهرهای یونیدو",
        title_en="UNIDO Bridge for Cities",
        kind="forum",
        # A browser test's database starts empty: the shipped bodies are made again.
        organizer_organization=Organization.objects.get_or_create(
            name_en="United Nations Industrial Development Organization",
            defaults={"acronym": "UNIDO", "kind": "un_body"},
        )[0],
        host_city=vienna,
        starts_on=TODAY - dt.timedelta(days=6),
        ends_on=TODAY - dt.timedelta(days=4),
    )
    return pact, event


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_a_mission_from_draft_to_report(
    page: Any,
    browser: Any,
    live_server: Any,
    demo: dict[str, Any],
    login: Any,
    shot: Any,
    lang: str,
) -> None:
    office = demo["office"]
    pact, event = _setup(office)
    pact.refresh_from_db()
    before = pact.health_score or 0
    words = WORDS[lang]
    base = f"{live_server.url}/{lang}/o/{office.slug}"

    # The officer drafts the mission and submits it.
    login(page, *demo["logins"]["officer"], lang)
    page.goto(f"{base}/missions/new/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "fa" else "ltr")
    page.fill("[name=title_fa]" if lang == "fa" else "[name=title_en]", words["title"])
    page.select_option("[name=event]", str(event.pk))
    page.fill("[name=start_date]", (TODAY - dt.timedelta(days=7)).isoformat())
    page.fill("[name=end_date]", (TODAY - dt.timedelta(days=3)).isoformat())
    page.fill("[name=objectives]", "Meet UNIDO's team\nSee the metro depot")
    page.check(f"[name=partnerships][value='{pact.pk}']")
    shot(page, f"missions-form-{lang}")
    follow(page, "[data-save-mission]")
    m = Mission.objects.get(office=office)
    assert [o.text for o in m.objectives.all()] == ["Meet UNIDO's team", "See the metro depot"]
    assert page.locator("[data-status='draft']").count() >= 1
    follow(page, "[data-action='submit']")
    assert Mission.objects.get(pk=m.pk).status == "submitted"
    assert page.locator("[data-action='approve']").count() == 0  # not an officer's

    # The director approves.
    other = browser.new_context(viewport={"width": 390, "height": 844})
    director = other.new_page()
    login(director, *demo["logins"]["director"], lang)
    director.goto(f"{base}/missions/{m.pk}/")
    follow(director, "[data-action='approve']")
    assert Mission.objects.get(pk=m.pk).status == "approved"
    shot(director, f"missions-detail-approved-390-{lang}")
    other.close()

    # The officer completes it and files the report.
    page.goto(f"{base}/missions/{m.pk}/")
    follow(page, "[data-action='complete']")
    assert Mission.objects.get(pk=m.pk).status == "completed"
    follow(page, "[data-file-report]")
    page.fill("[name=summary]", words["title"])
    for o in m.objectives.all():
        page.select_option(f"[name=objective_{o.pk}]", "met")
    page.fill("[name=lessons]", words["lesson"])
    page.select_option("[name=follow-0-partnership]", str(pact.pk))
    page.fill("[name=follow-0-title]", words["follow"])
    page.fill("[name=follow-0-due_on]", (TODAY + dt.timedelta(days=40)).isoformat())
    shot(page, f"missions-report-form-{lang}")
    follow(page, "[data-file-report-submit]")
    assert Mission.objects.get(pk=m.pk).status == "reported"
    assert words["lesson"] in page.inner_text("[data-lessons]")
    assert words["follow"] in page.inner_text("[data-follow-ups]")
    shot(page, f"missions-detail-reported-{lang}")

    # The pact shows the visit, the commitment and a changed score.
    page.goto(f"{base}/partnerships/{pact.pk}/")
    assert words["title"] in page.inner_text("[data-timeline]")
    assert words["follow"] in page.inner_text("#plan")
    assert page.locator(f"[data-pact-mission='{m.pk}']").count() == 1
    pact.refresh_from_db()
    assert (pact.health_score or 0) > before
    assert Commitment.objects.get(partnership=pact).title == words["follow"]
    shot(page, f"missions-pact-after-{lang}")
    assert page.js_errors == []
