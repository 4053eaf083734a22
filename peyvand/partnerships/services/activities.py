"""Writes of activities: logged under one or more pacts, corrected, deleted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.core.validation import create_valid, validate_fields
from peyvand.records.binning import put_in_bin, take_from_bin
from peyvand.records.history import check_version, diff, plain, record_event, subject_of

from .. import selectors
from ..models import (
    Activity,
    ActivityKind,
    CooperationArea,
    InitiatedBy,
    Partnership,
)
from .access import require_activity_editor
from .health import health_refresh
from .outcomes import _outcome_create


def _validate_activity(
    *,
    office: Office,
    partnerships: Sequence[Partnership],
    date: dt.date,
    kind: str,
    initiated_by: str,
    title: str,
    participants: int | None,
    today: dt.date | None,
) -> None:
    errors: dict[str, list[str]] = {}
    if not partnerships:
        errors["partnerships"] = [_("Choose at least one partnership.")]
    if any(p.office_id != office.pk for p in partnerships):
        errors["partnerships"] = [_("An activity can only concern this office's partnerships.")]
    if kind not in ActivityKind.values:
        errors["kind"] = [_("Choose a valid kind.")]
    if initiated_by not in InitiatedBy.values:
        errors["initiated_by"] = [_("Choose who initiated the activity.")]
    if not title.strip():
        errors["title"] = [_("Give the activity a title.")]
    if date > (today or timezone.localdate()) + dt.timedelta(days=366):
        errors["date"] = [_("The date is more than a year ahead.")]
    if participants is not None and participants < 0:
        errors["participants"] = [_("The number of participants cannot be negative.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_log(
    *,
    office: Office,
    actor: Actor,
    partnerships: Sequence[Partnership],
    date: dt.date,
    kind: str,
    title: str,
    initiated_by: str = "us",
    description: str = "",
    areas: Iterable[CooperationArea] = (),
    participants: int | None = None,
    outcomes: Sequence[dict[str, Any]] = (),
    is_demo: bool = False,
    refresh: bool = True,
    today: dt.date | None = None,
) -> Activity:
    """Log one activity under one or more pacts of the same office (liaison and up)."""
    require_role(actor, Role.LIAISON)
    _validate_activity(
        office=office,
        partnerships=partnerships,
        date=date,
        kind=kind,
        initiated_by=initiated_by,
        title=title,
        participants=participants,
        today=today,
    )
    activity = create_valid(
        Activity,
        office=office,
        date=date,
        kind=kind,
        initiated_by=initiated_by,
        title=title.strip(),
        description=description,
        participants=participants,
        department=actor.department if actor.role == Role.LIAISON else None,
        created_by=actor.user,
        is_demo=is_demo,
    )
    activity.areas.set(list(areas))
    activity.partnerships.set(list(partnerships))
    for n, outcome in enumerate(outcomes):
        try:
            _outcome_create(activity=activity, **outcome)
        except ValidationError as exc:
            # Named by their place in the list: "outcomes.0.value" (the transaction is
            # rolled back: nothing of the activity is written).
            raise ValidationError(
                {f"outcomes.{n}.{name}": msgs for name, msgs in exc.message_dict.items()}
            ) from exc
    for p in partnerships:
        record_event(
            target=p,
            actor=actor,
            action="activity_logged",
            changes={"activity": [None, activity.title], "date": [None, date.isoformat()]},
            subject=subject_of(activity),
            subject_version=activity.version,
        )
    if refresh:
        health_refresh(partnerships=list(partnerships), today=today)
    return activity


# Fields of an activity that a correction saves (areas and pacts are relations).
ACTIVITY_FIELDS = (
    "date",
    "kind",
    "initiated_by",
    "title",
    "description",
    "participants",
)


def _activity_snapshot(activity: Activity) -> dict[str, Any]:
    return {
        "title": activity.title,
        "date": plain(activity.date),
        "kind": activity.kind,
        "initiated_by": activity.initiated_by,
        "description": activity.description,
        "participants": activity.participants,
        "areas": sorted(a.code for a in activity.areas.all()),
        "partnerships": [
            plain(p.partner_city)
            for p in activity.partnerships.select_related("partner_city").order_by("pk")
        ],
    }


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    actor: Actor,
    partnerships: Sequence[Partnership],
    date: dt.date,
    kind: str,
    title: str,
    initiated_by: str = "us",
    description: str = "",
    areas: Iterable[CooperationArea] = (),
    participants: int | None = None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Activity:
    """Correct a logged activity, re-linking it to pacts of the same office; refused with
    StaleVersion if it changed since `expected_version`.

    Every pact it concerned before or after records the change, and their scores are
    refreshed in this transaction.
    """
    current = Activity.objects.select_for_update().get(pk=activity.pk)
    require_activity_editor(actor, current)
    check_version(current, expected_version)
    _validate_activity(
        office=current.office,
        partnerships=partnerships,
        date=date,
        kind=kind,
        initiated_by=initiated_by,
        title=title,
        participants=participants,
        today=today,
    )
    earlier = selectors.pacts_of_activity(current)
    before = _activity_snapshot(current)
    current.date = date
    current.kind = kind
    current.initiated_by = initiated_by
    current.title = title.strip()
    current.description = description
    current.participants = participants
    current.areas.set(list(areas))
    current.partnerships.set(list(partnerships))
    changes = diff(before, _activity_snapshot(current))
    affected = {p.pk: p for p in [*earlier, *partnerships]}
    if changes:
        current.version += 1
        validate_fields(current)
        current.save(update_fields=[*ACTIVITY_FIELDS, "version", "updated_at"])
        for p in affected.values():
            record_event(
                target=p,
                actor=actor,
                action="activity_updated",
                changes={"activity": current.title, **changes},
                subject=subject_of(current),
                subject_version=current.version,
            )
    health_refresh(partnerships=list(affected.values()), today=today)
    return current


@transaction.atomic
def activity_delete(
    *,
    activity: Activity,
    actor: Actor,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> list[Partnership]:
    """Put a logged activity in the bin with its outcomes (officer and up: a log is a
    record; restorable for 90 days, decision 0020); refused with StaleVersion if it
    changed since `expected_version`.

    Recorded in the history of every pact it concerned; their scores are refreshed in the
    same transaction. Returns those pacts.
    """
    require_role(actor, Role.OFFICER)
    current = Activity.objects.select_for_update().get(pk=activity.pk)
    check_version(current, expected_version, deleting=True)
    pacts = selectors.pacts_of_activity(current)
    n_outcomes = current.outcomes.count()
    changes: dict[str, Any] = {
        "activity": [current.title, None],
        "date": [current.date.isoformat(), None],
    }
    if n_outcomes:
        changes["outcomes"] = [n_outcomes, None]
    put_in_bin(
        record=current,
        actor=actor,
        expected_version=None,
        recorder=_on_pacts(pacts, actor, "activity_deleted", changes),
    )
    health_refresh(partnerships=pacts, today=today)
    return pacts


def _on_pacts(
    pacts: Sequence[Partnership], actor: Actor, action: str, changes: dict[str, Any]
) -> Any:
    """An activity's change of bin state, recorded in the history of each of its pacts."""

    def recorder(current: Activity, _action: str, _changes: dict[str, Any]) -> None:
        for p in pacts:
            record_event(
                target=p,
                actor=actor,
                action=action,
                changes=changes,
                subject=subject_of(current),
                subject_version=current.version,
            )

    return recorder


@transaction.atomic
def activity_restore(
    *, activity: Activity, actor: Actor, today: dt.date | None = None
) -> list[Partnership]:
    """Bring an activity back from the bin with its outcomes (officer and up), onto the
    timelines of its pacts, whose scores are refreshed; refused while every pact it
    concerns is in the bin itself. Returns those pacts."""
    require_role(actor, Role.OFFICER)
    pacts = selectors.pacts_of_activity(activity)
    if not pacts:
        raise ValidationError(
            _("Every partnership this activity concerns is in the bin; restore one first."),
            code="no_live_pact",
        )
    changes = {"activity": [None, activity.title], "date": [None, activity.date.isoformat()]}
    take_from_bin(
        record=activity,
        actor=actor,
        recorder=_on_pacts(pacts, actor, "activity_restored", changes),
    )
    health_refresh(partnerships=pacts, today=today)
    return pacts
