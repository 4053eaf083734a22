"""The bin: deleted office records kept for 90 days, restorable, then purged (decision 0020).

A kind that may be deleted into the bin inherits `models.Binned` (its default manager hides
the rows in the bin, so every list, page, search, calendar, report and the portal stops
seeing them) and registers itself from its `AppConfig.ready()` with `register_binned`:
its label, the title the bin shows, the names a purge may be confirmed with, its restore
service and its purge (the hard delete, files included).

Each app's delete service (`partnership_delete`, `activity_delete`...) checks its own rules
and calls `put_in_bin`; its restore service calls `take_from_bin`. The bin's own writes
are here: `bin_restore` (the kind's restore service), `bin_purge` (a director, the record's
name typed) and `purge_expired`, the daily job that purges what has been in the bin for
more than `KEEP_DAYS` days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models.deletion import Collector
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.core.text import ascii_digits, normalize_display

from .history import check_version, record_event
from .models import Binned

KEEP_DAYS = 90

# How a kind records a change of its bin state: (record, action, changes) -> None.
Recorder = Callable[[Any, str, dict[str, Any]], None]


@dataclass(frozen=True)
class BinKind:
    """A kind of record the bin keeps: `title` is what the bin shows (in the active
    language), `names` what a purge may be confirmed with (every language's title),
    `restore(record=, actor=)` the kind's restore service, `purge(record)` its hard delete
    (by default `purge_record`) and `page(record)` the record's page (where a restore
    leads)."""

    kind: str
    model: type[Binned]
    label: Any  # the verbose name (a lazy string)
    title: Callable[[Any], str]
    restore: Callable[..., Any]
    page: Callable[[Any], str]
    names: Callable[[Any], list[str]] | None = None
    purge: Callable[[Any], None] | None = None
    related: tuple[str, ...] = field(default=())  # select_related for the bin's rows
    # The kind's delete service (record=, actor=, expected_version=) and the page a
    # deletion returns to (its list, given the office's slug): the bin's own
    # confirmation page (records.views.bin_delete) deletes the kinds that give them.
    delete: Callable[..., Any] | None = None
    after_delete: Callable[[str], str] | None = None

    def names_of(self, record: Any) -> list[str]:
        names = self.names(record) if self.names is not None else [self.title(record)]
        return [name for name in names if name]

    def confirm_word(self, record: Any) -> str:
        """What the purge page asks to type: the record's first name."""
        names = self.names_of(record)
        return names[0] if names else ""


_kinds: dict[str, BinKind] = {}


def register_binned(entry: BinKind) -> None:
    """From an app's `AppConfig.ready()`: the bin keeps this kind."""
    _kinds[entry.kind] = entry


def bin_kind(kind: str) -> BinKind | None:
    return _kinds.get(kind)


def bin_kinds() -> list[BinKind]:
    return [_kinds[k] for k in sorted(_kinds)]


def purge_on(deleted_at: dt.datetime) -> dt.date:
    """The day a record put in the bin at `deleted_at` is purged."""
    return timezone.localdate(deleted_at) + dt.timedelta(days=KEEP_DAYS)


def days_left(deleted_at: dt.datetime, today: dt.date | None = None) -> int:
    return max(0, (purge_on(deleted_at) - (today or timezone.localdate())).days)


# The writes every kind's services share --------------------------------------------------


def put_in_bin[B: Binned](
    *,
    record: B,
    actor: Actor,
    expected_version: int | None,
    recorder: Recorder | None = None,
) -> B:
    """Put a live record in the bin (in the caller's transaction, after its role and rules
    are checked); refused with StaleVersion when it changed since `expected_version`.
    Recorded as "deleted" in the record's history, or as `recorder` says. The save sends
    the signals: the search index drops it, the office's kept pages are outdated."""
    model = type(record)
    current: B = get_object_or_404(model.objects.select_for_update(), pk=record.pk)
    check_version(current, expected_version, deleting=True)
    current.deleted_at = timezone.now()
    current.deleted_by = actor.user
    current.version += 1
    current.save(update_fields=["deleted_at", "deleted_by", "version", "updated_at"])
    changes = {"deleted": [None, current.deleted_at.isoformat()]}
    if recorder is not None:
        recorder(current, "deleted", changes)
    else:
        record_event(target=current, actor=actor, action="deleted", changes=changes)
    return current


