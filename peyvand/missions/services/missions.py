"""Writes of a mission: create, edit (optimistic locking), its participants, objectives
and documents. The workflow is `transitions.py`, the trip report `reports.py`, the
activities a completed mission keeps on its pacts `sync.py`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Department, Office, OfficeMembership, Role
from peyvand.core.uploads import check_upload, stored_name
from peyvand.core.validation import NotAllowedNow, create_valid, validate_fields
from peyvand.partnerships.models import Partnership
from peyvand.places.models import City
from peyvand.records.binning import put_in_bin, take_from_bin
from peyvand.records.history import check_version, diff, plain, record_event, subject_of

from ..models import (
    Contact,
    Direction,
    Event,
    Mission,
    MissionDocument,
    MissionDocumentKind,
    MissionStatus,
    Objective,
    Participant,
)
from ..models.missions import OBJECTIVES_MAX
from .publishing import mission_publish
from .sync import sync_activities

# The fields of a mission a form or the API may set (relations apart).
MISSION_FIELDS = (
    "direction",
    "title_fa",
    "title_en",
    "purpose",
    "start_date",
    "end_date",
    "budget_planned",
    "budget_actual",
    "budget_currency",
    "public_summary_fa",
    "public_summary_en",
)
# Relations set with the fields.
MISSION_RELATIONS = ("cities", "event", "partnerships", "objectives", "participants")
# A mission cancelled is closed: nothing of it changes any more.
CLOSED = (MissionStatus.CANCELLED,)
CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class ParticipantIn:
    """Who takes part: a member of the office (with department and role) or a contact."""

    membership: OfficeMembership | None = None
    contact: Contact | None = None
    department: Department | None = None
    role: str = ""


def _check_rules(office: Office, values: Mapping[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    if not (values["title_fa"] or "").strip() and not (values["title_en"] or "").strip():
        errors["title_fa"] = [_("Give the mission a title in Persian or in English.")]
    if values["direction"] not in Direction.values:
        errors["direction"] = [_("Choose whether the delegation goes out or comes in.")]
    start, end = values["start_date"], values["end_date"]
    if start is None:
        errors["start_date"] = [_("Give the first day of the mission.")]
    if end is None:
        errors["end_date"] = [_("Give the last day of the mission.")]
    elif start is not None and end < start:
        errors["end_date"] = [_("The mission cannot end before it starts.")]
    budget = [values.get("budget_planned"), values.get("budget_actual")]
    currency = values.get("budget_currency") or ""
    if any(b is not None for b in budget) and not currency:
        errors["budget_currency"] = [_("Give the currency of the budget (such as IRR or EUR).")]
    elif currency and not CURRENCY.match(currency):
        errors["budget_currency"] = [_("Give the currency as its three-letter code (EUR).")]
    event = values.get("event")
    if event is not None and event.office_id != office.pk:
        errors["event"] = [_("Choose an event of this office.")]
    if any(p.office_id != office.pk for p in values.get("partnerships", ())):
        errors["partnerships"] = [_("A mission can only concern this office's partnerships.")]
    objectives = values.get("objectives", [])
    if len(objectives) > OBJECTIVES_MAX:
        errors["objectives"] = [
            _("A mission has at most %(max)s objectives.") % {"max": OBJECTIVES_MAX}
        ]
    elif any(len(text) > 500 for text in objectives):
        errors["objectives"] = [_("Keep each objective within 500 characters.")]
    for n, person in enumerate(values.get("participants", [])):
        if (person.membership is None) == (person.contact is None):
            errors[f"participants.{n}"] = [_("Choose a member of the office or a contact.")]
        elif person.membership is not None and person.membership.office_id != office.pk:
            errors[f"participants.{n}"] = [_("Choose a member of this office.")]
        elif person.contact is not None and person.contact.office_id != office.pk:
            errors[f"participants.{n}"] = [_("Choose a contact of this office.")]
        elif person.department is not None and person.department.office_id != office.pk:
            errors[f"participants.{n}"] = [_("Choose a department of this office.")]
        elif len(person.role) > 120:
            errors[f"participants.{n}"] = [_("Keep the role within 120 characters.")]
    if errors:
        raise ValidationError(errors)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    for name in ("title_fa", "title_en", "public_summary_fa", "public_summary_en"):
        values[name] = (values.get(name) or "").strip()
    values["budget_currency"] = (values.get("budget_currency") or "").strip().upper()
    values["objectives"] = [t.strip() for t in values.get("objectives", []) if t and t.strip()]
    return values


def _set_relations(mission: Mission, values: Mapping[str, Any]) -> None:
    if "cities" in values:
        mission.cities.set(list(values["cities"]))
    if "partnerships" in values:
        mission.partnerships.set(list(values["partnerships"]))
    if "objectives" in values:
        _set_objectives(mission, values["objectives"])
    if "participants" in values:
        mission.participants.all().delete()
        Participant.objects.bulk_create(
            Participant(
                office_id=mission.office_id,
                mission=mission,
                user=p.membership.user if p.membership else None,
                contact=p.contact,
                department=p.department
                or (p.membership.department if p.membership is not None else None),
                role=p.role.strip(),
            )
            for p in values["participants"]
        )


def _set_objectives(mission: Mission, texts: Sequence[str]) -> None:
    """Keep the objectives already there (and their outcomes) where the text is the same."""
    existing = {o.text: o for o in mission.objectives.all()}
    keep: list[int] = []
    for order, text in enumerate(texts):
        row = existing.pop(text, None)
        if row is None:
            row = create_valid(
                Objective, office_id=mission.office_id, mission=mission, order=order, text=text
            )
        elif row.order != order:
            row.order = order
            row.save(update_fields=["order"])
        keep.append(row.pk)
    mission.objectives.exclude(pk__in=keep).delete()


def _snapshot(m: Mission) -> dict[str, Any]:
    return {
        "direction": m.direction,
        "title_fa": m.title_fa,
        "title_en": m.title_en,
        "purpose": m.purpose,
        "start_date": plain(m.start_date),
        "end_date": plain(m.end_date),
        "budget_planned": plain(m.budget_planned),
        "budget_actual": plain(m.budget_actual),
        "budget_currency": m.budget_currency,
        "public_summary_fa": m.public_summary_fa,
        "public_summary_en": m.public_summary_en,
        "event": plain(m.event),
        "cities": sorted(str(c) for c in m.cities.all()),
        "partnerships": sorted(str(p.partner_city) for p in m.partnerships.all()),
        "objectives": [o.text for o in m.objectives.all()],
        "participants": sorted(
            str(p.contact or p.user or "") for p in m.participants.select_related("user", "contact")
        ),
    }


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@transaction.atomic
def mission_create(
    *,
    office: Office,
    actor: Actor,
    title_fa: str = "",
    title_en: str = "",
    direction: str = Direction.OUTGOING,
    purpose: str = "",
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    cities: Iterable[City] = (),
    event: Event | None = None,
    partnerships: Iterable[Partnership] = (),
    objectives: Sequence[str] = (),
    participants: Sequence[ParticipantIn] = (),
    budget_planned: Decimal | float | None = None,
    budget_actual: Decimal | float | None = None,
    budget_currency: str = "",
    public_summary_fa: str = "",
    public_summary_en: str = "",
    is_demo: bool = False,
) -> Mission:
    """A new mission, as a draft (officer and up); it is not published."""
    require_role(actor, Role.OFFICER)
    values = _clean(
        {
            "direction": direction,
            "title_fa": title_fa,
            "title_en": title_en,
            "purpose": purpose,
            "start_date": start_date,
            "end_date": end_date,
            "budget_planned": _decimal(budget_planned),
            "budget_actual": _decimal(budget_actual),
            "budget_currency": budget_currency,
            "public_summary_fa": public_summary_fa,
            "public_summary_en": public_summary_en,
            "event": event,
            "cities": list(cities),
            "partnerships": list(partnerships),
            "objectives": list(objectives),
            "participants": list(participants),
        }
    )
    _check_rules(office, values)
    mission = create_valid(
        Mission,
        office=office,
        created_by=actor.user,
        is_demo=is_demo,
        event=event,
        **{name: values[name] for name in MISSION_FIELDS},
    )
    _set_relations(mission, values)
    record_event(target=mission, actor=actor, action="created", changes={"status": [None, "draft"]})
    return mission


@transaction.atomic
def mission_update(
    *,
    mission: Mission,
    actor: Actor,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> Mission:
    """Change what `changes` names (fields of MISSION_FIELDS and MISSION_RELATIONS; the
    rest stays); refused with StaleVersion if the mission changed since
    `expected_version`. A completed or reported mission keeps its pacts' activities in
    step; a cancelled one is closed. `published` goes through `mission_publish`."""
    require_role(actor, Role.OFFICER)
    changes = dict(changes)
    publish = "published" in changes
    published = changes.pop("published", None)
    unknown = set(changes) - set(MISSION_FIELDS) - set(MISSION_RELATIONS)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed.")] for name in unknown})
    current: Mission = Mission.objects.select_for_update().get(pk=mission.pk)
    check_version(current, expected_version)
    if current.status in CLOSED:
        raise NotAllowedNow(_("A cancelled mission can no longer be edited."))
    values: dict[str, Any] = {name: getattr(current, name) for name in MISSION_FIELDS}
    values.update(
        {
            "event": current.event,
            "partnerships": list(current.partnerships.all()),
            "objectives": [o.text for o in current.objectives.all()],
        }
    )
    values.update(changes)
    for name in ("budget_planned", "budget_actual"):
        values[name] = _decimal(values[name])
    values = _clean(values)
    _check_rules(current.office, values)
    before = _snapshot(current)
    for name in MISSION_FIELDS:
        setattr(current, name, values[name])
    current.event = values["event"]
    _set_relations(current, {k: values[k] for k in changes if k in MISSION_RELATIONS})
    changed = diff(before, _snapshot(current))
    if changed:
        current.version += 1
        validate_fields(current)
        current.save()
        record_event(target=current, actor=actor, action="updated", changes=changed)
        sync_activities(mission=current, actor=actor)
    if publish:
        current = mission_publish(record=current, actor=actor, published=published)
    return current


@transaction.atomic
def document_add(
    *, mission: Mission, actor: Actor, kind: str, upload: UploadedFile[bytes]
) -> MissionDocument:
    """Attach an agenda, an invitation, a visa letter (the upload rules of agreements)."""
    require_role(actor, Role.OFFICER)
    if kind not in MissionDocumentKind.values:
        raise ValidationError({"kind": [_("Choose what kind of document this is.")]})
    if mission.status in CLOSED:
        raise NotAllowedNow(_("A cancelled mission can no longer be edited."))
    try:
        content_type, extension = check_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    name = stored_name(upload.name, extension)
    row = MissionDocument(
        office_id=mission.office_id,
        mission=mission,
        kind=kind,
        original_name=name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor.user,
    )
    validate_fields(row, exclude=["file"])
    row.file.save(name, upload, save=False)
    row.save()
    record_event(
        target=mission,
        actor=actor,
        action="document_added",
        changes={"document": [None, name]},
        subject=subject_of(row),
    )
    return row


@transaction.atomic
def document_delete(*, document: MissionDocument, actor: Actor) -> None:
    """Remove a document (recorded; the stored file goes after commit)."""
    require_role(actor, Role.OFFICER)
    row = MissionDocument.objects.select_for_update().select_related("mission").get(pk=document.pk)
    name, storage = row.file.name, row.file.storage
    record_event(
        target=row.mission,
        actor=actor,
        action="document_removed",
        changes={"document": [row.original_name, None]},
        subject=subject_of(row),
    )
    row.delete()

    def delete_stored() -> None:
        if name and storage.exists(name):
            storage.delete(name)

    transaction.on_commit(delete_stored, robust=True)


@transaction.atomic
def mission_delete(
    *, mission: Mission, actor: Actor, expected_version: int | None = None
) -> Mission:
    """Put a mission in the bin with its objectives, participants, documents and trip
    report (officer and up; restorable for 90 days, decision 0020); refused with
    StaleVersion if it changed since `expected_version`. The activities and commitments
    it created on its pacts stay there: they are the pacts' record of what was done."""
    require_role(actor, Role.OFFICER)
    return put_in_bin(record=mission, actor=actor, expected_version=expected_version)


@transaction.atomic
def mission_restore(*, mission: Mission, actor: Actor) -> Mission:
    """Bring a mission back from the bin with everything it had (officer and up)."""
    require_role(actor, Role.OFFICER)
    return take_from_bin(record=mission, actor=actor)
