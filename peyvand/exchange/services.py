"""Importing a spreadsheet: every row through the record's own services, all or nothing.

How a row is checked: inside one transaction, each row is created or changed by the very
service a page calls (`partnership_create`, `contact_update`, ...), in a savepoint of its
own; a refusal (`ValidationError`, `NotAllowedNow`, `PermissionDenied`) becomes errors of
that row by column. A preview (`dry_run`), or any error at all, rolls the whole
transaction back: nothing is written, and the counts and errors are what a confirmed
import would do. So no rule of a record exists in the importer: it only reads cells
(dates, digits, choices, cities) and finds which record a row names (the `id` column, or
the kind's natural key). Decision 0017.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office
from peyvand.accounts.versions import bump_office, bumps_deferred
from peyvand.audit.recorder import audit_deferred, audit_write
from peyvand.core.text import search_key
from peyvand.core.validation import NotAllowedNow
from peyvand.partnerships.services.health import health_deferred, health_refresh
from peyvand.places.models import City
from peyvand.records.history import history_deferred, history_write
from peyvand.search.index import index_pending, search_deferred

from .cities import CityMatcher
from .kinds.base import CellErrors, Context, Kind, changed_values
from .reader import Table


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class Report:
    kind: str
    to_create: int = 0
    to_change: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    ambiguous: dict[str, list[City]] = field(default_factory=dict)
    applied: bool = False
    # the first rows that would change, with the columns they change (for the preview)
    changes: list[tuple[int, list[str]]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def errors_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([_("row"), _("column"), _("error")])
        for e in self.errors:
            writer.writerow([e.row, e.column, e.message])
        return "\ufeff" + out.getvalue()


CHANGES_SHOWN = 50


def map_headers(kind: Kind, headers: list[str]) -> tuple[dict[str, int], list[RowError]]:
    """Which column of the file is which field (headers in Persian or English)."""
    names: dict[str, str] = {}
    for column in kind.columns:
        for spelling in (column.key, column.header_fa, column.header_en):
            names[search_key(spelling)] = column.key
    positions: dict[str, int] = {}
    errors: list[RowError] = []
    for index, header in enumerate(headers):
        if not header:
            continue
        key = names.get(search_key(header))
        if key is None:
            errors.append(RowError(1, header, _("This column is not one this import knows.")))
        elif key in positions:
            errors.append(RowError(1, header, _("This column appears twice.")))
        else:
            positions[key] = index
    for column in kind.columns:
        if column.required and column.key not in positions and "id" not in positions:
            errors.append(
                RowError(
                    1,
                    column.header_fa if _is_fa() else column.header_en,
                    _("The file has no column for this; it is required."),
                )
            )
    return positions, errors


def _is_fa() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "fa").startswith("fa")


def _column_label(kind: Kind, key: str, headers: list[str], positions: Mapping[str, int]) -> str:
    if key in positions:
        return headers[positions[key]]
    column = kind.column(key)
    if column is not None:
        return column.header_fa if _is_fa() else column.header_en
    return "" if key in ("__all__", "") else key


def _refusal_errors(exc: Exception) -> dict[str, list[str]]:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
        return {"": [str(m) for m in exc.messages]}
    if isinstance(exc, NotAllowedNow):
        return {"": [exc.message]}
    return {"": [_("Your role does not allow this.")]}


def import_table(
    *,
    office: Office,
    actor: Actor,
    kind: Kind,
    table: Table,
    picks: Mapping[str, str] | None = None,
    dry_run: bool = True,
) -> Report:
    """Preview (dry_run) or apply an import; applied only when no row has an error."""
    require_role(actor, kind.role)
    report = Report(kind=kind.name)
    positions, header_errors = map_headers(kind, table.headers)
    if header_errors:
        report.errors = header_errors
        return report
    matcher = CityMatcher(picks={search_key(k): v for k, v in (picks or {}).items()})
    matcher.load(
        cells[positions[c]]
        for _n, cells in table.rows
        for c in kind.city_columns
        if c in positions and positions[c] < len(cells)
    )
    ctx = Context(office=office, actor=actor, cities=matcher)
    kind.prepare(ctx)

    def add(row: int, key: str, message: str) -> None:
        label = _column_label(kind, key, table.headers, positions)
        report.errors.append(RowError(row, label, message))

    with transaction.atomic():
        with (
            search_deferred(flush=False) as documents,
            audit_deferred(flush=False, keep=not dry_run) as entries,
            history_deferred(flush=False, keep=not dry_run) as events,
        ):
            with bumps_deferred(flush=False) as offices, health_deferred(refresh=False) as pacts:
                _import_rows(kind, table, ctx, positions, report, add)
            report.ambiguous = matcher.ambiguous
            apply = not dry_run and not report.errors
            if apply:
                # every pact a row touched, scored once (the services' own refresh)
                health_refresh(partnerships=list(pacts.values()))
        if not apply:
            transaction.set_rollback(True)
        else:
            # the rows' history, audit entries and search documents, written once
            history_write(events)
            audit_write(entries)
            index_pending(documents)
            for office_id in offices | {office.pk}:
                bump_office(office_id)
            report.applied = True
    return report


def _import_rows(
    kind: Kind,
    table: Table,
    ctx: Context,
    positions: Mapping[str, int],
    report: Report,
    add: Callable[[int, str, str], None],
) -> None:
    seen: dict[Any, int] = {}
    for number, cells in table.rows:
        row = {k: (cells[i] if i < len(cells) else None) for k, i in positions.items()}
        try:
            values = kind.read(row, ctx)
            record = kind.find(values, ctx)
        except CellErrors as exc:
            for key, message in exc.errors.items():
                add(number, key, message)
            continue
        key = kind.natural_key(values)
        if key is not None and key in seen:
            add(number, "", _("The same record as row %(row)s.") % {"row": seen[key]})
            continue
        if key is not None:
            seen[key] = number
        try:
            with nullcontext() if kind.one_write else transaction.atomic():
                if record is None:
                    kind.create(values, ctx)
                    report.to_create += 1
                    continue
                changed = changed_values(values, kind.current(record, ctx))
                if not changed:
                    report.unchanged += 1
                    continue
                kind.update(record, changed, ctx)
                report.to_change += 1
                if len(report.changes) < CHANGES_SHOWN:
                    labels = [_column_label(kind, k, table.headers, positions) for k in changed]
                    report.changes.append((number, labels))
        except (ValidationError, NotAllowedNow, PermissionDenied) as exc:
            for field_name, messages in _refusal_errors(exc).items():
                for message in messages:
                    add(number, field_name, message)
        except CellErrors as exc:
            for field_name, message in exc.errors.items():
                add(number, field_name, message)
