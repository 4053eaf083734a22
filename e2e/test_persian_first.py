"""Persian first, as a browser sees it: digits typed in Persian are kept, no page is wider
than a phone (390 px) in Persian or English, and the office menu fits a phone without
scrolling sideways. Screenshots of the main pages at 1366 and 390 px in both languages go
to artefacts/screenshots/ (persian-first-*)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import translation

from e2e.support import follow
from e2e.test_partnerships import _setup
from peyvand.partnerships.models import Activity

# Elements wider than the viewport, outside any element that scrolls or clips them (a
# wide table inside its own scrolling box is fine; the page itself must not scroll).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (box.right <= width + 1 && box.left >= -1) continue;
    let parent = el.parentElement, contained = false;
    while (parent && parent !== document.body) {
      if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(parent).overflowX)) {
        contained = true;
        break;
      }
      parent = parent.parentElement;
    }
    if (!contained) {
      const where = `${Math.round(box.left)}..${Math.round(box.right)}`;
      found.push(`${el.tagName.toLowerCase()}.${el.className} ${where}`);
    }
  }
  return found.slice(0, 5);
}"""


# The office menu as a reader sees it: its toggle, its links, whether any scrolls sideways.
MENU = """() => {
  const width = document.documentElement.clientWidth;
  const nav = document.querySelector("header nav");
  const toggle = document.querySelector("[data-navmenu-toggle]");
  const shown = (el) => {
    const b = el.getBoundingClientRect();
    return el.checkVisibility({ visibilityProperty: true }) && b.width > 0 && b.height > 0;
  };
  const links = [...nav.querySelectorAll("a")];
  const scrolls = [...document.querySelectorAll("header, header *")].filter(
    (el) => el.scrollWidth > el.clientWidth + 1
      && /(auto|scroll)/.test(getComputedStyle(el).overflowX)
  );
  return {
    toggle: toggle !== null && shown(toggle),
    links: links.length,
    shown: links.filter(shown).length,
    outside: links.filter(shown).map((a) => a.getBoundingClientRect())
      .filter((b) => b.left < -1 || b.right > width + 1).length,
    rows: new Set(links.filter(shown).map((a) => Math.round(a.getBoundingClientRect().top))).size,
    scrolls: scrolls.map((el) => el.tagName.toLowerCase() + "." + el.className),
    pageWidth: document.documentElement.scrollWidth,
  };
}"""


def _pages(office: Any, pact: Any) -> dict[str, str]:
    slug = {"office_slug": office.slug}
    names = {
        "dashboard": ("dashboard:home", slug),
        "registry": ("partnerships:list", slug),
        "pact": ("partnerships:detail", {**slug, "pk": pact.pk}),
        "log-activity": ("partnerships:activity_log", {**slug, "pk": pact.pk}),
        "new-pact": ("partnerships:create", slug),
        "health-settings": ("partnerships:settings", slug),
        "members": ("accounts:members", slug),
        "date-converter": ("dashboard:date_converter", slug),
        "suggestions": ("discover:recommendations", slug),
        "atlas": ("places:search", {}),
        "city": ("network:city", {"code": "gn:112931"}),
        "country": ("network:country", {"code": "IR"}),
        "about-data": ("places:about_data", {}),
    }
    return {key: reverse(name, kwargs=kwargs) for key, (name, kwargs) in names.items()}


def test_no_page_is_wider_than_a_phone_and_screenshots_of_every_main_page(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    kyiv, _havana = _setup(demo["office"])
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")
    problems = []
    for lang in ("fa", "en"):
        with translation.override(lang):
            pages = _pages(demo["office"], kyiv)
        for width in (390, 1366):
            page.set_viewport_size({"width": width, "height": 900})
            for key, path in pages.items():
                response = page.goto(f"{live_server.url}{path}")
                assert response is not None and response.status == 200, path
                if width == 390:
                    wide = page.evaluate(OVERFLOWING)
                    if wide:
                        problems.append(f"{path} at {width}px: {wide}")
                shot(page, f"persian-first-{key}-{lang}-{width}")
    assert not problems, "\n".join(problems)
    assert page.js_errors == []


def test_the_office_menu_fits_a_phone_without_scrolling_sideways(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    """Today's defect: at 390 px the menu's links ran off the screen in a strip that
    scrolled sideways ("Discover partne..."; Members out of sight)."""
    user, password = demo["logins"]["director"]
    login(page, user, password, "fa")
    for lang in ("fa", "en"):
        with translation.override(lang):
            path = reverse("partnerships:list", kwargs={"office_slug": demo["office"].slug})
        page.set_viewport_size({"width": 390, "height": 900})
        page.goto(f"{live_server.url}{path}")
        closed = page.evaluate(MENU)
        assert closed["toggle"] and closed["shown"] == 0, closed  # one button, links folded
        assert closed["scrolls"] == [] and closed["pageWidth"] <= 390, closed
        page.click("[data-navmenu-toggle]")
        opened = page.evaluate(MENU)
        # Every module's link, Members and the audit log included, each shown
        assert opened["links"] == opened["shown"] >= 15, opened
        assert opened["outside"] == 0 and opened["scrolls"] == [], opened
        assert opened["rows"] == opened["links"], opened  # a list, one link a line
        shot(page, f"persian-first-menu-open-{lang}-390")
        page.keyboard.press("Escape")
        assert page.evaluate(MENU)["shown"] == 0
        page.set_viewport_size({"width": 1366, "height": 900})
        wide = page.evaluate(MENU)
        # Every link shown; with every module's page the bar takes two rows at 1366 px
        assert not wide["toggle"] and wide["shown"] == wide["links"] and wide["rows"] <= 2, wide
    assert page.js_errors == []


def test_numbers_typed_in_persian_digits_are_kept(
    page: Any, live_server: Any, demo: dict[str, Any], login: Any, shot: Any
) -> None:
    """Today's defect: participants «۱۲» saved empty and an outcome value «۵» saved with no
    amount (the browser's number input threw the Persian digits away)."""
    kyiv, _havana = _setup(demo["office"])
    user, password = demo["logins"]["officer"]
    login(page, user, password, "fa")
    with translation.override("fa"):
        path = reverse(
            "partnerships:activity_log", kwargs={"office_slug": demo["office"].slug, "pk": kyiv.pk}
        )
    page.goto(f"{live_server.url}{path}")
    page.fill("main [name=title]", "کارگاه مشترک")
    page.select_option("main [name=kind]", "visit_in")
    page.select_option("main [name=initiated_by]", "partner")
    page.fill("main [name=participants]", "۱۲")
    assert page.input_value("main [name=participants]") == "۱۲"  # the browser kept them
    page.select_option("main [name=outcome_kind]", "people")
    page.fill("main [name=outcome_value]", "۵")
    shot(page, "persian-first-digits-typed-fa")
    follow(page, "main form button[type=submit]")
    activity = Activity.objects.get(title="کارگاه مشترک")
    assert activity.participants == 12
    assert [o.value for o in activity.outcomes.all()] == [Decimal("5")]
    # Shown back in Persian digits, with no Latin digit.
    with translation.override("fa"):
        edit = reverse(
            "partnerships:activity_edit",
            kwargs={"office_slug": demo["office"].slug, "pk": activity.pk},
        )
    page.goto(f"{live_server.url}{edit}")
    assert page.input_value("main [name=participants]") == "۱۲"
