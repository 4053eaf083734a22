"""Writes of the office's events: create, edit, delete (refused while a mission is
linked to the event)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, Role
from peyvand.core.validation import NotAllowedNow, validate_fields
from peyvand.partnerships.models import CooperationArea
from peyvand.records.history import check_version, diff, plain, record_event, subject_of

from ..models import Event, EventKind
from .publishing import event_publish

# Fields of an event that users edit and that the history records.
EVENT_FIELDS = (
    "title_fa",
    "title_en",
    "kind",
    "organizer_organization",
    "organizer_city",
    "host_city",
    "starts_on",
    "ends_on",
    "website",
    "description",
)


def _snapshot(event: Event) -> dict[str, Any]:
    data = {name: plain(getattr(event, name)) for name in EVENT_FIELDS}
    data["areas"] = sorted(a.code for a in event.areas.all()) if event.pk else []
    return data


def _validate(event: Event) -> None:
    errors: dict[str, list[Any]] = {}
    event.title_fa = " ".join((event.title_fa or "").split())
    event.title_en = " ".join((event.title_en or "").split())
    event.website = (event.website or "").strip()
    if not event.title_fa and not event.title_en:
        errors["title_fa"] = [_("Give the event's title in Persian or in English.")]
    if event.organizer_organization_id is not None and event.organizer_city_id is not None:
        errors["organizer_city"] = [
            _("The organiser is an organisation or a city, not both: clear one of them.")
        ]
    if event.starts_on is None:
        errors["starts_on"] = [_("Give the day the event starts.")]
    if event.ends_on is None:
        errors["ends_on"] = [_("Give the day the event ends.")]
    if event.starts_on and event.ends_on and event.ends_on < event.starts_on:
        errors["ends_on"] = [_("The event cannot end before it starts.")]
    try:
        validate_fields(event, exclude=list(errors))
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _record(event: Event, actor: Actor, action: str, changes: dict[str, Any]) -> None:
    """An event keeps no history page of its own: its entries name it as their subject,
    which is what a refused stale edit shows as changed meanwhile."""
    record_event(
        target=event,
        actor=actor,
        action=f"event_{action}",
        changes=changes,
        subject=subject_of(event),
        subject_version=event.version,
    )


@transaction.atomic
def event_create(
    *,
    office: Office,
    actor: Actor,
    starts_on: dt.date,
    ends_on: dt.date,
    title_fa: str = "",
    title_en: str = "",
    kind: str = EventKind.CONFERENCE,
    organizer_organization: Any = None,
    organizer_city: Any = None,
    host_city: Any = None,
    areas: Iterable[CooperationArea] = (),
    website: str = "",
    description: str = "",
    is_demo: bool = False,
) -> Event:
    require_role(actor, Role.OFFICER)
    event = Event(
        office=office,
        title_fa=title_fa,
        title_en=title_en,
        kind=kind,
        organizer_organization=organizer_organization,
        organizer_city=organizer_city,
        host_city=host_city,
        starts_on=starts_on,
        ends_on=ends_on,
        website=website,
        description=description,
        is_demo=is_demo,
    )
    _validate(event)
    event.save()
    event.areas.set(list(areas))
    _record(event, actor, "created", diff({}, _snapshot(event)))
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    actor: Actor,
    expected_version: int | None,
    data: dict[str, Any],
) -> Event:
    """Change an event; refused with StaleVersion if it changed since `expected_version`.
    `data` holds fields of EVENT_FIELDS and, optionally, "areas" and "published" (which
    goes through `event_publish`)."""
    require_role(actor, Role.OFFICER)
    current: Event = Event.objects.select_for_update().get(pk=event.pk)
    check_version(current, expected_version)
    before = _snapshot(current)
    publish = "published" in data
    published = data.pop("published", None)
    areas = data.pop("areas", None)
    if publish and not data and areas is None:
        current = event_publish(record=current, actor=actor, published=published)
        event.__dict__.update({"published": current.published, "version": current.version})
        return current
    for name, value in data.items():
        if name not in EVENT_FIELDS:
            raise ValueError(f"not an editable field: {name}")
        setattr(current, name, value)
    _validate(current)
    current.version += 1
    current.save()
    if areas is not None:
        current.areas.set(list(areas))
    _record(current, actor, "updated", diff(before, _snapshot(current)))
    if publish:
        current = event_publish(record=current, actor=actor, published=published)
    event.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return current


@transaction.atomic
def event_delete(*, event: Event, actor: Actor, expected_version: int | None = None) -> None:
    """Delete an event; refused (NotAllowedNow) while a mission of the office is linked
    to it: the mission would lose what it went to."""
    require_role(actor, Role.OFFICER)
    current = Event.objects.select_for_update().get(pk=event.pk)
    check_version(current, expected_version, deleting=True)
    if current.missions.exists():
        raise NotAllowedNow(
            _(
                "This event cannot be deleted: missions are linked to it. Remove the event "
                "from those missions first."
            )
        )
    _record(current, actor, "deleted", {"title": [current.title, None]})
    current.delete()
