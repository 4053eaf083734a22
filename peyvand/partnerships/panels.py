"""Panels other modules add to a pact's page (its missions, its contacts), without this
app knowing them: a module registers a template and a function that gives its context
from `AppConfig.ready()`; the page includes each panel in the order registered.

A panel's context function reads with selectors (bounded: a few rows and a count) and
the page stays kept under the office's version (decision 0007) like the rest of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peyvand.accounts.access import OfficeRequest

from .models import Partnership

PanelContext = Callable[[OfficeRequest, Partnership], dict[str, Any]]


@dataclass(frozen=True)
class Panel:
    template: str
    context: PanelContext


_panels: dict[str, Panel] = {}


def register_pact_panel(name: str, template: str, context: PanelContext) -> None:
    _panels[name] = Panel(template, context)


def pact_panels(request: OfficeRequest, p: Partnership) -> list[dict[str, Any]]:
    """What the pact page includes: [{"name", "template", "data"}] in registration order."""
    return [
        {"name": name, "template": panel.template, "data": panel.context(request, p)}
        for name, panel in _panels.items()
    ]
