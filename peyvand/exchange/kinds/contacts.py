"""Contacts in a spreadsheet. Identity: the `id` column, else the email, else the name in
the same city."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Role
from peyvand.core.text import search_key
from peyvand.missions.models import Contact, ContactKind
from peyvand.missions.services import contacts as services

from .base import (
    ID,
    Choices,
    Column,
    Context,
    Kind,
    by_pk,
    read_all,
    read_cells,
    read_id,
    read_text,
    split_list,
    text_of,
)
from .common import read_organization, write_organization

KINDS = Choices.of(ContactKind)
COLUMNS = (
    ID,
    Column("name_fa", "نام (فارسی)", "name (Persian)"),
    Column("name_en", "نام (انگلیسی)", "name (English)"),
    Column("kind", "نوع", "kind"),
    Column("title", "سمت", "title"),
    Column("city", "شهر", "city"),
    Column("city_id", "شناسه شهر", "city id"),
    Column("organization", "سازمان", "organisation"),
    Column("email", "ایمیل", "email"),
    Column("phone", "تلفن", "phone"),
    Column("languages", "زبان‌ها", "languages"),
    Column("tags", "برچسب‌ها", "tags"),
    Column("notes", "یادداشت", "notes"),
)
FIELDS = (
    "name_fa",
    "name_en",
    "kind",
    "title",
    "city",
    "organization",
    "email",
    "phone",
    "languages",
    "tags",
    "notes",
)


def _queryset(office: Any) -> Any:
    return Contact.objects.for_office(office).select_related("city", "organization").order_by("pk")


def records(office: Any, filters: Any) -> Any:
    qs = _queryset(office)
    if filters.get("kind") in ContactKind.values:
        qs = qs.filter(kind=filters["kind"])
    return qs


def _keys(email: str, name_fa: str, name_en: str, city: Any) -> list[Any]:
    keys: list[Any] = []
    if email:
        keys.append(("email", email.lower()))
    for name in (name_fa, name_en):
        if name:
            keys.append(("name", search_key(name), city.pk if city else None))
    return keys


def prepare(ctx: Context) -> None:
    index: dict[Any, Contact] = {}
    for c in _queryset(ctx.office):
        for key in _keys(c.email, c.name_fa, c.name_en, c.city):
            index.setdefault(key, c)
    ctx.lookups["contacts"] = index


def _list(value: Any) -> list[str]:
    return [part.lower() for part in split_list(value, commas=True)]


def read(cells: dict[str, Any], ctx: Context) -> dict[str, Any]:
    def fields() -> dict[str, Any]:
        return read_cells(
            cells,
            {
                "id": read_id,
                "name_fa": read_text,
                "name_en": read_text,
                "kind": KINDS.read,
                "title": read_text,
                "organization": lambda v: read_organization(v, ctx),
                "email": read_text,
                "phone": read_text,
                "languages": _list,
                "tags": _list,
                "notes": read_text,
            },
        )

    def city() -> dict[str, Any]:
        if "city_id" not in cells and "city" not in cells:
            return {}
        column = "city_id" if text_of(cells.get("city_id")) else "city"
        found = read_cells({column: cells.get(column)}, {column: ctx.cities.resolve})
        return {"city": found[column]}

    values = read_all(fields, city)
    if values.get("kind") == "":
        del values["kind"]
    return values


def natural_key(values: dict[str, Any]) -> Any:
    if values.get("id"):
        return ("id", values["id"])
    keys = _keys(
        values.get("email", ""),
        values.get("name_fa", ""),
        values.get("name_en", ""),
        values.get("city"),
    )
    return keys[0] if keys else None


def find(values: dict[str, Any], ctx: Context) -> Contact | None:
    if values.get("id"):
        found: Contact = by_pk(_queryset(ctx.office), values["id"])
        return found
    index = ctx.lookups["contacts"]
    for key in _keys(
        values.get("email", ""),
        values.get("name_fa", ""),
        values.get("name_en", ""),
        values.get("city"),
    ):
        if key in index:
            by_key: Contact = index[key]
            return by_key
    return None


def current(c: Contact, ctx: Context) -> dict[str, Any]:
    values = {f: getattr(c, f) for f in FIELDS}
    values["languages"] = list(c.languages or [])
    values["tags"] = list(c.tags or [])
    return values


def write(c: Contact, lang: str) -> dict[str, str]:
    with translation.override(lang):
        city_name = c.city.name if c.city else ""
    return {
        "id": str(c.pk),
        "name_fa": c.name_fa,
        "name_en": c.name_en,
        "kind": KINDS.write(c.kind, lang),
        "title": c.title,
        "city": city_name,
        "city_id": c.city.code if c.city else "",
        "organization": write_organization(c.organization, lang),
        "email": c.email,
        "phone": c.phone,
        "languages": "; ".join(c.languages or []),
        "tags": "; ".join(c.tags or []),
        "notes": c.notes,
    }


def create(values: dict[str, Any], ctx: Context) -> Contact:
    data = {f: values[f] for f in FIELDS if f in values}
    # The possible-duplicate question (same email, or same name in the same city) is
    # answered by the import itself: such a row names that contact (`find`) and changes
    # it; a row that reaches here is someone new, confirmed with the whole file.
    return services.contact_create(
        office=ctx.office, actor=ctx.actor, confirm_duplicate=True, **data
    )


def update(c: Contact, changed: dict[str, Any], ctx: Context) -> Contact:
    return services.contact_update(contact=c, actor=ctx.actor, expected_version=None, data=changed)


KIND = Kind(
    name="contacts",
    label=_("Contacts"),
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
    city_columns=("city", "city_id"),
    one_write=True,
)
