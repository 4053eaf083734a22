"""Helpers of the browser journeys."""

from __future__ import annotations

from typing import Any


def follow(page: Any, target: Any) -> None:
    """Click `target` (a selector or a locator) and wait until the page it leads to has
    loaded: a link followed or a form submitted, redirects included. Waiting for the
    navigation itself is exact; waiting for the network to fall idle costs half a second
    after every page and may still return before the click's navigation has begun."""
    locator = page.locator(target) if isinstance(target, str) else target
    with page.expect_navigation(wait_until="load"):
        locator.click()
