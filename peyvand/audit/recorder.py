"""The audit trail's recording: one insert per write, from the model signals.

Connected from `AuditConfig.ready()` to every model of the project's apps (and the
accounts and two-factor devices of `auth` and `django_otp`), so that a module added
later is audited without a line of its own. A row keeps the values it was loaded with
(`post_init`); after a save the entry names the fields whose values differ, with both
values; a new row names its non-empty values, a deleted one what it held. Writes that
bypass the signals (`bulk_create`, `QuerySet.update`) call `record` themselves with a
summary. A model opts out with `audited = False` (derived data: indexes, counters).
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.fields.files import FieldFile
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

from .context import current_origin
from .models import Action, AuditEntry

LOADED = "_audit_loaded"
TEXT_KEPT = 300  # characters of a text value kept in an entry
MASK = "***"

# Not audited: history and derived data written alongside the writes that are audited.
SKIPPED = {
    "audit.AuditEntry",
    "core.Counter",  # versions of cached pages
    "records.Event",  # the domain history, itself a record of the audited writes
    "places.CityName",  # search keys derived from the city's names
    "network.NetworkSnapshot",  # the fitted network
}
# Outside the project's apps, the writes that matter: accounts and two-factor devices.
EXTRA = {"auth.User", "auth.Group", "otp_totp.TOTPDevice", "otp_static.StaticDevice"}
# Fields that change with every write or every login, whose change says nothing.
IGNORED = {
    "created_at",
    "updated_at",
    "data_version",
    "version",
    "search_text",
    "last_t",
    "drift",
    "throttling_failure_timestamp",
    "throttling_failure_count",
    "last_used_at",
}
SECRET_PARTS = ("password", "token", "secret", "key")


# The entries whose insert waits for the end of a bulk write (`audit_deferred`); per
# context (thread or task), never shared between requests.
_deferred: ContextVar[list[AuditEntry] | None] = ContextVar("audit_deferred", default=None)
BATCH = 1000


_discarding: ContextVar[bool] = ContextVar("audit_discarding", default=False)


@contextmanager
def audit_deferred(*, flush: bool = True, keep: bool = True) -> Iterator[list[AuditEntry]]:
    """Within the block, each entry is kept (made as `record` makes it, at the time of its
    write) and at the end all are inserted at once, in the order written (a spreadsheet
    import of thousands of rows); with `flush=False` none is (the caller gets the entries,
    to write them with `audit_write` if its transaction commits). With `keep=False` no
    entry is even made: a preview whose transaction is always rolled back."""
    pending: list[AuditEntry] = []
    token = _deferred.set(pending)
    discard = _discarding.set(not keep)
    try:
        yield pending
    finally:
        _discarding.reset(discard)
        _deferred.reset(token)
    if flush:
        audit_write(pending)


def audit_write(entries: list[AuditEntry]) -> None:
    """Insert entries made under `audit_deferred`, in batches."""
    AuditEntry.objects.bulk_create(entries, batch_size=BATCH)


def _secret(name: str) -> bool:
    return any(part in name for part in SECRET_PARTS)


def _plain(value: Any) -> Any:
    """A value as an entry keeps it in JSON."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if len(value) <= TEXT_KEPT else value[:TEXT_KEPT] + "…"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, bytes | memoryview):
        return f"<{len(value)} bytes>"
    if isinstance(value, list | dict):
        return value
    return _plain(str(value))


