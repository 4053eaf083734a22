"""What the API's endpoints look up by the ids a client sends, refused as field errors."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from peyvand.accounts.models import Department, Office, OfficeMembership
from peyvand.places import lookups as places
from peyvand.places.models import City

from ..models import (
    Activity,
    Agreement,
    AgreementFile,
    Approval,
    Commitment,
    CooperationArea,
    Outcome,
    Partnership,
)


def areas(codes: list[str]) -> list[CooperationArea]:
    found = list(CooperationArea.objects.filter(code__in=codes))
    if len(found) != len(set(codes)):
        raise ValidationError({"areas": [_("Unknown cooperation area.")]})
    return found


def area(code: str | None) -> CooperationArea | None:
    """One cooperation area by its code (None for none sent)."""
    return areas([code])[0] if code else None


def city(code: str) -> City:
    """The partner city of a public id (a pact always has one)."""
    return places.cities([code], "partner_city")[0]


def responsible(office: Office, username: str | None) -> Any:
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None or not OfficeMembership.objects.for_office(office).filter(user=user).exists():
        raise ValidationError(
            {"responsible": [_("The responsible officer must be a member of the office.")]}
        )
    return user


def department(office: Office, pk: int | None) -> Department | None:
    if pk is None:
        return None
    found = Department.objects.for_office(office).filter(pk=pk).first()
    if found is None:
        raise ValidationError({"department": [_("Choose a department of this office.")]})
    return found


def pact(office: Office, pk: int) -> Partnership:
    return get_object_or_404(
        Partnership.objects.for_office(office).select_related(
            "partner_city", "partner_city__country", "responsible", "office"
        ),
        pk=pk,
    )


def pacts(office: Office, ids: list[int]) -> list[Partnership]:
    found = list(Partnership.objects.for_office(office).filter(pk__in=ids).select_related("office"))
    if len(found) != len(set(ids)):
        raise ValidationError(
            {"partnerships": [_("An activity can only concern this office's partnerships.")]}
        )
    return found


def commitment(office: Office, pk: int) -> Commitment:
    return get_object_or_404(
        Commitment.objects.for_office(office).select_related("partnership", "area"), pk=pk
    )


def activities(office: Office) -> QuerySet[Activity]:
    return (
        Activity.objects.for_office(office)
        .prefetch_related("areas", "outcomes", "partnerships")
        .order_by("-date", "-pk")
    )


def activity(office: Office, pk: int) -> Activity:
    found: Activity = get_object_or_404(activities(office), pk=pk)
    return found


def outcome(office: Office, pk: int) -> Outcome:
    found: Outcome = get_object_or_404(
        Outcome.objects.for_office(office).select_related("activity"), pk=pk
    )
    return found


def agreements(office: Office) -> QuerySet[Agreement]:
    return Agreement.objects.for_office(office).prefetch_related("files")


def agreement(office: Office, pk: int) -> Agreement:
    found: Agreement = get_object_or_404(agreements(office).select_related("partnership"), pk=pk)
    return found


def agreement_file(office: Office, pk: int) -> AgreementFile:
    found: AgreementFile = get_object_or_404(
        AgreementFile.objects.for_office(office).select_related("agreement"), pk=pk
    )
    return found


def approval(office: Office, pk: int) -> Approval:
    found: Approval = get_object_or_404(Approval.objects.for_office(office), pk=pk)
    return found
