"""The practices journey, in Persian and in English: an officer opens the board, moves a
practice from studied straight to piloting and sees the board (and its counts) update,
opens the practice and sees its stay in each stage; then turns a trip report's
observation into a practice in one click (the form comes prefilled) and finds the
mission's page linking to it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services as knowledge
from peyvand.knowledge.models import Practice
from peyvand.missions import services as missions
from peyvand.missions.models import Mission
from peyvand.partnerships import services
from peyvand.places.tests.factories import make_city, make_country

TODAY = timezone.localdate()
WORDS = {
    "fa": {
        "practice": "بزرگراه‌های دوچرخه",
        "seen": "بلیت سالانه یکپارچه",
        "piloting": "در حال آزمایش",
    },
    "en": {
        "practice": "Cycle superhighways",
        "seen": "Integrated annual ticket",
        "piloting": "Piloting",
    },
}


def _setup(office: Any, lang: str) -> tuple[Practice, Mission]:
    austria = make_country("AT", "Austria", "اتریش", continent="EU")
    vienna = make_city("Vienna", country=austria, code="gn:2761369", name_fa="وین")
    pact = services.partnership_create(
        office=office,
        actor=SYSTEM,
        partner_city=vienna,
        status="active",
        signed_on=TODAY - dt.timedelta(days=3 * 365),
    )
    words = WORDS[lang]
    practice = knowledge.practice_create(
        office=office,
        actor=SYSTEM,
        **{f"title_{lang}": words["practice"]},
        source_city=vienna,
        today=TODAY - dt.timedelta(days=30),
    )
    practice = knowledge.practice_move(
        practice=practice, actor=SYSTEM, stage="studied", today=TODAY - dt.timedelta(days=12)
    )
    m = missions.mission_create(
        office=office,
        actor=SYSTEM,
        **{f"title_{lang}": "Vienna" if lang == "en" else "سفر وین"},
        start_date=TODAY - dt.timedelta(days=10),
        end_date=TODAY - dt.timedelta(days=7),
        cities=[vienna],
        partnerships=[pact],
        objectives=["See the metro"],
    )
    for action in ("submit", "approve", "complete"):
        missions.mission_transition(mission=m, actor=SYSTEM, action=action)
    missions.report_file(
        mission=m,
        actor=SYSTEM,
        report=missions.ReportIn(
            summary="A good visit.",
            outcomes={o.pk: ("met", "") for o in m.objectives.all()},
            practices=[(words["seen"], "Cheap for every mode")],
        ),
    )
    return practice, m


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_a_practice_moves_on_the_board_and_an_observation_becomes_one(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any, lang: str
) -> None:
    office = demo["office"]
    practice, mission = _setup(office, lang)
    words = WORDS[lang]
    base = f"{live_server.url}/{lang}/o/{office.slug}"
    login(page, *demo["logins"]["officer"], lang)

    # The board: studied → piloting in one step, through htmx (the page is not reloaded).
    page.goto(f"{base}/practices/board/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "fa" else "ltr")
    studied = page.locator("[data-column='studied']")
    assert words["practice"] in studied.inner_text()
    shot(page, f"knowledge-board-before-{lang}")
    page.locator("[data-nav='practices']").wait_for()
    page.evaluate("window.__sameDocument = true")
    page.select_option(f"[data-move-form='{practice.pk}'] [data-move-select]", "piloting")
    page.click(f"[data-move='{practice.pk}']")
    page.locator("[data-board-notice]").wait_for()
    assert page.evaluate("window.__sameDocument") is True  # redrawn in place
    piloting = page.locator("[data-column='piloting']")
    assert words["practice"] in piloting.inner_text()
    assert words["practice"] not in page.locator("[data-column='studied']").inner_text()
    counts = ("(۱)", "(۰)") if lang == "fa" else ("(1)", "(0)")
    assert page.inner_text("[data-column-count='piloting']") == counts[0]
    assert page.inner_text("[data-column-count='studied']") == counts[1]
    assert Practice.objects.get(pk=practice.pk).stage == "piloting"
    shot(page, f"knowledge-board-after-{lang}")

    # The practice's page: its stage and its time in each stage.
    follow(page, piloting.locator(f"[data-board-card='{practice.pk}'] a").first)
    assert words["piloting"] in page.inner_text("[data-stage]")
    assert page.locator("[data-stage-time]").count() == 3
    shot(page, f"knowledge-detail-{lang}")

    # The trip report's observation becomes a practice in one click.
    page.goto(f"{base}/missions/{mission.pk}/")
    follow(page, "[data-observation-offer]")
    assert page.input_value(f"[name=title_{'fa' if lang == 'fa' else 'en'}]") == words["seen"]
    assert page.locator("[data-from-observation]").count() == 1
    assert page.locator("[name=source_city][value='gn:2761369']").is_checked()
    shot(page, f"knowledge-from-observation-{lang}")
    follow(page, "[data-save-practice]")
    made = Practice.objects.get(observation__report__mission=mission)
    assert list(made.missions.all()) == [mission]
    assert page.locator("[data-observation-link]").count() == 1
    page.goto(f"{base}/missions/{mission.pk}/")
    assert page.locator("[data-observation-made]").count() == 1
    assert page.locator("[data-observation-offer]").count() == 0
    assert page.js_errors == []
