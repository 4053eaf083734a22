"""What the missions API looks up by the ids a client sends, refused as field errors; a
record of another office is not found (404 for the mission itself)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from peyvand.accounts.models import Department, Office, OfficeMembership
from peyvand.partnerships.models import Partnership

from ..models import Contact, Event, Mission, Participant
from ..services import ParticipantIn


def mission(office: Office, pk: int) -> Mission:
    qs = Mission.objects.for_office(office).prefetch_related(
        "partnerships",
        "cities",
        "objectives",
        "activity_links",
        Prefetch("participants", queryset=Participant.objects.select_related("user")),
    )
    found: Mission = get_object_or_404(qs.select_related("report"), pk=pk)
    return found


def missions(qs: Any) -> Any:
    return qs.select_related("report").prefetch_related(
        "partnerships",
        "cities",
        "objectives",
        "activity_links",
        Prefetch("participants", queryset=Participant.objects.select_related("user")),
    )


def _field_error(name: str, message: str) -> ValidationError:
    return ValidationError({name: [message]})


def pacts(office: Office, ids: list[int], name: str = "partnership_ids") -> list[Partnership]:
    found = list(Partnership.objects.for_office(office).filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise _field_error(name, _("Choose partnerships of this office."))
    return found


def pact(office: Office, pk: int, name: str) -> Partnership:
    return pacts(office, [pk], name)[0]


def event(office: Office, pk: int | None) -> Event | None:
    if pk is None:
        return None
    found: Event | None = Event.objects.for_office(office).filter(pk=pk).first()
    if found is None:
        raise _field_error("event_id", _("Choose an event of this office."))
    return found


def department(office: Office, pk: int | None, name: str) -> Department | None:
    if pk is None:
        return None
    found: Department | None = Department.objects.filter(office=office, pk=pk).first()
    if found is None:
        raise _field_error(name, _("Choose a department of this office."))
    return found


def participants(office: Office, rows: list[Any]) -> list[ParticipantIn]:
    out = []
    for n, row in enumerate(rows):
        membership = None
        if row.user:
            user = get_user_model().objects.filter(username=row.user).first()
            membership = (
                OfficeMembership.objects.filter(office=office, user=user)
                .select_related("department")
                .first()
            )
            if membership is None:
                raise _field_error(f"participants.{n}", _("Choose a member of this office."))
        contact = None
        if row.contact_id is not None:
            contact = Contact.objects.for_office(office).filter(pk=row.contact_id).first()
            if contact is None:
                raise _field_error(f"participants.{n}", _("Choose a contact of this office."))
        out.append(
            ParticipantIn(
                membership=membership,
                contact=contact,
                department=department(office, row.department_id, f"participants.{n}"),
                role=row.role,
            )
        )
    return out
