"""The registry of private file fields that the members-only download view serves.

An app registers each kind of private file once, from its `AppConfig.ready()`:

    register_file("evidence", Commitment, "evidence_file", name=lambda c: f"evidence-{c.pk}")

and links to it with `{% url 'records:download' office_slug=... kind='evidence' pk=... %}`.
The view finds the row through the current office (another office's row answers 404), and
serves the file as an attachment under the name given, with the extension and type of its
checked content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models


@dataclass(frozen=True)
class FileKind:
    model: type[models.Model]
    field: str
    name: Callable[[Any], str]


_kinds: dict[str, FileKind] = {}


def register_file(
    kind: str, model: type[models.Model], field: str, *, name: Callable[[Any], str]
) -> None:
    """Serve `model.<field>` at files/<kind>/<pk>/ to members of the row's office."""
    known = _kinds.get(kind)
    if known is not None and (known.model, known.field) != (model, field):
        raise ImproperlyConfigured(
            f"file kind {kind!r} is already {known.model.__name__}.{known.field}"
        )
    _kinds[kind] = FileKind(model=model, field=field, name=name)


def file_kind(kind: str) -> FileKind | None:
    return _kinds.get(kind)
