"""How an entry reads: the kind of record and its fields by their names in the reader's
language, each change as the value before and after."""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peyvand.core.dates import format_date

from .models import AuditEntry
from .recorder import MASK, audited_models


@functools.cache
def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def object_types() -> list[tuple[str, str, str]]:
    """The kinds of record an office's log may name: (value, name, its language), sorted
    by name."""
    found = [
        (m._meta.label_lower, str(m._meta.verbose_name), _lang(m._meta.verbose_name))
        for m in audited_models()
    ]
    return sorted(found, key=lambda row: row[1])


def _field(label: str, name: str) -> Any:
    model = _model(label)
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        pass
    try:
        return model._meta.get_field(name.removesuffix("_id"))
    except FieldDoesNotExist:
        return None


def _lang(text: Any) -> str:
    """ "" for a translated label; "en" for a name Django made from the code (a module that
    gave its field or model no translated name): read as written in English."""
    return "" if isinstance(text, Promise) else "en"


def type_label_lang(label: str) -> tuple[str, str]:
    model = _model(label)
    if model is None:
        return label, "en"
    name = model._meta.verbose_name
    return str(name), _lang(name)


def field_label(label: str, name: str) -> tuple[str, str]:
    field = _field(label, name)
    if field is None or not hasattr(field, "verbose_name"):
        return name, "en"
    return str(field.verbose_name), _lang(field.verbose_name)


def source_label(source: str) -> str:
    labels = {"web": _("Pages"), "api": _("API"), "admin": _("Site administration")}
    if source in labels:
        return str(labels[source])
    if source.startswith("command:"):
        return _("Command")
    return _("System")


def _date(value: str, with_time: bool) -> str:
    try:
        parsed = dt.datetime.fromisoformat(value) if with_time else dt.date.fromisoformat(value)
    except ValueError:
        return value
    return format_date(parsed)


def _value(field: Any, value: Any) -> tuple[str, str]:
    """An entry's value as it reads, and the language it is written in ("" the page's,
    "en" a code or an English value, "fa" a Persian value, "auto" other data)."""
    if value is None or value == "":
        return "—", ""
    if value == MASK:
        return MASK, ""
    if isinstance(value, bool):
        return (_("yes") if value else _("no")), ""
    choices = getattr(field, "flatchoices", None) if field is not None else None
    if choices:
        label = dict(choices).get(value)
        if label is not None:
            return str(label), _lang(label)
    if field is not None and (field.many_to_one or field.one_to_one):
        return f"#{value}", ""
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        return _date(value, True), ""
    if isinstance(field, models.DateField) and isinstance(value, str):
        return _date(value, False), ""
    if isinstance(value, int | float):
        return str(value), ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False), "en"
    text = str(value)
    name = getattr(field, "name", "")
    if name.endswith(("_fa", "_en")):
        return text, name[-2:]  # a bilingual record's half
    if isinstance(field, models.FileField) or (text.isascii() and " " not in text):
        return text, "en"  # a code, an address, a file's name
    return text, "auto"


LINK_KINDS = {
    "added": gettext_lazy("Added"),
    "removed": gettext_lazy("Removed"),
    "cleared": gettext_lazy("Cleared"),
}


@dataclass(frozen=True)
class Value:
    text: str
    lang: str  # "" the page's language, "en" a code or an English name, "auto" data


@dataclass(frozen=True)
class Change:
    field: Value
    before: Value | None
    after: Value


@dataclass(frozen=True)
class Row:
    entry: AuditEntry
    type_label: Value
    source_label: str
    command: str
    changes: list[Change]


def _change(object_type: str, name: str, value: Any) -> Change:
    label = Value(*field_label(object_type, name))
    field = _field(object_type, name)
    if isinstance(value, list) and len(value) == 2:
        return Change(label, Value(*_value(field, value[0])), Value(*_value(field, value[1])))
    if isinstance(value, dict) and len(value) == 1:
        kind, ids = next(iter(value.items()))
        if kind in LINK_KINDS and isinstance(ids, list):
            listed = " ".join(f"#{i}" for i in ids) or "—"
            return Change(label, None, Value(f"{LINK_KINDS[kind]}: {listed}", ""))
    return Change(label, None, Value(*_value(None, value)))


def rows(entries: list[AuditEntry]) -> list[Row]:
    result = []
    for entry in entries:
        changes = [
            _change(entry.object_type, name, value) for name, value in (entry.changes or {}).items()
        ]
        command = (
            entry.source.removeprefix("command:") if entry.source.startswith("command:") else ""
        )
        result.append(
            Row(
                entry,
                Value(*type_label_lang(entry.object_type)),
                source_label(entry.source),
                command,
                changes,
            )
        )
    return result
