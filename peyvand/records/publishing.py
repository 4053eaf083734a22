"""Publishing office records on the public portal: one way for every kind (decision 0016).

A record that may be shown publicly has a boolean `published` (False by default: nothing is
public until an officer says so). Each app writes one service per kind,
`<kind>_publish(*, record, actor, published, expected_version)`, that calls
`set_published` here: officer and up, in one transaction, the version the officer loaded
checked (optimistic locking), the change recorded in the history. Every route to the flag
(the toggle on the record's page, the API's PATCH, a record's update service given
`published`) goes through that service.

The toggle on a record's page is one small form (`records/_publish.html`) posting to the one
view `records.views.publish`, which finds the kind's service here: each app registers its
kinds from `AppConfig.ready()` with `register_publishable` (this app cannot import them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role

from .history import check_version, record_event
from .models import Versioned

# How a kind records the change: (record after the change, action, changes) -> None.
Recorder = Callable[[Any, str, dict[str, Any]], None]


def require_flag(value: Any) -> bool:
    """A `published` value sent by a form or the API: true or false, nothing else."""
    if not isinstance(value, bool):
        raise ValidationError({"published": [_("Say whether the record is published.")]})
    return value


@transaction.atomic
def set_published[V: Versioned](
    *,
    record: V,
    actor: Actor,
    published: Any,
    expected_version: int | None,
    recorder: Recorder | None = None,
) -> V:
    """Publish (True) or unpublish (False) `record`; refused with StaleVersion when it
    changed since `expected_version`. Recorded as "published" or "unpublished" in the
    record's own history, or as `recorder` says (a part recorded in its parent's history).
    Setting the value it already has writes nothing."""
    require_role(actor, Role.OFFICER)
    flag = require_flag(published)
    model = type(record)
    current: V = model._default_manager.select_for_update().get(pk=record.pk)
    check_version(current, expected_version)
    if getattr(current, "published") == flag:  # noqa: B009 (the field every kind has)
        return current
    setattr(current, "published", flag)  # noqa: B010
    current.version += 1
    current.save(update_fields=["published", "version", "updated_at"])
    action = "published" if flag else "unpublished"
    changes = {"published": [not flag, flag]}
    if recorder is not None:
        recorder(current, action, changes)
    else:
        record_event(target=current, actor=actor, action=action, changes=changes)
    record.__dict__.update({"published": flag, "version": current.version})
    return current


@dataclass(frozen=True)
class Publishable:
    """A kind of record the toggle may publish: its model, its service and where the
    record's page is (for the way back after the toggle)."""

    kind: str
    model: type[Versioned]
    publish: Callable[..., Any]
    page: Callable[[Any], str]


_kinds: dict[str, Publishable] = {}


def register_publishable(
    kind: str,
    model: type[Versioned],
    publish: Callable[..., Any],
    *,
    page: Callable[[Any], str],
) -> None:
    """From an app's `AppConfig.ready()`: the toggle may publish this kind; `page` gives
    the address of the record's page (where the toggle returns)."""
    _kinds[kind] = Publishable(kind, model, publish, page)


def publishable(kind: str) -> Publishable | None:
    return _kinds.get(kind)


def publishable_kinds() -> list[str]:
    return sorted(_kinds)
