"""Writes of an office's memberships: join (or apply to) an organisation, edit the
membership, its status, fee and focal person."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office, OfficeMembership, Role
from peyvand.core.validation import currency_error, normalise_currency, validate_fields
from peyvand.records.history import check_version, diff, plain, record_event

from ..models import Membership, MembershipStatus, Organization

# Fields of a membership that people edit and that its history records.
MEMBERSHIP_FIELDS = (
    "status",
    "since",
    "annual_fee",
    "fee_currency",
    "fee_due_on",
    "fee_paid_on",
    "focal_person",
    "notes",
)


def _snapshot(m: Membership) -> dict[str, Any]:
    return {name: plain(getattr(m, name)) for name in MEMBERSHIP_FIELDS}


def _validate(m: Membership) -> None:
    """Every rule of a membership (the field rules last, the record's own first)."""
    errors: dict[str, list[str]] = {}
    if m.status not in MembershipStatus.values:
        errors["status"] = [_("Choose a valid status.")]
    m.fee_currency = normalise_currency(m.fee_currency)
    m.notes = (m.notes or "").strip()
    if wrong_currency := currency_error(m.fee_currency):
        errors["fee_currency"] = [wrong_currency]
    elif m.annual_fee is not None and not m.fee_currency:
        errors["fee_currency"] = [_("Give the currency of the annual fee.")]
    fee = m.annual_fee
    if isinstance(fee, Decimal) and fee.is_finite() and fee < 0:
        errors["annual_fee"] = [_("The annual fee cannot be negative.")]
    if m.focal_person_id is not None and not (
        OfficeMembership.objects.filter(office_id=m.office_id, user_id=m.focal_person_id).exists()
    ):
        errors["focal_person"] = [_("The focal person must be a member of the office.")]
    if errors:
        raise ValidationError(errors)
    validate_fields(m)
    taken = (
        Membership.objects.filter(office_id=m.office_id, organization_id=m.organization_id)
        .exclude(pk=m.pk)
        .first()
    )
    if taken is not None:
        raise ValidationError(
            {
                "organization": [
                    ValidationError(
                        _("The office already has a membership in this organisation."),
                        code="duplicate_membership",
                        params={"pk": taken.pk},
                    )
                ]
            }
        )


@transaction.atomic
def membership_create(
    *,
    office: Office,
    actor: Actor,
    organization: Organization,
    status: str = MembershipStatus.MEMBER,
    since: dt.date | None = None,
    annual_fee: Decimal | None = None,
    fee_currency: str = "",
    fee_due_on: dt.date | None = None,
    fee_paid_on: dt.date | None = None,
    focal_person: Any = None,
    notes: str = "",
    is_demo: bool = False,
) -> Membership:
    """The office's membership in one organisation (at most one per organisation)."""
    require_role(actor, Role.OFFICER)
    m = Membership(
        office=office,
        organization=organization,
        status=status,
        since=since,
        annual_fee=annual_fee,
        fee_currency=fee_currency,
        fee_due_on=fee_due_on,
        fee_paid_on=fee_paid_on,
        focal_person=focal_person,
        notes=notes,
        is_demo=is_demo,
    )
    _validate(m)
    m.save()
    changes = {"organization": [None, plain(organization)], **diff({}, _snapshot(m))}
    record_event(target=m, actor=actor, action="created", changes=changes)
    return m


@transaction.atomic
def membership_update(
    *,
    membership: Membership,
    actor: Actor,
    data: dict[str, Any],
    expected_version: int | None = None,
) -> Membership:
    """Change the membership; refused as stale if it changed since `expected_version`."""
    require_role(actor, Role.OFFICER)
    current: Membership = Membership.objects.select_for_update().get(pk=membership.pk)
    check_version(current, expected_version)
    before = _snapshot(current)
    for name, value in data.items():
        if name not in MEMBERSHIP_FIELDS:
            raise ValueError(f"not an editable field: {name}")
        if value is None and name in ("status", "fee_currency", "notes"):
            value = "" if name != "status" else current.status
        setattr(current, name, value)
    _validate(current)
    changes = diff(before, _snapshot(current))
    if changes:
        current.version += 1
        current.save()
        record_event(target=current, actor=actor, action="updated", changes=changes)
    membership.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return current
