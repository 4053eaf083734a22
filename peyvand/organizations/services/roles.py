"""Writes of the seats and roles the city holds in an organisation, for a term."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.core.validation import validate_fields
from peyvand.records.history import check_version, diff, plain, record_event, subject_of

from ..models import Membership, RoleHeld, SeatKind

ROLE_FIELDS = ("kind", "title", "term_start", "term_end")


def _snapshot(r: RoleHeld) -> dict[str, Any]:
    return {name: plain(getattr(r, name)) for name in ROLE_FIELDS}


def _validate(r: RoleHeld) -> None:
    r.title = (r.title or "").strip()
    if r.kind not in SeatKind.values:
        raise ValidationError({"kind": [_("Choose a valid seat or role.")]})
    validate_fields(r)
    if r.term_start and r.term_end and r.term_end < r.term_start:
        raise ValidationError({"term_end": [_("The term cannot end before it starts.")]})


def _label(r: RoleHeld) -> dict[str, Any]:
    """The seat as the history names it, its kind in the reader's language."""
    labels = {}
    for lang in ("fa", "en"):
        with translation.override(lang):
            kind = str(r.get_kind_display())
            labels[lang] = f"{kind}: {r.title}" if r.title else kind
    return {"id": r.pk, "label": labels["en"], "label_fa": labels["fa"], "label_en": labels["en"]}


@transaction.atomic
def role_create(
    *,
    membership: Membership,
    actor: Actor,
    kind: str,
    title: str = "",
    term_start: dt.date | None = None,
    term_end: dt.date | None = None,
) -> RoleHeld:
    require_role(actor, Role.OFFICER)
    role = RoleHeld(
        office_id=membership.office_id,
        membership=membership,
        kind=kind,
        title=title,
        term_start=term_start,
        term_end=term_end,
    )
    _validate(role)
    role.save()
    record_event(
        target=membership,
        actor=actor,
        action="role_added",
        changes={  # the label names the seat and its title
            "role": [None, _label(role)],
            "term_start": [None, plain(role.term_start)],
            "term_end": [None, plain(role.term_end)],
        },
        subject=subject_of(role),
        subject_version=role.version,
    )
    return role


@transaction.atomic
def role_update(
    *,
    role: RoleHeld,
    actor: Actor,
    data: dict[str, Any],
    expected_version: int | None = None,
) -> RoleHeld:
    require_role(actor, Role.OFFICER)
    current: RoleHeld = (
        RoleHeld.objects.select_for_update().select_related("membership").get(pk=role.pk)
    )
    check_version(current, expected_version)
    before = _snapshot(current)
    for name, value in data.items():
        if name not in ROLE_FIELDS:
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
            action="role_updated",
            changes={"role": _label(current), **changes},
            subject=subject_of(current),
            subject_version=current.version,
        )
    role.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return current


@transaction.atomic
def role_delete(*, role: RoleHeld, actor: Actor, expected_version: int | None = None) -> None:
    require_role(actor, Role.OFFICER)
    current = RoleHeld.objects.select_for_update().select_related("membership").get(pk=role.pk)
    check_version(current, expected_version, deleting=True)
    record_event(
        target=current.membership,
        actor=actor,
        action="role_deleted",
        changes={"role": [_label(current), None]},
        subject=subject_of(current),
        subject_version=current.version + 1,
    )
    current.delete()