def _fields(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(
        f.attname
        for f in model._meta.concrete_fields
        if f.name not in IGNORED and not f.primary_key
    )


_FIELDS: dict[type[models.Model], tuple[str, ...]] = {}


def _loaded(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    values = instance.__dict__
    snapshot = {}
    for name in _FIELDS[sender]:
        if name in values:
            value = values[name]
            snapshot[name] = copy.deepcopy(value) if isinstance(value, list | dict) else value
    values[LOADED] = snapshot


def _shown(name: str, value: Any) -> Any:
    return MASK if _secret(name) and value not in (None, "") else _plain(value)


def _office_of(instance: Any, origin_office: int | None) -> int | None:
    if isinstance(instance, _office_model()):
        return int(instance.pk) if instance.pk is not None else None
    office_id = instance.__dict__.get("office_id")
    return int(office_id) if office_id is not None else origin_office


def _office_model() -> type[models.Model]:
    return apps.get_model("accounts", "Office")


def record(
    *,
    action: str,
    object_type: str,
    object_id: Any,
    changes: dict[str, Any],
    office_pk: int | None = None,
) -> AuditEntry:
    """Write one entry, naming the current actor (a write the signals do not see: a bulk
    import records its summary with this)."""
    origin = current_origin()
    entry = AuditEntry(
        office_pk=office_pk if office_pk is not None else origin.office_pk,
        actor_pk=origin.actor_pk,
        actor_name=origin.actor_name[:150],
        source=origin.source,
        action=action,
        object_type=object_type[:100],
        object_id=str(object_id)[:64],
        changes=changes,
        ip=origin.ip,
    )
    pending = _deferred.get()
    if pending is not None:
        if not _discarding.get():
            pending.append(entry)
        return entry
    entry.save(force_insert=True)
    return entry


def _saved(
    sender: type[models.Model],
    instance: Any,
    created: bool,
    update_fields: Any = None,
    **kwargs: Any,
) -> None:
    if _discarding.get():
        return  # a write that is rolled back whatever happens (audit_deferred)
    values = instance.__dict__
    names = _FIELDS[sender]
    if update_fields is not None:
        wanted = {getattr(sender._meta.get_field(f), "attname", f) for f in update_fields}
        names = tuple(n for n in names if n in wanted)
    before = values.get(LOADED)
    changes: dict[str, Any] = {}
    if created:
        for name in names:
            value = values.get(name)
            if value not in (None, "", [], {}):
                changes[name] = [None, _shown(name, value)]
    else:
        for name in names:
            if name not in values:
                continue  # deferred, not written
            new = values[name]
            if before is not None and name in before and before[name] == new:
                continue
            old = before.get(name) if before is not None else None
            changes[name] = [_shown(name, old), _shown(name, new)]
        if not changes:
            return  # saved as it was: nothing to tell
    origin_office = current_origin().office_pk
    record(
        action=Action.CREATE if created else Action.UPDATE,
        object_type=sender._meta.label_lower,
        object_id=instance.pk,
        changes=changes,
        office_pk=_office_of(instance, origin_office),
    )
    # The next save of this same object is compared with what it holds now.
    snapshot = dict(before or {})
    for name in names:
        if name in values:
            value = values[name]
            snapshot[name] = copy.deepcopy(value) if isinstance(value, list | dict) else value
    values[LOADED] = snapshot


def _deleted(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    values = instance.__dict__
    changes = {
        name: [_shown(name, values[name]), None]
        for name in _FIELDS[sender]
        if values.get(name) not in (None, "", [], {})
    }
    record(
        action=Action.DELETE,
        object_type=sender._meta.label_lower,
        object_id=instance.pk,
        changes=changes,
        office_pk=_office_of(instance, current_origin().office_pk),
    )


_LINKS: dict[type[models.Model], tuple[type[models.Model], str]] = {}


def _linked(
    sender: type[models.Model],
    instance: Any,
    action: str,
    reverse: bool,
    model: type[models.Model],
    pk_set: set[Any] | None,
    **kwargs: Any,
) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    owner, field = _LINKS[sender]
    if reverse:
        field = f"{owner._meta.label_lower}.{field}"
    kind = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    ids = sorted(_plain(pk) for pk in pk_set or ())
    record(
        action=Action.UPDATE,
        object_type=type(instance)._meta.label_lower,
        object_id=instance.pk,
        changes={field: {kind: ids}},
        office_pk=_office_of(instance, current_origin().office_pk),
    )


def audited_models() -> list[type[models.Model]]:
    found = []
    for model in apps.get_models():
        label = model._meta.label
        project = model.__module__.startswith("peyvand.")
        if label in SKIPPED or not (project or label in EXTRA):
            continue
        if getattr(model, "audited", True) is False:
            continue
        found.append(model)
    return found


def connect() -> None:
    for model in audited_models():
        _FIELDS[model] = _fields(model)
        uid = f"audit-{model._meta.label}"
        post_init.connect(_loaded, sender=model, dispatch_uid=uid)
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
        for m2m in model._meta.many_to_many:
            through = m2m.remote_field.through
            assert through is not None
            _LINKS[through] = (model, m2m.name)
            m2m_changed.connect(_linked, sender=through, dispatch_uid=f"{uid}-{m2m.name}")
