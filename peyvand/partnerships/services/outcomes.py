"""Writes of the outcomes an activity delivered."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.core.validation import create_valid, validate_fields
from peyvand.records.history import check_version, diff, named, plain, record_event, subject_of

from .. import selectors
from ..models import (
    Activity,
    Outcome,
    OutcomeKind,
    Partnership,
)
from .access import require_activity_editor
from .health import health_refresh

OUTCOME_FIELDS = ("kind", "value", "unit", "note")


CENTS = Decimal("0.01")


def _cents(value: Decimal | float | str | None) -> Decimal | None:
    """The value in cents; None for no value or one that is not a finite number (the
    field's own rule then refuses more digits than it holds)."""
    if value is None:
        return None
    try:
        amount = Decimal(str(value))
        return amount.quantize(CENTS) if amount.is_finite() else None
    except (InvalidOperation, ValueError):
        return None


def _outcome_values(
    kind: str, value: Decimal | float | None, unit: str, note: str
) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    if not kind:
        errors["kind"] = [_("Choose the kind of outcome (a value or unit alone says nothing).")]
    elif kind not in OutcomeKind.values:
        errors["kind"] = [_("Choose a valid kind of outcome.")]
    # In cents, as stored: 2 and 2.00 are the same value (no change, no new version).
    amount = _cents(value)
    if value is not None and amount is None:
        errors["value"] = [_("Enter a number.")]
    elif amount is not None and amount < 0:
        errors["value"] = [_("The value cannot be negative.")]
    if errors:
        raise ValidationError(errors)
    return {"kind": kind, "value": amount, "unit": unit.strip(), "note": note.strip()}


def _outcome_create(
    *,
    activity: Activity,
    kind: str,
    value: Decimal | float | None = None,
    unit: str = "",
    note: str = "",
) -> Outcome:
    return create_valid(
        Outcome,
        office_id=activity.office_id,
        activity=activity,
        **_outcome_values(kind, value, unit, note),
    )


def _outcome_snapshot(outcome: Outcome) -> dict[str, Any]:
    return {name: plain(getattr(outcome, name)) for name in OUTCOME_FIELDS}


@transaction.atomic
def outcome_add(
    *,
    activity: Activity,
    actor: Actor,
    kind: str,
    value: Decimal | float | None = None,
    unit: str = "",
    note: str = "",
) -> Outcome:
    require_role(actor, Role.LIAISON)
    require_activity_editor(actor, activity)
    outcome = _outcome_create(activity=activity, kind=kind, value=value, unit=unit, note=note)
    partnerships = selectors.pacts_of_activity(activity)
    for p in partnerships:
        record_event(
            target=p,
            actor=actor,
            action="outcome_added",
            changes={"outcome": [None, named(outcome)], "activity": activity.title},
            subject=subject_of(outcome),
            subject_version=outcome.version,
        )
    health_refresh(partnerships=partnerships)
    return outcome


@transaction.atomic
def outcome_update(
    *,
    outcome: Outcome,
    actor: Actor,
    kind: str,
    value: Decimal | float | None = None,
    unit: str = "",
    note: str = "",
    expected_version: int | None = None,
) -> Outcome:
    """Correct an outcome (whoever may edit its activity); refused with StaleVersion if it
    changed since `expected_version`. Scores are refreshed."""
    current = Outcome.objects.select_for_update().select_related("activity").get(pk=outcome.pk)
    activity = current.activity
    require_activity_editor(actor, activity)
    check_version(current, expected_version)
    before = _outcome_snapshot(current)
    for name, new in _outcome_values(kind, value, unit, note).items():
        setattr(current, name, new)
    changes = diff(before, _outcome_snapshot(current))
    partnerships = selectors.pacts_of_activity(activity)
    if changes:
        current.version += 1
        validate_fields(current)
        current.save(update_fields=[*OUTCOME_FIELDS, "version", "updated_at"])
        for p in partnerships:
            record_event(
                target=p,
                actor=actor,
                action="outcome_updated",
                changes={"activity": activity.title, **changes},
                subject=subject_of(current),
                subject_version=current.version,
            )
    health_refresh(partnerships=partnerships)
    return current


@transaction.atomic
def outcome_delete(
    *, outcome: Outcome, actor: Actor, expected_version: int | None = None
) -> list[Partnership]:
    """Remove an outcome (whoever may edit its activity); refused with StaleVersion if it
    changed since `expected_version`. Scores are refreshed."""
    current = Outcome.objects.select_for_update().select_related("activity").get(pk=outcome.pk)
    activity = current.activity
    require_activity_editor(actor, activity)
    check_version(current, expected_version, deleting=True)
    partnerships = selectors.pacts_of_activity(activity)
    before = _outcome_snapshot(current)
    subject, version = subject_of(current), current.version
    current.delete()
    for p in partnerships:
        record_event(
            target=p,
            actor=actor,
            action="outcome_removed",
            changes={
                "activity": activity.title,
                **{name: [old, None] for name, old in before.items() if old not in (None, "")},
            },
            subject=subject,
            subject_version=version,
        )
    health_refresh(partnerships=partnerships)
    return partnerships
