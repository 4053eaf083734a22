"""Writes of the parties interested in a pitch and their follow-ups, each recorded in the
pitch's history (the entries name the party as their subject)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Role
from peyvand.missions.models import Contact
from peyvand.organizations.models import Organization
from peyvand.partnerships.models import Partnership
from peyvand.places.models import City
from peyvand.records.history import check_version, named, plain, record_event, subject_of

from ..models import InterestedParty, PartyFollowUp, Pitch
from .common import Errors, finish

PARTY_FIELDS = ("contact", "organization", "city", "note")


def _validate(party: InterestedParty) -> None:
    """Exactly one contact (of this office), organisation or partner city (of one of this
    office's pacts), not already listed on the pitch."""
    errors: Errors = {}
    party.note = (party.note or "").strip()
    chosen = [x for x in (party.contact_id, party.organization_id, party.city_id) if x is not None]
    if len(chosen) != 1:
        errors["__all__"] = [
            _("Choose one interested party: a contact, an organisation or a partner city.")
        ]
    elif party.contact is not None and party.contact.office_id != party.office_id:
        errors["contact"] = [_("Choose a contact of this office.")]
    elif (
        party.city_id is not None
        and not Partnership.objects.filter(
            office_id=party.office_id, partner_city_id=party.city_id
        ).exists()
    ):
        errors["city"] = [_("Choose the partner city of one of this office's partnerships.")]
    else:
        who: dict[str, Any] = {
            "contact_id": party.contact_id,
            "organization_id": party.organization_id,
            "city_id": party.city_id,
        }
        same = InterestedParty.objects.filter(pitch_id=party.pitch_id, **who).exclude(pk=party.pk)
        if same.exists():
            errors["__all__"] = [_("This party is already listed as interested in the pitch.")]
    finish(errors, party)


def _record(party: InterestedParty, actor: Actor, action: str, changes: dict[str, Any]) -> None:
    record_event(
        target=party.pitch,
        actor=actor,
        action=action,
        changes=changes,
        subject=subject_of(party),
        subject_version=party.version,
    )


def _who(party: InterestedParty) -> dict[str, Any] | None:
    who = party.contact or party.organization or party.city
    return named(who) if who is not None else None


@transaction.atomic
def party_add(
    *,
    pitch: Pitch,
    actor: Actor,
    contact: Contact | None = None,
    organization: Organization | None = None,
    city: City | None = None,
    note: str = "",
) -> InterestedParty:
    """Someone interested in the pitch (officer and up)."""
    require_role(actor, Role.OFFICER)
    party = InterestedParty(
        office_id=pitch.office_id,
        pitch=pitch,
        contact=contact,
        organization=organization,
        city=city,
        note=note,
    )
    _validate(party)
    party.save()
    changes = {"party": [None, _who(party)], "note": [None, party.note]}
    _record(party, actor, "party_added", changes)
    return party


@transaction.atomic
def party_update(
    *,
    party: InterestedParty,
    actor: Actor,
    changes: dict[str, Any],
    expected_version: int | None = None,
) -> InterestedParty:
    """Change who it is or the note; refused as stale if it changed since
    `expected_version`."""
    require_role(actor, Role.OFFICER)
    unknown = set(changes) - set(PARTY_FIELDS)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed.")] for name in unknown})
    current: InterestedParty = (
        InterestedParty.objects.select_for_update(of=("self",))
        .select_related("pitch", "contact", "organization", "city")
        .get(pk=party.pk)
    )
    check_version(current, expected_version)
    before = {"party": _who(current), "note": current.note}
    for name, value in changes.items():
        setattr(current, name, value)
    _validate(current)
    after = {"party": _who(current), "note": current.note}
    changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changed:
        current.version += 1
        current.save()
        _record(current, actor, "party_updated", changed)
    return current


@transaction.atomic
def party_delete(
    *, party: InterestedParty, actor: Actor, expected_version: int | None = None
) -> None:
    """Remove a party and its follow-ups from the pitch (recorded in its history)."""
    require_role(actor, Role.OFFICER)
    current: InterestedParty = (
        InterestedParty.objects.select_for_update(of=("self",))
        .select_related("pitch")
        .get(pk=party.pk)
    )
    check_version(current, expected_version, deleting=True)
    current.version += 1
    _record(current, actor, "party_removed", {"party": [_who(current), None]})
    current.delete()


@transaction.atomic
def follow_up_add(
    *, party: InterestedParty, actor: Actor, date: dt.date | None, note: str
) -> PartyFollowUp:
    """A dated step with the party: what is to be done, and when."""
    require_role(actor, Role.OFFICER)
    errors: Errors = {}
    note = " ".join((note or "").split())
    if date is None:
        errors["date"] = [_("Give the day of the follow-up.")]
    if not note:
        errors["note"] = [_("Say what the follow-up is.")]
    row = PartyFollowUp(office_id=party.office_id, party=party, note=note)
    row.date = date  # type: ignore[assignment]  # None is refused below
    finish(errors, row)
    row.save()
    _record(
        party,
        actor,
        "follow_up_added",
        {"follow_up": [None, note], "date": [None, plain(row.date)]},
    )
    return row


@transaction.atomic
def follow_up_done(*, follow_up: PartyFollowUp, actor: Actor) -> PartyFollowUp:
    """Mark a follow-up done (once; marking it again changes nothing)."""
    require_role(actor, Role.OFFICER)
    row: PartyFollowUp = (
        PartyFollowUp.objects.select_for_update(of=("self",))
        .select_related("party__pitch")
        .get(pk=follow_up.pk)
    )
    if not row.done:
        row.done = True
        row.save(update_fields=["done"])
        _record(row.party, actor, "follow_up_done", {"follow_up": [None, row.note]})
    return row
