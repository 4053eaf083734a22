"""How an entry reads: the kind of record and its fields by their names in the reader's
language, each change as the value before and after."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from .models import AuditEntry
from .recorder import audited_models


@functools.cache
def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def type_label(label: str) -> str:
    model = _model(label)
    return str(model._meta.verbose_name) if model is not None else label


def object_types() -> list[tuple[str, str]]:
    """The kinds of record an office's log may name, by their names, sorted."""
    found = [(m._meta.label_lower, str(m._meta.verbose_name)) for m in audited_models()]
    return sorted(found, key=lambda pair: pair[1])


def field_label(label: str, name: str) -> str:
    model = _model(label)
    if model is None:
        return name
    try:
        field = model._meta.get_field(name.removesuffix("_id"))
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def source_label(source: str) -> str:
    labels = {"web": _("Pages"), "api": _("API"), "admin": _("Site administration")}
    if source in labels:
        return str(labels[source])
    if source.startswith("command:"):
        return _("Command")
    return _("System")


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Row:
    entry: AuditEntry
    type_label: str
    source_label: str
    command: str
    changes: list[Change]


def rows(entries: list[AuditEntry]) -> list[Row]:
    result = []
    for entry in entries:
        changes = []
        for name, value in (entry.changes or {}).items():
            if isinstance(value, list) and len(value) == 2:
                before, after = _text(value[0]), _text(value[1])
            else:
                before, after = "", _text(value)
            changes.append(Change(field_label(entry.object_type, name), before, after))
        command = entry.source.removeprefix("command:") if entry.source.startswith("command:") else ""
        result.append(
            Row(entry, type_label(entry.object_type), source_label(entry.source), command, changes)
        )
    return result
