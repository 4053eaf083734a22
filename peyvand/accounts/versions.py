"""An office's data version (`Office.data_version`), raised by every write to its data.

Every model with a foreign key `office` (every `OfficeScoped` record, departments and
memberships, in every app) raises its office's version when a row is saved or deleted or its
many-to-many links change: the receivers are connected from `AccountsConfig.ready()`, after
every app's models are loaded, so a module added later is covered without a line of its own.
Writes that bypass the model signals (`bulk_create`, `QuerySet.update`) call `bump_office`
or `bump_offices` themselves. What every menu lists (the offices and who belongs to them)
also raises the world version (`core.versions`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from peyvand.core.versions import bump_world

from .models import Office, OfficeMembership

# The offices whose version waits for the end of a bulk write (`bumps_deferred`); per
# context (thread or task), never shared between requests.
_deferred: ContextVar[set[int] | None] = ContextVar("office_bumps_deferred", default=None)


@contextmanager
def bumps_deferred(*, flush: bool = True) -> Iterator[set[int]]:
    """Within the block, writes note their office; each is raised once at the end (a
    spreadsheet import of thousands of rows writes one version, not one per row), or not
    at all with `flush=False` (a transaction rolled back; the caller gets the offices)."""
    pending: set[int] = set()
    token = _deferred.set(pending)
    try:
        yield pending
    finally:
        _deferred.reset(token)
    if flush:
        for office_id in pending:
            bump_office(office_id)


def bump_office(office_id: int | None) -> None:
    if office_id is None:
        return
    pending = _deferred.get()
    if pending is not None:
        pending.add(office_id)
        return
    Office.objects.filter(pk=office_id).update(data_version=F("data_version") + 1)


def bump_offices() -> None:
    """Every office's pages change (the world they show changed)."""
    Office.objects.update(data_version=F("data_version") + 1)


def _row_written(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    bump_office(getattr(instance, "office_id", None))


def _links_changed(sender: type[models.Model], instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        bump_office(getattr(instance, "office_id", None))


def _menu_changed(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    bump_world()
    bump_office(instance.pk if isinstance(instance, Office) else instance.office_id)


def _permissions_changed(sender: type[models.Model], action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        bump_world()


def office_models() -> list[type[models.Model]]:
    """Every concrete model whose rows belong to an office (a foreign key `office`)."""
    found = []
    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "office"), None)
        if field is not None and field.related_model is Office:
            found.append(model)
    return found


def connect() -> None:
    for model in office_models():
        uid = f"office-version-{model._meta.label}"
        post_save.connect(_row_written, sender=model, dispatch_uid=uid)
        post_delete.connect(_row_written, sender=model, dispatch_uid=uid)
        for m2m in model._meta.many_to_many:
            through = m2m.remote_field.through
            m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"{uid}-{m2m.name}")
    for model in (Office, OfficeMembership):
        uid = f"menu-version-{model._meta.label}"
        post_save.connect(_menu_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_menu_changed, sender=model, dispatch_uid=uid)
    # What a user may do outside an office (the name review of the atlas) shows on pages.
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model()
    for through in (
        user.groups.through,
        user.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            _permissions_changed, sender=through, dispatch_uid=f"perm-version-{through}"
        )
