"""Reads of the bin: what an office has deleted, newest first, every kind in one list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import CharField, Value

from peyvand.accounts.models import Office

from .binning import BinKind, bin_kind, bin_kinds, days_left


@dataclass(frozen=True)
class BinEntry:
    """One record of the bin as its page and the API show it."""

    kind: str
    label: str
    pk: int
    title: str
    deleted_at: Any
    deleted_by: str
    days_left: int


def bin_rows(office: Office, kind: str = "") -> Any:
    """The bin of an office as rows (bin_kind, pk, deleted_at, deleted_by_id), newest
    first: one query over every kind (or over `kind`), which a page slices."""
    registered = [k for k in bin_kinds() if not kind or k.kind == kind]
    parts = [
        k.model.all_with_deleted.binned()
        .for_office(office)
        .annotate(bin_kind=Value(k.kind, output_field=CharField()))
        .values("bin_kind", "pk", "deleted_at", "deleted_by_id")
        .order_by()
        for k in registered
    ]
    if not parts:
        return []
    first, rest = parts[0], parts[1:]
    qs = first.union(*rest, all=True) if rest else first
    return qs.order_by("-deleted_at", "-pk")


def bin_entries(rows: list[dict[str, Any]]) -> list[BinEntry]:
    """The entries of a page of `bin_rows`: each kind's records in one query."""
    by_kind: dict[str, list[int]] = {}
    for row in rows:
        by_kind.setdefault(row["bin_kind"], []).append(row["pk"])
    records: dict[tuple[str, int], Any] = {}
    for key, ids in by_kind.items():
        registered = bin_kind(key)
        if registered is None:
            continue
        qs = registered.model.all_with_deleted.filter(pk__in=ids)
        if registered.related:
            qs = qs.select_related(*registered.related)
        for record in qs:
            records[(key, record.pk)] = record
    users = get_user_model()._default_manager.in_bulk(
        {row["deleted_by_id"] for row in rows if row["deleted_by_id"]}
    )
    entries = []
    for row in rows:
        record = records.get((row["bin_kind"], row["pk"]))
        registered_kind: BinKind | None = bin_kind(row["bin_kind"])
        if record is None or registered_kind is None:
            continue
        user = users.get(row["deleted_by_id"])
        entries.append(
            BinEntry(
                kind=row["bin_kind"],
                label=str(registered_kind.label),
                pk=row["pk"],
                title=registered_kind.title(record),
                deleted_at=row["deleted_at"],
                deleted_by=(user.get_full_name() or user.get_username()) if user else "",
                days_left=days_left(row["deleted_at"]),
            )
        )
    return entries
