"""Activities in a spreadsheet (their outcomes stay on the pact's page). Identity: the
`id` column, else the date, the title and the pacts."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Role
from peyvand.core.text import search_key
from peyvand.partnerships import services
from peyvand.partnerships.models import Activity, ActivityKind, InitiatedBy

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
    read_int,
    read_text,
    write_date,
    write_number,
)
from .common import area_objects, pact_objects, read_areas, read_pacts, write_areas

KINDS = Choices.of(ActivityKind)
INITIATED = Choices.of(InitiatedBy)
COLUMNS = (
    ID,
    Column("partnerships", "پیمان‌ها", "partnerships", required=True),
    Column("date", "تاریخ", "date"),
    Column("kind", "نوع", "kind"),
    Column("title", "عنوان", "title"),
    Column("initiated_by", "پیشگام", "initiated by"),
    Column("description", "شرح", "description"),
    Column("areas", "حوزه‌های همکاری", "cooperation areas"),
    Column("participants", "شرکت‌کنندگان", "participants"),
)
FIELDS = ("date", "kind", "title", "initiated_by", "description", "participants")


def _queryset(office: Any) -> Any:
    return (
        Activity.objects.for_office(office)
        .prefetch_related("areas", "partnerships")
        .order_by("date", "pk")
    )


def records(office: Any, filters: Any) -> Any:
    qs = _queryset(office)
    pact = str(filters.get("partnership", ""))
    return qs.filter(partnerships__pk=int(pact)) if pact.isdigit() and len(pact) < 19 else qs


def _key(date: Any, title: str, pacts: tuple[int, ...]) -> tuple[Any, ...]:
    return (date, search_key(title), pacts)


def prepare(ctx: Context) -> None:
    ctx.lookups["activities"] = {
        _key(a.date, a.title, tuple(sorted(p.pk for p in a.partnerships.all()))): a
        for a in _queryset(ctx.office)
    }


def read(cells: dict[str, Any], ctx: Context) -> dict[str, Any]:
    values = read_cells(
        cells,
        {
            "id": read_id,
            "partnerships": lambda v: read_pacts(v, ctx),
            "date": read_date,
            "kind": KINDS.read,
            "title": read_text,
            "initiated_by": INITIATED.read,
            "description": read_text,
            "areas": lambda v: read_areas(v, ctx),
            "participants": read_int,
        },
    )
    if values.get("initiated_by") == "":
        del values["initiated_by"]
    return values


def natural_key(values: dict[str, Any]) -> Any:
    if values.get("id"):
        return ("id", values["id"])
    return _key(values.get("date"), values.get("title", ""), values.get("partnerships", ()))


def find(values: dict[str, Any], ctx: Context) -> Activity | None:
    if values.get("id"):
        found: Activity = by_pk(_queryset(ctx.office), values["id"])
        return found
    by_key: Activity | None = ctx.lookups["activities"].get(natural_key(values))
    return by_key


def current(a: Activity, ctx: Context) -> dict[str, Any]:
    return {
        **{f: getattr(a, f) for f in FIELDS},
        "partnerships": tuple(sorted(p.pk for p in a.partnerships.all())),
        "areas": tuple(sorted(x.code for x in a.areas.all())),
    }


def write(a: Activity, lang: str) -> dict[str, str]:
    return {
        "id": str(a.pk),
        "partnerships": "; ".join(
            str(p.pk) for p in sorted(a.partnerships.all(), key=lambda p: p.pk)
        ),
        "date": write_date(a.date, lang),
        "kind": KINDS.write(a.kind, lang),
        "title": a.title,
        "initiated_by": INITIATED.write(a.initiated_by, lang),
        "description": a.description,
        "areas": write_areas(a.areas.all(), lang),
        "participants": write_number(a.participants),
    }


def _service_values(values: dict[str, Any], ctx: Context) -> dict[str, Any]:
    data = {f: values[f] for f in FIELDS if f in values}
    data["partnerships"] = pact_objects(values.get("partnerships", ()), ctx)
    data["areas"] = area_objects(values.get("areas", ()), ctx)
    return data


def create(values: dict[str, Any], ctx: Context) -> Activity:
    if values.get("date") is None:
        raise ValidationError({"date": [_("Give the date of the activity.")]})
    data = _service_values(values, ctx)
    data.setdefault("kind", "")
    data.setdefault("title", "")
    return services.activity_log(office=ctx.office, actor=ctx.actor, **data)


def update(a: Activity, changed: dict[str, Any], ctx: Context) -> Activity:
    merged = {**current(a, ctx), **changed}
    return services.activity_update(
        activity=a, actor=ctx.actor, expected_version=None, **_service_values(merged, ctx)
    )


KIND = Kind(
    name="activities",
    label=_("Activities"),
    role=Role.LIAISON,
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
