"""A pact's commitments in a spreadsheet. Identity: the `id` column, else the pact and
the title. A new commitment with a status other than planned is made, then moved, by the
commitments' own services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Role
from peyvand.core.text import search_key
from peyvand.partnerships import services
from peyvand.partnerships.models import Commitment, CommitmentStatus

from .base import (
    ID,
    Choices,
    Column,
    Context,
    Kind,
    by_pk,
    read_cells,
    read_date,
    read_id,
    read_text,
    write_date,
)
from .common import area_objects, read_area, read_department, read_pact, write_named

STATUSES = Choices.of(CommitmentStatus)
COLUMNS = (
    ID,
    Column("partnership", "پیمان", "partnership", required=True),
    Column("title", "عنوان", "title"),
    Column("due_on", "موعد", "due on"),
    Column("area", "حوزه همکاری", "cooperation area"),
    Column("department", "معاونت", "department"),
    Column("status", "وضعیت", "status"),
    Column("done_on", "تاریخ انجام", "done on"),
    Column("drop_reason", "دلیل کنار گذاشتن", "drop reason"),
    Column("evidence_note", "شرح مستندات", "evidence note"),
    Column("evidence_link", "پیوند مستندات", "evidence link"),
)
STATE = ("status", "done_on", "drop_reason", "evidence_note", "evidence_link")


def _queryset(office: Any) -> Any:
    return (
        Commitment.objects.for_office(office)
        .select_related("partnership", "partnership__office", "area", "department")
        .order_by("pk")
    )


def records(office: Any, filters: Any) -> Any:
    qs = _queryset(office)
    pact = str(filters.get("partnership", ""))
    if pact.isdigit() and len(pact) < 19:
        qs = qs.filter(partnership_id=int(pact))
    if filters.get("status") in CommitmentStatus.values:
        qs = qs.filter(status=filters["status"])
    return qs


def prepare(ctx: Context) -> None:
    ctx.lookups["commitments"] = {
        (c.partnership_id, search_key(c.title)): c for c in _queryset(ctx.office)
    }


def read(cells: dict[str, Any], ctx: Context) -> dict[str, Any]:
    values = read_cells(
        cells,
        {
            "id": read_id,
            "partnership": lambda v: read_pact(v, ctx),
            "title": read_text,
            "due_on": read_date,
            "area": lambda v: read_area(v, ctx),
            "department": lambda v: read_department(v, ctx),
            "status": STATUSES.read,
            "done_on": read_date,
            "drop_reason": read_text,
            "evidence_note": read_text,
            "evidence_link": read_text,
        },
    )
    if values.get("status") == "":
        del values["status"]
    return values


def natural_key(values: dict[str, Any]) -> Any:
    if values.get("id"):
        return ("id", values["id"])
    pact = values.get("partnership")
    return (pact.pk if pact else None, search_key(values.get("title", "")))


def find(values: dict[str, Any], ctx: Context) -> Commitment | None:
    if values.get("id"):
        found: Commitment = by_pk(_queryset(ctx.office), values["id"])
        return found
    pact = values.get("partnership")
    key = (pact.pk if pact else None, search_key(values.get("title", "")))
    by_key: Commitment | None = ctx.lookups["commitments"].get(key)
    return by_key


def current(c: Commitment, ctx: Context) -> dict[str, Any]:
    return {
        "partnership": c.partnership,
        "title": c.title,
        "due_on": c.due_on,
        "area": c.area.code if c.area else "",
        "department": c.department,
        "status": c.status,
        "done_on": c.done_on,
        "drop_reason": c.drop_reason,
        "evidence_note": c.evidence_note,
        "evidence_link": c.evidence_link,
    }


def write(c: Commitment, lang: str) -> dict[str, str]:
    return {
        "id": str(c.pk),
        "partnership": str(c.partnership_id),
        "title": c.title,
        "due_on": write_date(c.due_on, lang),
        "area": write_named(c.area, lang),
        "department": write_named(c.department, lang),
        "status": STATUSES.write(c.status, lang),
        "done_on": write_date(c.done_on, lang),
        "drop_reason": c.drop_reason,
        "evidence_note": c.evidence_note,
        "evidence_link": c.evidence_link,
    }


def _update(c: Commitment, changed: dict[str, Any], ctx: Context) -> Commitment:
    plan: dict[str, Any] = {}
    if "area" in changed:
        plan.update(set_area=True, area=next(iter(area_objects(changed["area"], ctx)), None))
    if "department" in changed:
        plan.update(set_department=True, department=changed["department"])
    state = {k: changed[k] for k in STATE if k in changed}
    if "status" in state or "done_on" in state or "drop_reason" in state:
        state["status"] = changed.get("status", c.status)
        state.setdefault("done_on", c.done_on)
        state.setdefault("drop_reason", c.drop_reason)
    return services.commitment_update(
        commitment=c,
        actor=ctx.actor,
        title=changed.get("title"),
        due_on=changed.get("due_on"),
        expected_version=None,
        **plan,
        **state,
    )


def create(values: dict[str, Any], ctx: Context) -> Commitment:
    if values.get("partnership") is None:
        raise ValidationError({"partnership": [_("Give the partnership.")]})
    if values.get("due_on") is None:
        raise ValidationError({"due_on": [_("Give the due date.")]})
    c = services.commitment_create(
        partnership=values["partnership"],
        actor=ctx.actor,
        title=values.get("title", ""),
        due_on=values["due_on"],
        area=next(iter(area_objects(values.get("area", ""), ctx)), None),
        department=values.get("department"),
    )
    rest = {k: v for k, v in values.items() if k in STATE and current(c, ctx)[k] != v}
    return _update(c, rest, ctx) if rest else c


def update(c: Commitment, changed: dict[str, Any], ctx: Context) -> Commitment:
    if "partnership" in changed:
        raise ValidationError(
            {"partnership": [_("A commitment cannot be moved to another partnership.")]}
        )
    return _update(c, changed, ctx)


KIND = Kind(
    name="commitments",
    label=_("Commitments"),
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
)
