"""A pact's agreements in a spreadsheet (their files stay on the pact's page). Identity:
the `id` column, else the pact and the title."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from peyvand.accounts.models import Role
from peyvand.core.text import search_key
from peyvand.partnerships import services
from peyvand.partnerships.models import Agreement

from .base import (
    ID,
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
from .common import read_pact

COLUMNS = (
    ID,
    Column("partnership", "پیمان", "partnership", required=True),
    Column("title", "عنوان", "title"),
    Column("languages", "زبان‌ها", "languages"),
    Column("signatories", "امضاکنندگان", "signatories"),
    Column("signed_on", "تاریخ امضا", "signed on"),
    Column("valid_until", "معتبر تا", "valid until"),
)
FIELDS = ("title", "languages", "signatories", "signed_on", "valid_until")


def _queryset(office: Any) -> Any:
    return Agreement.objects.for_office(office).select_related("partnership").order_by("pk")


def records(office: Any, filters: Any) -> Any:
    qs = _queryset(office)
    pact = str(filters.get("partnership", ""))
    return qs.filter(partnership_id=int(pact)) if pact.isdigit() and len(pact) < 19 else qs


def prepare(ctx: Context) -> None:
    ctx.lookups["agreements"] = {
        (a.partnership_id, search_key(a.title)): a for a in _queryset(ctx.office)
    }


def read(cells: dict[str, Any], ctx: Context) -> dict[str, Any]:
    return read_cells(
        cells,
        {
            "id": read_id,
            "partnership": lambda v: read_pact(v, ctx),
            "title": read_text,
            "languages": read_text,
            "signatories": read_text,
            "signed_on": read_date,
            "valid_until": read_date,
        },
    )


def natural_key(values: dict[str, Any]) -> Any:
    if values.get("id"):
        return ("id", values["id"])
    pact = values.get("partnership")
    return (pact.pk if pact else None, search_key(values.get("title", "")))


def find(values: dict[str, Any], ctx: Context) -> Agreement | None:
    if values.get("id"):
        found: Agreement = by_pk(_queryset(ctx.office), values["id"])
        return found
    pact = values.get("partnership")
    key = (pact.pk if pact else None, search_key(values.get("title", "")))
    found_by_key: Agreement | None = ctx.lookups["agreements"].get(key)
    return found_by_key


def current(a: Agreement, ctx: Context) -> dict[str, Any]:
    return {"partnership": a.partnership, **{f: getattr(a, f) for f in FIELDS}}


def write(a: Agreement, lang: str) -> dict[str, str]:
    return {
        "id": str(a.pk),
        "partnership": str(a.partnership_id),
        "title": a.title,
        "languages": a.languages,
        "signatories": a.signatories,
        "signed_on": write_date(a.signed_on, lang),
        "valid_until": write_date(a.valid_until, lang),
    }


def create(values: dict[str, Any], ctx: Context) -> Agreement:
    if values.get("partnership") is None:
        raise ValidationError({"partnership": [_("Give the partnership.")]})
    data = {f: values[f] for f in FIELDS if f in values}
    data.setdefault("title", "")
    return services.agreement_create(partnership=values["partnership"], actor=ctx.actor, **data)


def update(a: Agreement, changed: dict[str, Any], ctx: Context) -> Agreement:
    if "partnership" in changed:
        raise ValidationError(
            {"partnership": [_("An agreement cannot be moved to another partnership.")]}
        )
    data = {**{f: getattr(a, f) for f in FIELDS}, **changed}
    return services.agreement_update(agreement=a, actor=ctx.actor, **data)


KIND = Kind(
    name="agreements",
    label=_("Agreements"),
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
