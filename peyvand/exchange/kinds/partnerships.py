"""Pacts in a spreadsheet. Identity: the `id` column, else the partner city and the kind
(among the office's pacts that are not archived)."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Role
from peyvand.partnerships import selectors, services
from peyvand.partnerships.models import Partnership, PartnershipKind, PartnershipStatus

from .base import (
    ID,
    Choices,
    Column,
    Context,
    Kind,
    by_pk,
    read_all,
    read_cells,
    read_date,
    read_id,
    read_text,
    text_of,
    write_date,
)
from .common import (
    area_objects,
    member_user,
    read_areas,
    read_username,
    username_of,
    write_areas,
)

KINDS = Choices.of(PartnershipKind)
STATUSES = Choices.of(PartnershipStatus)

COLUMNS = (
    ID,
    Column("partner_city", "شهر طرف", "partner city"),
    Column("partner_city_id", "شناسه شهر طرف", "partner city id"),
    Column("country", "کشور", "country"),
    Column("kind", "نوع", "kind"),
    Column("status", "وضعیت", "status"),
    Column("signed_on", "تاریخ امضا", "signed on"),
    Column("valid_until", "معتبر تا", "valid until"),
    Column("areas", "حوزه‌های همکاری", "cooperation areas"),
    Column("summary_fa", "خلاصه (فارسی)", "summary (Persian)"),
    Column("summary_en", "خلاصه (انگلیسی)", "summary (English)"),
    Column("responsible", "مسئول", "responsible"),
    Column("end_reason", "دلیل پایان", "end reason"),
)
FILTERS = ("status", "kind", "label", "paper_only", "area", "country", "q", "sort", "archived")


def records(office: Any, filters: Any) -> Any:
    wanted = {k: filters.get(k, "") for k in FILTERS}
    return selectors.partnership_list(office=office, filters=wanted).prefetch_related("areas")


def prepare(ctx: Context) -> None:
    index: dict[tuple[int, str], Partnership] = {}
    for p in (
        Partnership.objects.for_office(ctx.office)
        .filter(archived=False)
        .select_related("partner_city", "office")
        .prefetch_related("areas")
        .order_by("pk")
    ):
        index.setdefault((p.partner_city_id, p.kind), p)
    ctx.lookups["partnerships"] = index


def read(cells: dict[str, Any], ctx: Context) -> dict[str, Any]:
    def fields() -> dict[str, Any]:
        values = read_cells(
            cells,
            {
                "id": read_id,
                "kind": KINDS.read,
                "status": STATUSES.read,
                "signed_on": read_date,
                "valid_until": read_date,
                "areas": lambda v: read_areas(v, ctx),
                "summary_fa": read_text,
                "summary_en": read_text,
                "responsible": read_username,
                "end_reason": read_text,
            },
        )
        for key in ("kind", "status"):
            if values.get(key) == "":
                del values[key]
        if values.get("responsible"):
            read_cells(
                {"responsible": values["responsible"]},
                {"responsible": lambda v: member_user(v, ctx)},
            )
        return values

    def city() -> dict[str, Any]:
        column = "partner_city_id" if text_of(cells.get("partner_city_id")) else "partner_city"
        if column not in cells:
            return {}
        country = text_of(cells.get("country"))
        found = read_cells(
            {column: cells[column]}, {column: lambda v: ctx.cities.resolve(v, country)}
        )
        return {"partner_city": found[column]} if found[column] is not None else {}

    return read_all(fields, city)


def natural_key(values: dict[str, Any]) -> Any:
    if values.get("id"):
        return ("id", values["id"])
    city = values.get("partner_city")
    return (city.pk if city else None, values.get("kind", PartnershipKind.SISTER))


def find(values: dict[str, Any], ctx: Context) -> Partnership | None:
    if values.get("id"):
        found: Partnership = by_pk(
            Partnership.objects.for_office(ctx.office).select_related("partner_city", "office"),
            values["id"],
        )
        return found
    city = values.get("partner_city")
    if city is None:
        return None
    index: dict[tuple[int, str], Partnership] = ctx.lookups["partnerships"]
    return index.get((city.pk, values.get("kind", PartnershipKind.SISTER)))


def current(p: Partnership, ctx: Context) -> dict[str, Any]:
    return {
        "partner_city": p.partner_city,
        "kind": p.kind,
        "status": p.status,
        "signed_on": p.signed_on,
        "valid_until": p.valid_until,
        "areas": tuple(sorted(a.code for a in p.areas.all())),
        "summary_fa": p.summary_fa,
        "summary_en": p.summary_en,
        "responsible": username_of(p.responsible),
        "end_reason": p.end_reason,
    }


def write(p: Partnership, lang: str) -> dict[str, str]:
    with translation.override(lang):
        city_name = p.partner_city.name
    return {
        "id": str(p.pk),
        "partner_city": city_name,
        "partner_city_id": p.partner_city.code,
        "country": p.partner_city.country.code if p.partner_city.country else "",
        "kind": KINDS.write(p.kind, lang),
        "status": STATUSES.write(p.status, lang),
        "signed_on": write_date(p.signed_on, lang),
        "valid_until": write_date(p.valid_until, lang),
        "areas": write_areas(p.areas.all(), lang),
        "summary_fa": p.summary_fa,
        "summary_en": p.summary_en,
        "responsible": username_of(p.responsible),
        "end_reason": p.end_reason,
    }


def _service_values(values: dict[str, Any], ctx: Context) -> dict[str, Any]:
    data = dict(values)
    data.pop("id", None)
    if "areas" in data:
        data["areas"] = area_objects(data["areas"], ctx)
    if "responsible" in data:
        data["responsible"] = member_user(data["responsible"], ctx)
    return data


def create(values: dict[str, Any], ctx: Context) -> Partnership:
    data = _service_values(values, ctx)
    if "partner_city" not in data:
        from django.core.exceptions import ValidationError

        raise ValidationError({"partner_city": [_("Give the partner city.")]})
    return services.partnership_create(office=ctx.office, actor=ctx.actor, **data)


def update(p: Partnership, changed: dict[str, Any], ctx: Context) -> Partnership:
    return services.partnership_update(
        partnership=p,
        actor=ctx.actor,
        expected_version=None,
        data=_service_values(changed, ctx),
    )


KIND = Kind(
    name="partnerships",
    label=_("Partnerships"),
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
    city_columns=("partner_city", "partner_city_id"),
    one_write=True,
)
