"""The one search in a browser (issue 13): an officer types a Persian query with Arabic
letters (ي, ك) and without its ZWNJ into the header's box, finds the practice, opens it,
moves it from studied straight to piloting on the board and sees the board update."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from e2e.support import follow
from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services as knowledge
from peyvand.knowledge.models import Practice

TODAY = timezone.localdate()


def test_a_persian_search_with_arabic_letters_finds_the_practice_and_it_moves_on(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    office = demo["office"]
    practice = knowledge.practice_create(
        office=office,
        actor=SYSTEM,
        title_fa="کیسه‌های بازیافت یکپارچه",
        summary_fa="همکاری با شهرداری‌های اروپایی در تفکیک پسماند",
        today=TODAY - dt.timedelta(days=20),
    )
    knowledge.practice_move(
        practice=practice, actor=SYSTEM, stage="studied", today=TODAY - dt.timedelta(days=5)
    )
    login(page, *demo["logins"]["officer"], "fa")
    page.goto(f"{live_server.url}/fa/o/{office.slug}/")
    # Arabic ي and ك, and «کیسه‌های» typed without its ZWNJ.
    page.fill("[data-search-box] input[name=q]", "كيسههاي بازيافت")
    follow(page, "[data-search-box] button[type=submit]")
    hit = page.locator(f"[data-hit='practice-{practice.pk}']")
    assert hit.count() == 1
    assert "<mark>" in hit.inner_html()
    shot(page, "search-fa")
    follow(page, hit.locator("a").first)
    assert page.url.endswith(f"/practices/{practice.pk}/")
    page.goto(f"{live_server.url}/fa/o/{office.slug}/practices/board/")
    page.select_option(f"[data-move-form='{practice.pk}'] [data-move-select]", "piloting")
    page.click(f"[data-move='{practice.pk}']")
    page.locator("[data-board-notice]").wait_for()
    assert "کیسه‌های بازیافت یکپارچه" in page.inner_text("[data-column='piloting']")
    assert Practice.objects.get(pk=practice.pk).stage == "piloting"
    assert page.js_errors == []
