"""The office's memberships of organisations in a spreadsheet. Identity: the `id`
column, else the organisation (an office is a member of an organisation once)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Role
from peyvand.organizations.models import Membership, MembershipStatus
from peyvand.organizations.services import memberships as services

from .base import (
    ID,
    Choices,
    Column,
    Context,
    Kind,
    by_pk,
    read_cells,
    read_date,
    read_decimal,
    read_id,
    read_text,
    write_date,
    write_number,
)
from .common import member_user, read_organization, read_username, username_of, write_organization

STATUSES = Choices.of(MembershipStatus)
COLUMNS = (
    ID,
    Column("organization", "سازمان", "organisation", required=True),
    Column("status", "وضعیت", "status"),
    Column("since", "عضو از", "member since"),
    Column("annual_fee", "حق عضویت سالانه", "annual fee"),
    Column("fee_currency", "ارز", "currency"),
    Column("fee_due_on", "موعد پرداخت", "fee due on"),
    Column("fee_paid_on", "تاریخ پرداخت", "fee paid on"),
    Column("focal_person", "رابط", "focal person"),
    Column("notes", "یادداشت", "notes"),
)
FIELDS = ("status", "since", "annual_fee", "fee_currency", "fee_due_on", "fee_paid_on", "notes")


def _queryset(office: Any) -> Any:
    return (
        Membership.objects.for_office(office)
        .select_related("organization", "focal_person")
        .order_by("pk")
    )


def records(office: Any, filters: Any) -> Any:
    qs = _queryset(office)
    if filters.get("status") in MembershipStatus.values:
        qs = qs.filter(status=filters["status"])
    return qs


def prepare(ctx: Context) -> None:
    ctx.lookups["memberships"] = {m.organization_id: m for m in _queryset(ctx.office)}


def read(cells: dict[str, Any], ctx: Context) -> dict[str, Any]:
    values = read_cells(
        cells,
        {
            "id": read_id,
            "organization": lambda v: read_organization(v, ctx),
            "status": STATUSES.read,
            "since": read_date,
            "annual_fee": read_decimal,
            "fee_currency": lambda v: read_text(v).upper(),
            "fee_due_on": read_date,
            "fee_paid_on": read_date,
            "focal_person": read_username,
            "notes": read_text,
        },
    )
    if values.get("status") == "":
        del values["status"]
    if "focal_person" in values:
        read_cells(
            {"focal_person": values["focal_person"]},
            {"focal_person": lambda v: member_user(v, ctx)},
        )
    return values


def natural_key(values: dict[str, Any]) -> Any:
    if values.get("id"):
        return ("id", values["id"])
    org = values.get("organization")
    return org.pk if org else None


def find(values: dict[str, Any], ctx: Context) -> Membership | None:
    if values.get("id"):
        found: Membership = by_pk(_queryset(ctx.office), values["id"])
        return found
    org = values.get("organization")
    by_key: Membership | None = ctx.lookups["memberships"].get(org.pk if org else None)
    return by_key


def current(m: Membership, ctx: Context) -> dict[str, Any]:
    values = {f: getattr(m, f) for f in FIELDS}
    values["organization"] = m.organization
    values["focal_person"] = username_of(m.focal_person)
    return values


def write(m: Membership, lang: str) -> dict[str, str]:
    return {
        "id": str(m.pk),
        "organization": write_organization(m.organization, lang),
        "status": STATUSES.write(m.status, lang),
        "since": write_date(m.since, lang),
        "annual_fee": write_number(m.annual_fee),
        "fee_currency": m.fee_currency,
        "fee_due_on": write_date(m.fee_due_on, lang),
        "fee_paid_on": write_date(m.fee_paid_on, lang),
        "focal_person": username_of(m.focal_person),
        "notes": m.notes,
    }


def _data(values: dict[str, Any], ctx: Context) -> dict[str, Any]:
    data = {f: values[f] for f in FIELDS if f in values}
    if "focal_person" in values:
        data["focal_person"] = member_user(values["focal_person"], ctx)
    return data


def create(values: dict[str, Any], ctx: Context) -> Membership:
    if values.get("organization") is None:
        raise ValidationError({"organization": [_("Give the organisation.")]})
    return services.membership_create(
        office=ctx.office,
        actor=ctx.actor,
        organization=values["organization"],
        **_data(values, ctx),
    )


def update(m: Membership, changed: dict[str, Any], ctx: Context) -> Membership:
    if "organization" in changed:
        raise ValidationError(
            {"organization": [_("A membership cannot be moved to another organisation.")]}
        )
    return services.membership_update(membership=m, actor=ctx.actor, data=_data(changed, ctx))


KIND = Kind(
    name="memberships",
    label=_("Memberships"),
    role=Role.OFFICER,
    columns=COLUMNS,
    records=records,
    read=read,
    find=find,
    natural_key=natural_key,
    current=current,
    write=write,
    create=create,
    update=update,
    prepare=prepare,
    one_write=True,
)
