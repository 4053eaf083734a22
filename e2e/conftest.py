"""Browser journeys: Playwright from PyPI driving Debian's Chromium, headless.

Chromium missing: the tests are skipped with a visible reason, unless
PEYVAND_REQUIRE_BROWSER=1 (CI), where a missing browser fails the run instead.
Screenshots go to artefacts/screenshots/ (git-ignored): look at them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from e2e.support import follow

# Playwright's sync API runs an event loop in this thread; the ORM calls that the
# fixtures make around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PEYVAND_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTEFACTS = Path(__file__).resolve().parent.parent / "artefacts" / "screenshots"


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    for item in items:
        if "e2e" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.browser)


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not _chromium_available():
        if os.environ.get("PEYVAND_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM} and PEYVAND_REQUIRE_BROWSER=1")
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    # Playwright gives every launch a fresh, empty, temporary profile of its own.
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fa-IR")
    context.set_default_timeout(30_000)
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("pageerror", lambda exc: errors.append(str(exc)))
    new_page.js_errors = errors
    yield new_page
    context.close()


@pytest.fixture
def shot() -> Callable[[Any, str], Path]:
    """shot(page, name): save a full-page screenshot under artefacts/screenshots/."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = ARTEFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def login(live_server: Any) -> Callable[[Any, str, str, str], None]:
    """login(page, username, password, lang): log in through the real form."""

    def do_login(page: Any, username: str, password: str, lang: str = "fa") -> None:
        page.goto(f"{live_server.url}/{lang}/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        follow(page, "main button[type=submit]")

    return do_login


@pytest.fixture
def demo(transactional_db: Any) -> dict[str, Any]:
    """The demo office with known logins: {'office': Office, 'logins': {role: (user, pw)}}."""
    from peyvand.accounts.demo import demo_office_create

    office, logins = demo_office_create()
    return {"office": office, "logins": {role: (user, pw) for role, user, pw in logins}}