def take_from_bin[B: Binned](*, record: B, actor: Actor, recorder: Recorder | None = None) -> B:
    """Bring a record back from the bin (in the caller's transaction, after its role and
    rules are checked), recorded as "restored"."""
    model = type(record)
    current: B = get_object_or_404(
        model.all_with_deleted.binned().select_for_update(),
        pk=record.pk,
    )
    deleted_at = current.deleted_at
    current.deleted_at = None
    current.deleted_by = None
    current.version += 1
    current.save(update_fields=["deleted_at", "deleted_by", "version", "updated_at"])
    changes = {"deleted": [deleted_at.isoformat() if deleted_at else None, None]}
    if recorder is not None:
        recorder(current, "restored", changes)
    else:
        record_event(target=current, actor=actor, action="restored", changes=changes)
    return current


def binned_record(kind: str, office: Office, pk: int) -> tuple[BinKind, Any]:
    """A record in this office's bin; another office's, a live one or an unknown kind: 404."""
    registered = bin_kind(kind)
    if registered is None:
        raise Http404
    qs = registered.model.all_with_deleted.binned().for_office(office)
    if registered.related:
        qs = qs.select_related(*registered.related)
    return registered, get_object_or_404(qs, pk=pk)


def bin_restore(*, office: Office, kind: str, pk: int, actor: Actor) -> Any:
    """Restore a record of the bin through its kind's restore service (which checks the
    role and the kind's rules)."""
    registered, record = binned_record(kind, office, pk)
    return registered.restore(record=record, actor=actor)


def _typed(text: str) -> str:
    return " ".join(ascii_digits(normalize_display(text)).split()).casefold()


def confirms(registered: BinKind, record: Any, confirm: str) -> bool:
    """Whether `confirm` is one of the record's names (spacing, case, Persian letters and
    digits aside)."""
    typed = _typed(confirm or "")
    return bool(typed) and any(typed == _typed(name) for name in registered.names_of(record))


def protected_by(record: models.Model) -> list[str]:
    """The kinds of record that keep this one from being purged (a foreign key with
    PROTECT: a contact on a mission), in the bin or not, by their plural names."""
    found = []
    for rel in record._meta.related_objects:
        if rel.on_delete is not models.PROTECT or not rel.field.concrete:
            continue
        related = rel.related_model._base_manager.filter(**{rel.field.name: record})
        if related.exists():
            found.append(str(rel.related_model._meta.verbose_name_plural))
    return found


def purge_record(record: models.Model) -> None:
    """Delete a record for good with what cascades from it; the files stored by those
    rows go once the transaction commits."""
    collector = Collector(using=router.db_for_write(type(record)), origin=record)
    collector.collect([record])
    batches: list[Iterable[Any]] = [list(rows) for rows in collector.data.values()]
    batches += list(collector.fast_deletes)
    files: list[tuple[str, Any]] = []
    for rows in batches:
        for row in rows:
            for f in row._meta.concrete_fields:
                if isinstance(f, models.FileField):
                    stored = getattr(row, f.name)
                    if stored and stored.name:
                        files.append((stored.name, stored.storage))
    record.delete()

    def delete_stored() -> None:
        for name, storage in files:
            if storage.exists(name):
                storage.delete(name)

    transaction.on_commit(delete_stored)


def _purge(registered: BinKind, record: Any) -> None:
    if registered.purge is not None:
        registered.purge(record)
    else:
        purge_record(record)


@transaction.atomic
def bin_purge(*, office: Office, kind: str, pk: int, actor: Actor, confirm: str) -> None:
    """Delete a record of the bin for good: a director only, who types its name."""
    require_role(actor, Role.DIRECTOR)
    registered, record = binned_record(kind, office, pk)
    if not confirms(registered, record, confirm):
        raise ValidationError(
            {"confirm": [_("Type the name of the record exactly as the bin shows it to purge it.")]}
        )
    _purge(registered, record)


def purge_expired(*, now: dt.datetime | None = None) -> int:
    """Purge every record that has been in a bin for more than KEEP_DAYS days; how many.
    Each in its own transaction: one that cannot go (a file) does not keep the rest."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=KEEP_DAYS)
    purged = 0
    for registered in bin_kinds():
        rows = registered.model.all_with_deleted.filter(
            deleted_at__isnull=False, deleted_at__lt=cutoff
        ).order_by("pk")
        for record in rows.iterator():
            with transaction.atomic():
                _purge(registered, record)
            purged += 1
    return purged


__all__ = [
    "KEEP_DAYS",
    "BinKind",
    "bin_kind",
    "bin_kinds",
    "bin_purge",
    "bin_restore",
    "days_left",
    "purge_expired",
    "put_in_bin",
    "register_binned",
    "take_from_bin",
]
