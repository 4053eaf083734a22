"""Practices learned abroad in a spreadsheet (their stage moves only on the board).
Identity: the `id` column, else the title (Persian, else English)."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Role
from peyvand.core.text import search_key
from peyvand.knowledge.models import CostBand, Practice, Transferability, sdg_list
from peyvand.knowledge.services import practices as services

from .base import (
    ID,
    CellError,
    Choices,
    Column,
    Context,
    Kind,
    by_pk,
    read_all,
    read_cells,
    read_id,
    read_int,
    read_text,
    split_list,
    text_of,
)
from .common import area_objects, read_areas, read_department, write_areas, write_named

COSTS = Choices.of(CostBand)
TRANSFER = Choices.of(Transferability)
COLUMNS = (
    ID,
    Column("title_fa", "عنوان (فارسی)", "title (Persian)"),
    Column("title_en", "عنوان (انگلیسی)", "title (English)"),
    Column("summary_fa", "خلاصه (فارسی)", "summary (Persian)"),
    Column("summary_en", "خلاصه (انگلیسی)", "summary (English)"),
    Column("body_fa", "شرح (فارسی)", "description (Persian)"),
    Column("body_en", "شرح (انگلیسی)", "description (English)"),
    Column("source_city", "شهر مبدأ", "source city"),
    Column("source_city_id", "شناسه شهر مبدأ", "source city id"),
    Column("source_link", "پیوند منبع", "source link"),
    Column("evidence", "شواهد", "evidence"),
    Column("cost_band", "هزینه", "cost"),
    Column("transferability", "قابلیت انتقال", "transferability"),
    Column("sdgs", "اهداف توسعه پایدار", "SDGs"),
    Column("tags", "برچسب‌ها", "tags"),
    Column("areas", "حوزه‌های همکاری", "cooperation areas"),
    Column("department", "معاونت", "department"),
    Column("notes", "یادداشت", "notes"),
)
TEXTS = (
    "title_fa",
    "title_en",
    "summary_fa",
    "summary_en",
    "body_fa",
    "body_en",
    "source_link",
    "evidence",
    "notes",
)


def _queryset(office: Any) -> Any:
    return (
        Practice.objects.for_office(office)
        .select_related("source_city", "department")
        .prefetch_related("areas")
        .order_by("pk")
    )


def records(office: Any, filters: Any) -> Any:
    qs = _queryset(office)
    if filters.get("stage"):
        qs = qs.filter(stage=filters["stage"])
    return qs


def _key(title_fa: str, title_en: str) -> Any:
    return search_key(title_fa) or ("en", search_key(title_en))


def prepare(ctx: Context) -> None:
    ctx.lookups["practices"] = {_key(p.title_fa, p.title_en): p for p in _queryset(ctx.office)}


def _sdgs(value: Any) -> tuple[int, ...]:
    goals = []
    for part in split_list(value, commas=True):
        number = read_int(part)
        if number is None or not 1 <= number <= 17:
            raise CellError(gettext_now("Give the goals by their number, 1 to 17."))
        goals.append(number)
    return tuple(sorted(set(goals)))


def read(cells: dict[str, Any], ctx: Context) -> dict[str, Any]:
    readers: dict[str, Any] = {name: read_text for name in TEXTS}
    readers.update(
        id=read_id,
        cost_band=COSTS.read,
        transferability=TRANSFER.read,
        sdgs=_sdgs,
        tags=lambda v: [t.lower() for t in split_list(v)],
        areas=lambda v: read_areas(v, ctx),
        department=lambda v: read_department(v, ctx),
    )

    def fields() -> dict[str, Any]:
        return read_cells(cells, readers)

    def city() -> dict[str, Any]:
        if "source_city_id" not in cells and "source_city" not in cells:
            return {}
        column = "source_city_id" if text_of(cells.get("source_city_id")) else "source_city"
        found = read_cells({column: cells.get(column)}, {column: ctx.cities.resolve})
        return {"source_city": found[column]}

    values = read_all(fields, city)
    return values


def natural_key(values: dict[str, Any]) -> Any:
    if values.get("id"):
        return ("id", values["id"])
    return _key(values.get("title_fa", ""), values.get("title_en", ""))


def find(values: dict[str, Any], ctx: Context) -> Practice | None:
    if values.get("id"):
        found: Practice = by_pk(_queryset(ctx.office), values["id"])
        return found
    by_key: Practice | None = ctx.lookups["practices"].get(natural_key(values))
    return by_key


def current(p: Practice, ctx: Context) -> dict[str, Any]:
    return {
        **{name: getattr(p, name) for name in TEXTS},
        "source_city": p.source_city,
        "cost_band": p.cost_band,
        "transferability": p.transferability,
        "sdgs": tuple(sdg_list(p.sdgs)),
        "tags": list(p.tags),
        "areas": tuple(sorted(a.code for a in p.areas.all())),
        "department": p.department,
    }


def write(p: Practice, lang: str) -> dict[str, str]:
    with translation.override(lang):
        city = p.source_city.name if p.source_city else ""
    return {
        **{name: getattr(p, name) for name in TEXTS},
        "id": str(p.pk),
        "source_city": city,
        "source_city_id": p.source_city.code if p.source_city else "",
        "cost_band": COSTS.write(p.cost_band, lang) if p.cost_band else "",
        "transferability": TRANSFER.write(p.transferability, lang) if p.transferability else "",
        "sdgs": "; ".join(str(n) for n in sdg_list(p.sdgs)),
        "tags": "; ".join(p.tags),
        "areas": write_areas(p.areas.all(), lang),
        "department": write_named(p.department, lang),
    }


def _data(values: dict[str, Any], ctx: Context) -> dict[str, Any]:
    data = {k: v for k, v in values.items() if k != "id"}
    if "sdgs" in data:
        data["sdgs"] = list(data["sdgs"])
    if "areas" in data:
        data["areas"] = area_objects(data["areas"], ctx)
    return data


def create(values: dict[str, Any], ctx: Context) -> Practice:
    return services.practice_create(office=ctx.office, actor=ctx.actor, **_data(values, ctx))


def update(p: Practice, changed: dict[str, Any], ctx: Context) -> Practice:
    return services.practice_update(practice=p, actor=ctx.actor, changes=_data(changed, ctx))


KIND = Kind(
    name="practices",
    label=_("Practices"),
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
    city_columns=("source_city", "source_city_id"),
    one_write=True,
)
