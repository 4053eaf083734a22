"""What the opportunities API looks up by the ids a client sends, refused as field
errors; a record of another office is not found (404 for the record itself)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from peyvand.accounts.models import Office
from peyvand.missions.models import Contact
from peyvand.organizations.models import Organization
from peyvand.partnerships.models import CooperationArea

from ..models import (
    Application,
    FundingCall,
    InterestedParty,
    PartyFollowUp,
    Pitch,
    PitchDocument,
)


def _error(name: str, message: str) -> ValidationError:
    return ValidationError({name: [message]})


# ---------------------------------------------------------------- the records themselves


def pitches(qs: QuerySet[Pitch]) -> QuerySet[Pitch]:
    parties = InterestedParty.objects.select_related("city").prefetch_related(
        Prefetch("follow_ups", queryset=PartyFollowUp.objects.order_by("date", "pk"))
    )
    return qs.select_related("area").prefetch_related(
        Prefetch("parties", queryset=parties), "documents"
    )


def pitch(office: Office, pk: int) -> Pitch:
    found: Pitch = get_object_or_404(pitches(Pitch.objects.for_office(office)), pk=pk)
    return found


def parties(qs: QuerySet[InterestedParty]) -> QuerySet[InterestedParty]:
    return qs.select_related("pitch", "contact", "organization", "city").prefetch_related(
        Prefetch("follow_ups", queryset=PartyFollowUp.objects.order_by("date", "pk"))
    )


def party(office: Office, pk: int) -> InterestedParty:
    found: InterestedParty = get_object_or_404(
        parties(InterestedParty.objects.for_office(office)), pk=pk
    )
    return found


def follow_up(office: Office, pk: int) -> PartyFollowUp:
    found: PartyFollowUp = get_object_or_404(
        PartyFollowUp.objects.for_office(office).select_related("party__pitch"), pk=pk
    )
    return found


def pitch_document(office: Office, pk: int) -> PitchDocument:
    found: PitchDocument = get_object_or_404(
        PitchDocument.objects.for_office(office).select_related("pitch"), pk=pk
    )
    return found


def calls(qs: QuerySet[FundingCall]) -> QuerySet[FundingCall]:
    return qs.prefetch_related("areas", "applications")


def call(office: Office, pk: int) -> FundingCall:
    found: FundingCall = get_object_or_404(calls(FundingCall.objects.for_office(office)), pk=pk)
    return found


def applications(qs: QuerySet[Application]) -> QuerySet[Application]:
    return qs.select_related("call").prefetch_related("partner_cities", "partner_organizations")


def application(office: Office, pk: int) -> Application:
    found: Application = get_object_or_404(
        applications(Application.objects.for_office(office)), pk=pk
    )
    return found


# ---------------------------------------------------------------- what a record names


def area(code: str | None, name: str = "area") -> CooperationArea | None:
    if not code:
        return None
    found = CooperationArea.objects.filter(code=code).first()
    if found is None:
        raise _error(name, _("There is no cooperation area with this code."))
    return found


def areas(codes: Iterable[str], name: str = "areas") -> list[CooperationArea]:
    wanted = set(codes)
    found = list(CooperationArea.objects.filter(code__in=wanted))
    if len(found) != len(wanted):
        raise _error(name, _("There is no cooperation area with this code."))
    return found


def organization(pk: int | None, name: str) -> Organization | None:
    if pk is None:
        return None
    found = Organization.objects.filter(pk=pk).first()
    if found is None:
        raise _error(name, _("There is no organisation with this id."))
    return found


def organizations(ids: Iterable[int], name: str) -> list[Organization]:
    wanted = set(ids)
    found = list(Organization.objects.filter(pk__in=wanted))
    if len(found) != len(wanted):
        raise _error(name, _("There is no organisation with this id."))
    return found


def office_call(office: Office, pk: int | None, name: str = "call_id") -> FundingCall | None:
    if pk is None:
        return None
    found: FundingCall | None = FundingCall.objects.for_office(office).filter(pk=pk).first()
    if found is None:
        raise _error(name, _("Choose a funding call of this office."))
    return found


def office_pitch(office: Office, pk: int | None, name: str = "pitch_id") -> Pitch | None:
    if pk is None:
        return None
    found: Pitch | None = Pitch.objects.for_office(office).filter(pk=pk).first()
    if found is None:
        raise _error(name, _("Choose a pitch of this office."))
    return found


def contact(office: Office, pk: int | None, name: str = "contact_id") -> Contact | None:
    if pk is None:
        return None
    found: Contact | None = Contact.objects.for_office(office).filter(pk=pk).first()
    if found is None:
        raise _error(name, _("Choose a contact of this office."))
    return found


def text_or_empty(fields: dict[str, Any], *names: str) -> None:
    """A text a client sent as null is cleared (the record keeps "", never null)."""
    for name in names:
        if name in fields and fields[name] is None:
            fields[name] = ""
