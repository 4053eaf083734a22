"""Writes of what a membership obliges the office to do by a date: add, edit, mark done,
delete."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.core.validation import validate_fields
from peyvand.records.history import check_version, diff, plain, record_event, subject_of

from ..models import Membership, Obligation, ObligationKind

OBLIGATION_FIELDS = ("kind", "title", "due_on", "done_on")


def _snapshot(o: Obligation) -> dict[str, Any]:
    return {name: plain(getattr(o, name)) for name in OBLIGATION_FIELDS}


def _validate(o: Obligation) -> None:
    o.title = (o.title or "").strip()
    errors: dict[str, list[str]] = {}
    if o.kind not in ObligationKind.values:
        errors["kind"] = [_("Choose a valid kind of obligation.")]
    if not o.title:
        errors["title"] = [_("Give the obligation a title.")]
    if o.due_on is None:
        errors["due_on"] = [_("Give the date the obligation is due.")]
    if errors:
        raise ValidationError(errors)
    validate_fields(o)


@transaction.atomic
def obligation_create(
    *,
    membership: Membership,
    actor: Actor,
    kind: str,
    title: str,
    due_on: dt.date | None,
    done_on: dt.date | None = None,
) -> Obligation:
    require_role(actor, Role.OFFICER)
    obligation = Obligation(
        office_id=membership.office_id,
        membership=membership,
        kind=kind,
        title=title,
        done_on=done_on,
    )
    obligation.due_on = due_on  # type: ignore[assignment]  # None is refused below
    _validate(obligation)
    obligation.save()
    record_event(
        target=membership,
        actor=actor,
        action="obligation_added",
        changes={
            "obligation": [None, obligation.title],
            "kind": [None, obligation.kind],
            "due_on": [None, plain(obligation.due_on)],
            "done_on": [None, plain(obligation.done_on)],
        },
        subject=subject_of(obligation),
        subject_version=obligation.version,
    )
    return obligation


def _lock(obligation: Obligation) -> Obligation:
    locked: Obligation = (
        Obligation.objects.select_for_update(of=("self",))
        .select_related("membership")
        .get(pk=obligation.pk)
    )
    return locked


@transaction.atomic
def obligation_update(
    *,
    obligation: Obligation,
    actor: Actor,
    data: dict[str, Any],
    expected_version: int | None = None,
    action: str = "obligation_updated",
) -> Obligation:
    require_role(actor, Role.OFFICER)
    current = _lock(obligation)
    check_version(current, expected_version)
    before = _snapshot(current)
    for name, value in data.items():
        if name not in OBLIGATION_FIELDS:
            raise ValueError(f"not an editable field: {name}")
        setattr(current, name, value)
    _validate(current)
    changes = diff(before, _snapshot(current))
    if changes:
        current.version += 1
        current.save()
        record_event(
            target=current.membership,
            actor=actor,
            action=action,
            changes={"obligation": current.title, **changes},
            subject=subject_of(current),
            subject_version=current.version,
        )
    obligation.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return current


def obligation_mark_done(
    *,
    obligation: Obligation,
    actor: Actor,
    done_on: dt.date | None = None,
    expected_version: int | None = None,
) -> Obligation:
    """Mark the obligation done (today unless a day is given); it raises no alert after."""
    return obligation_update(
        obligation=obligation,
        actor=actor,
        data={"done_on": done_on or timezone.localdate()},
        expected_version=expected_version,
        action="obligation_done",
    )


@transaction.atomic
def obligation_delete(
    *, obligation: Obligation, actor: Actor, expected_version: int | None = None
) -> None:
    require_role(actor, Role.OFFICER)
    current = _lock(obligation)
    check_version(current, expected_version, deleting=True)
    record_event(
        target=current.membership,
        actor=actor,
        action="obligation_deleted",
        changes={"obligation": [current.title, None]},
        subject=subject_of(current),
        subject_version=current.version + 1,
    )
    current.delete()
