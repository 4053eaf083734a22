"""The public portal in a browser, in Persian and in English: a citizen opens the office's
portal (the map drawn), reads a partnership, leaves a comment and a rating; an officer
approves it in the moderation queue; the citizen sees it on the page with the average.
Every public page is checked with axe-core (vendored for tests only, injected from our own
origin): no serious or critical violation; and none weighs more than 300 KB of transferred
assets besides the map shapes."""

from __future__ import annotations

import datetime as dt
import gzip
import time
import urllib.request
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services as knowledge
from peyvand.missions import services as missions
from peyvand.opportunities import services as opportunities
from peyvand.partnerships import services
from peyvand.places.tests.factories import make_city, make_country
from peyvand.portal.models import Feedback, FeedbackStatus
from peyvand.portal.services import guard

TODAY = timezone.localdate()
AXE = Path(__file__).resolve().parent.parent / "static" / "vendor" / "axe-core" / "axe.min.js"
BUDGET = 300 * 1024
# Served compressed in production (WhiteNoise's CompressedManifestStaticFilesStorage); the
# test server sends them as they are, so their weight is measured gzipped here.
COMPRESSED = (".js", ".css", ".json", ".svg", "/")
SHAPES = "countries-110m.json"
WORDS = {
    "fa": {"comment": "کاش بازدیدهای فنی بیشتری باشد", "sent": "سپاس", "approve": "تأیید"},
    "en": {"comment": "More technical visits, please", "sent": "Thank you", "approve": "Approve"},
}


def _publish(office: Any) -> dict[str, Any]:
    iran = make_country("IR", "Iran", "ایران", continent="AS")
    austria = make_country("AT", "Austria", "اتریش", continent="EU")
    office.home_city = make_city(
        "Tehran", country=iran, code="gn:112931", name_fa="تهران", lat=35.69, lon=51.42
    )
    office.save(update_fields=["home_city"])
    vienna = make_city(
        "Vienna", country=austria, code="gn:2761369", name_fa="وین", lat=48.21, lon=16.37
    )
    pact = services.partnership_create(
        office=office,
        actor=SYSTEM,
        partner_city=vienna,
        status="active",
        signed_on=TODAY - dt.timedelta(days=3000),
        summary_fa="همکاری تهران و وین در حمل‌ونقل عمومی",
        summary_en="Tehran and Vienna cooperate on public transport",
    )
    services.partnership_publish(record=pact, actor=SYSTEM, published=True)
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[pact],
        date=TODAY - dt.timedelta(days=20),
        kind="visit_out",
        title="Metro study visit / بازدید از مترو",
        outcomes=[{"kind": "people", "value": Decimal(12), "unit": "people"}],
    )
    services.activity_publish(record=activity, actor=SYSTEM, published=True)
    services.outcome_publish(record=activity.outcomes.get(), actor=SYSTEM, published=True)
    practice = knowledge.practice_create(
        office=office, actor=SYSTEM, title_fa="بلیت یکپارچه", title_en="Integrated ticket"
    )
    for stage in ("piloting", "adopted"):
        practice = knowledge.practice_move(practice=practice, actor=SYSTEM, stage=stage)
    knowledge.practice_publish(record=practice, actor=SYSTEM, published=True)
    pitch = opportunities.pitch_create(
        office=office,
        actor=SYSTEM,
        title_fa="قطار سبک منطقه‌ی ۲۲",
        title_en="Light rail for district 22",
        description_en="A 14 km light-rail line.",
        status="offered",
    )
    opportunities.pitch_publish(record=pitch, actor=SYSTEM, published=True)
    event = missions.event_create(
        office=office,
        actor=SYSTEM,
        title_fa="همایش شهرهای هوشمند",
        title_en="Smart City Expo",
        starts_on=TODAY + dt.timedelta(days=30),
        ends_on=TODAY + dt.timedelta(days=32),
    )
    missions.event_publish(record=event, actor=SYSTEM, published=True)
    return {"pact": pact, "practice": practice, "pitch": pitch}


def _axe(page: Any, base: str) -> list[str]:
    """The serious and critical violations axe-core finds on the page."""
    page.add_script_tag(url=f"{base}/static/vendor/axe-core/axe.min.js")
    found = page.evaluate(
        """async () => {
          const r = await axe.run(document, {resultTypes: ["violations"]});
          return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", "));
        }"""
    )
    return list(found)


