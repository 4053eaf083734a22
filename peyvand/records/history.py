"""History and optimistic locking for any office record: one mechanism for every app.

A service records what it changed with `record_event` (in its own transaction), checks the
version the editor loaded with `check_version`, and a refused save raises `StaleVersion`,
which carries the record as it is now and the history entries written since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation

from peyvand.accounts.actors import Actor

from .models import Event, Versioned


def plain(value: Any) -> Any:
    """A value as history stores it in JSON: dates in ISO form, records by id and names."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "pk"):
        result: dict[str, Any] = {"id": value.pk, "label": str(value)}
        if hasattr(value, "name_en"):
            result["label_en"] = value.name_en
            result["label_fa"] = getattr(value, "name_fa_display", "") or getattr(
                value, "name_fa", ""
            )
        return result
    return str(value)


def named(value: Any) -> dict[str, Any]:
    """A record as history names it, in both languages: a label built from translated
    choices (an approval's body, an outcome's kind) must follow the reader's language,
    not the language of whoever made the change."""
    labels = {}
    for lang in ("fa", "en"):
        with translation.override(lang):
            labels[lang] = str(value)
    return {
        "id": value.pk,
        "label": labels["en"],
        "label_fa": labels["fa"],
        "label_en": labels["en"],
    }


def snapshot(record: models.Model, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: plain(getattr(record, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def subject_of(record: models.Model) -> str:
    """How the history names a part of a record: "commitment:12", "activity:7"."""
    return f"{record._meta.model_name}:{record.pk}"


# The entries whose insert waits for the end of a bulk write (`history_deferred`); per
# context (thread or task), never shared between requests.
_deferred: ContextVar[list[Event] | None] = ContextVar("history_deferred", default=None)


_discarding: ContextVar[bool] = ContextVar("history_discarding", default=False)


@contextmanager
def history_deferred(*, flush: bool = True, keep: bool = True) -> Iterator[list[Event]]:
    """Within the block, `record_event` keeps its entries (made at the time of the change)
    and at the end all are inserted at once, in the order written (a spreadsheet import
    of thousands of rows); with `flush=False` none is (the caller gets the entries, to
    write them with `history_write` if its transaction commits). With `keep=False` none
    is kept: a preview whose transaction is always rolled back."""
    pending: list[Event] = []
    token = _deferred.set(pending)
    discard = _discarding.set(not keep)
    try:
        yield pending
    finally:
        _discarding.reset(discard)
        _deferred.reset(token)
    if flush:
        history_write(pending)


def history_write(events: list[Event]) -> None:
    """Insert entries kept by `history_deferred`, in batches."""
    Event.objects.bulk_create(events, batch_size=1000)


def record_event(
    *,
    target: Any,
    actor: Actor,
    action: str,
    changes: dict[str, Any] | None = None,
    note: str = "",
    subject: str = "",
    subject_version: int | None = None,
) -> Event:
    """Write one history entry about `target` (an office record with a `version`)."""
    event = Event(
        office_id=target.office_id,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        actor=actor.user,
        action=action,
        version=getattr(target, "version", 0),
        changes=changes or {},
        note=note,
        subject=subject,
        subject_version=subject_version,
    )
    pending = _deferred.get()
    if pending is not None:
        if not _discarding.get():
            pending.append(event)
    else:
        event.save(force_insert=True)
    return event


def history_of(target: models.Model) -> models.QuerySet[Event]:
    """The history entries of a record, newest first."""
    return Event.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    ).select_related("actor")


def changes_since(record: Any, version: int) -> list[Event]:
    """The history entries about this record written after its `version`, oldest first.

    A target's entries carry the target's version; a part's entries carry its subject and
    the part's version. A change of a part recorded in several targets' histories (an
    activity under two pacts) is listed once.
    """
    if type(record).keeps_history:
        return list(history_of(record).filter(version__gt=version).order_by("created_at", "pk"))
    rows = (
        Event.objects.filter(
            office_id=record.office_id,
            subject=subject_of(record),
            subject_version__gt=version,
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    listed: dict[tuple[str, int | None], Event] = {}
    for event in rows:
        listed.setdefault((event.action, event.subject_version), event)
    return list(listed.values())


class StaleVersion(Exception):
    """Someone else saved the record since the editor loaded it: nothing was written.

    `record` is the record as it is now (its `version` is what the next save must send),
    `events` the history entries written about it since the editor's version, oldest first.
    """

    def __init__(self, record: Versioned, events: list[Event], *, deleting: bool = False) -> None:
        kind = record._meta.model_name
        super().__init__(f"stale {'delete' if deleting else 'edit'} of {kind} {record.pk}")
        self.record = record
        self.events = events
        self.deleting = deleting

    @property
    def version(self) -> int:
        return self.record.version

    @property
    def message(self) -> str:
        messages = type(self.record).stale_messages
        return str(messages.get(self.deleting) or messages[False])


def check_version(
    current: Versioned, expected_version: int | None, *, deleting: bool = False
) -> None:
    """Refuse a save (or a deletion) made from another version than the current one.

    `expected_version` None means the caller did not say which version it edited (a script
    through the API without If-Match): the save is not checked.
    """
    if expected_version is not None and current.version != expected_version:
        raise StaleVersion(current, changes_since(current, expected_version), deleting=deleting)
