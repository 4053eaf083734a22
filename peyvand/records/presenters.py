"""How history entries read on a page: one presenter per app, the same rules for all.

An app describes its entries (the label of each action and field, the choices whose
stored values must be shown by name, the codes to look up) and gets `history_rows(events)`
for its pages and for the 412 answers (`records.api.register_presenter`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from peyvand.core.dates import format_date

from .models import Event

Labels = Mapping[str, str | Promise]
Choices = Mapping[str, Mapping[str, Any]]


def _label(value: Mapping[str, Any]) -> str:
    """A recorded record's label in the reader's language, else the other, else as recorded."""
    first, second = ("fa", "en") if (get_language() or "fa").startswith("fa") else ("en", "fa")
    return str(
        value.get(f"label_{first}") or value.get(f"label_{second}") or value.get("label", "")
    )


def _lang(field: str) -> dict[str, str]:
    """A `*_fa` / `*_en` field's values are in that language, whatever the page's."""
    if field.endswith("_fa"):
        return {"lang": "fa", "dir": "rtl"}
    if field.endswith("_en"):
        return {"lang": "en", "dir": "ltr"}
    return {}


def shown_value(
    value: Any,
    field: str = "",
    choices: Choices | None = None,
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """One recorded value as the reader reads it: a choice by its label, a date in the
    reader's calendar, a record by its label, a list joined."""
    choices = choices or {}
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return _label(value)
    if field in choices and isinstance(value, str):
        return str(choices[field].get(value, value))
    if isinstance(value, list):
        if names and field in names:
            value = [names[field].get(str(v), v) for v in value]
        items = [_label(v) if isinstance(v, dict) else str(v) for v in value]
        return ("، " if get_language() == "fa" else ", ").join(items) or "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


class HistoryPresenter:
    """`actions`: action → label; `fields`: field → label; `choices`: field → {value: label}
    for entries about the record itself; `part_choices`: the same per part, chosen by the
    action's prefix ("commitment_updated" → part_choices["commitment"]); `lookups`: field →
    a function giving {code: name} for lists of codes (areas), called only when an entry
    names that field."""

    def __init__(
        self,
        *,
        actions: Labels,
        fields: Labels,
        choices: Choices | None = None,
        part_choices: Mapping[str, Choices] | None = None,
        lookups: Mapping[str, Callable[[], Mapping[str, str]]] | None = None,
    ) -> None:
        self.actions = actions
        self.fields = fields
        self.choices = choices or {}
        self.part_choices = part_choices or {}
        self.lookups = lookups or {}

    def _choices_for(self, action: str) -> Choices:
        if "_" not in action:
            return self.choices
        return self.part_choices.get(action.split("_", 1)[0], self.choices)

    def _names(self, events: list[Event]) -> dict[str, Mapping[str, str]]:
        named = {f for e in events for f in (e.changes or {}) if f in self.lookups}
        return {f: self.lookups[f]() for f in named}

    def __call__(self, events: list[Event]) -> list[dict[str, Any]]:
        rows = []
        names = self._names(events)
        for event in events:
            changes = []
            shown = partial(shown_value, choices=self._choices_for(event.action), names=names)
            for field, change in (event.changes or {}).items():
                label = self.fields.get(field, field)
                if isinstance(change, list) and len(change) == 2:
                    if change[0] is None and change[1] in ("", [], None, False):
                        continue  # an empty field of a new record says nothing
                    old = None if change[0] is None else shown(change[0], field)
                    changes.append(
                        {"field": label, "old": old, "new": shown(change[1], field), **_lang(field)}
                    )
                else:
                    changes.append({"field": label, "old": None, "new": shown(change, field)})
            rows.append(
                {
                    "event": event,
                    "action": self.actions.get(event.action, event.action),
                    "changes": changes,
                }
            )
        return rows


def stale_context(request: Any, form: Any, exc: Any, rows: Any) -> dict[str, Any]:
    """What a page shows when a save was refused as stale (`exc`, a StaleVersion): the
    message and what changed (read with the app's presenter `rows`).

    The form keeps the user's input and now carries the current version: the next save is
    made knowing what changed, so it goes through. A browser cannot refill a file input,
    so the page says when chosen files were not added.
    """
    fresh = request.POST.copy()
    fresh["version"] = str(exc.version)
    form.data = fresh
    return {
        "message": exc.message,
        "history": rows(exc.events),
        "files_dropped": any(f.size for key in request.FILES for f in request.FILES.getlist(key)),
    }