def _weight(page: Any) -> int:
    """Bytes the page transfers (the document and its assets) besides the map shapes."""
    urls = page.evaluate(
        """() => [location.href, ...performance.getEntriesByType("resource").map(e => e.name)]"""
    )
    total = 0
    for url in dict.fromkeys(urls):
        if SHAPES in url or "axe.min.js" in url:
            continue
        with urllib.request.urlopen(url) as answer:
            body = answer.read()
        path = url.split("?", 1)[0]
        total += len(gzip.compress(body)) if path.endswith(COMPRESSED) else len(body)
    return total


def _check(page: Any, base: str, url: str, problems: list[str]) -> None:
    page.goto(url)
    if page.locator("[data-atlas-map]").count():
        page.wait_for_selector("[data-map-ready]")
    for violation in _axe(page, base):
        problems.append(f"{url}: {violation}")
    weight = _weight(page)
    if weight > BUDGET:
        problems.append(f"{url}: {weight} bytes")
    assert not page.js_errors, page.js_errors


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_a_citizen_comments_an_officer_approves_it_appears(
    browser: Any,
    page: Any,
    live_server: Any,
    demo: dict[str, Any],
    login: Any,
    shot: Any,
    lang: str,
    monkeypatch: Any,
) -> None:
    monkeypatch.setattr(guard, "MIN_SECONDS", 1)  # the live server runs in this process
    office = demo["office"]
    records = _publish(office)
    words = WORDS[lang]
    portal = f"{live_server.url}/{lang}/p/{office.slug}"

    citizen = browser.new_context(viewport={"width": 1366, "height": 900})
    reader = citizen.new_page()
    reader.js_errors = []
    reader.on("pageerror", lambda exc: reader.js_errors.append(str(exc)))
    reader.goto(f"{portal}/")
    assert reader.locator("html").get_attribute("dir") == ("rtl" if lang == "fa" else "ltr")
    reader.wait_for_selector("[data-map-ready]")
    shot(reader, f"portal-home-{lang}")
    follow(reader, f"[data-pact='{records['pact'].pk}'] a")
    assert "12" in reader.locator("[data-outcome]").inner_text().translate(
        str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
    )
    time.sleep(1.2)
    reader.fill("[name=comment]", words["comment"])
    reader.check("[name=rating][value='4']")
    follow(reader, "[data-send-feedback]")
    assert words["sent"] in reader.locator(".messages").inner_text()
    assert words["comment"] not in reader.locator("#feedback").inner_text()
    row = Feedback.objects.get(comment=words["comment"])
    assert row.status == FeedbackStatus.PENDING and row.rating == 4

    login(page, *demo["logins"]["officer"], lang)
    page.goto(f"{live_server.url}/{lang}/o/{office.slug}/portal/")
    card = page.locator(f"[data-feedback='{row.pk}']")
    assert words["comment"] in card.inner_text()
    follow(page, card.locator("[data-moderate='approve']"))
    row.refresh_from_db()
    assert row.status == FeedbackStatus.APPROVED
    shot(page, f"portal-queue-{lang}")

    reader.reload()
    comments = reader.locator("[data-comments]").inner_text()
    assert words["comment"] in comments
    assert reader.locator("[data-rating]").count() == 1
    shot(reader, f"portal-partnership-{lang}")

    # Every public page: axe-core and the weight, logged out.
    problems: list[str] = []
    for path in (
        "/",
        f"/partnerships/{records['pact'].pk}/",
        "/practices/",
        f"/practices/{records['practice'].pk}/",
        "/pitches/",
        f"/pitches/{records['pitch'].pk}/",
        "/events/",
        "/data/",
    ):
        _check(reader, live_server.url, f"{portal}{path}", problems)
    assert not problems, "\n".join(problems)
    citizen.close()


def test_the_public_pages_at_a_phones_width(
    browser: Any, live_server: Any, demo: dict[str, Any], shot: Any
) -> None:
    office = demo["office"]
    records = _publish(office)
    for lang in ("fa", "en"):
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        phone = context.new_page()
        for name, path in (
            ("home", "/"),
            ("partnership", f"/partnerships/{records['pact'].pk}/"),
            ("pitch", f"/pitches/{records['pitch'].pk}/"),
            ("data", "/data/"),
        ):
            phone.goto(f"{live_server.url}/{lang}/p/{office.slug}{path}")
            width = phone.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 390, (lang, name, width)
            shot(phone, f"portal-{name}-{lang}-390")
        context.close()
