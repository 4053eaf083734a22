"""The shapes a report is made of, whatever it is printed to: sections of key figures,
charts, tables and told records. The PDF and the spreadsheet render any section from
these, so a section added to `content.SECTIONS` needs no code in either."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from peyvand.accounts.models import Office

from .periods import Period

# What a cell may hold; `Column.kind` says how it reads (and its spreadsheet format).
Cell = str | int | Decimal | dt.date | None


@dataclass(frozen=True)
class Column:
    label: str
    # text | int (a count) | decimal (an amount) | date | score (0-100) | change (+/-)
    kind: str = "text"
    width: int = 14  # the spreadsheet column's width, in characters


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: list[list[Cell]]
    # Said under the table: what it leaves out ("the latest 5 of each pact").
    note: str = ""


@dataclass(frozen=True)
class Kpi:
    label: str
    value: int | Decimal
    unit: str = ""  # a currency code, when the figure is an amount


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    tone: str = ""  # a health label (active, weakening, dormant) colours its bar


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    # "columns" (months along the axis) or "rows" (one labelled bar a line)
    shape: str = "rows"


@dataclass
class Entry:
    """A record told in prose: a mission with its trip report."""

    title: str
    meta: list[str] = field(default_factory=list)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    items_label: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class Section:
    key: str  # stable: the PDF's anchors and the sheet's order
    title: str
    intro: str = ""
    # The section's key figures and charts, shown together in the summary.
    kpis: list[Kpi] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    # A short sheet name (Excel allows 31 characters).
    sheet: str = ""


@dataclass(frozen=True)
class Scope:
    """What every section builder is given."""

    office: Office
    period: Period
    today: dt.date


@dataclass
class ReportContent:
    office_name: str
    title: str
    period: Period
    period_text: str
    generated_on: dt.date
    sections: list[Section]
    extra: dict[str, Any] = field(default_factory=dict)
