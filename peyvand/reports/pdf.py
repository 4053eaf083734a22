"""The report as a PDF: the content rendered to HTML (templates/reports/pdf/), laid out by
WeasyPrint with the print stylesheet (A4, a cover, a table of contents with page numbers,
a running header and page numbers, Persian shaped with the vendored Vazirmatn, right to
left and in Persian digits in a Persian report)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from peyvand.core.digits import persian_digits_html

from .charts import chart_html
from .document import Cell, ReportContent, Section, Table
from .periods import format_day

FONT = Path(settings.BASE_DIR) / "static" / "vendor" / "vazirmatn" / "Vazirmatn-Variable.ttf"


@dataclass(frozen=True)
class ShownCell:
    text: str
    kind: str


def number_text(value: int | Decimal) -> str:
    """Grouped thousands; an amount with its cents only when it has some."""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def cell_text(value: Cell, kind: str, calendar: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        return format_day(value, calendar)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        text = number_text(value)
        if kind == "change" and value > 0:
            return f"+{text}"
        return text.replace("-", "−")
    return str(value)


def _table(table: Table, calendar: str) -> dict[str, Any]:
    return {
        "title": table.title,
        "note": table.note,
        "columns": table.columns,
        "rows": [
            [
                ShownCell(cell_text(value, column.kind, calendar), column.kind)
                for value, column in zip(row, table.columns, strict=True)
            ]
            for row in table.rows
        ],
    }


def _section(section: Section, calendar: str, rtl: bool) -> dict[str, Any]:
    return {
        "key": section.key,
        "title": section.title,
        "intro": section.intro,
        "kpis": [
            {"label": k.label, "value": number_text(k.value), "unit": k.unit} for k in section.kpis
        ],
        "charts": [
            # Drawn here from numbers and escaped labels.
            {"title": c.title, "html": mark_safe(chart_html(c, rtl=rtl))}
            for c in section.charts
        ],
        "tables": [_table(t, calendar) for t in section.tables],
        "entries": section.entries,
    }


def css_string(text: str) -> str:
    """`text` as the inside of a CSS string (the running header's office name)."""
    out = []
    for ch in text:
        if ch in '"\\<>' or ord(ch) < 32 or ch == "\x7f":
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return "".join(out)


def report_html(content: ReportContent, *, language: str) -> str:
    """The report's HTML in the active language (the caller sets it to `language`)."""
    rtl = language == "fa"
    calendar = content.period.calendar
    sections = [_section(s, calendar, rtl) for s in content.sections]
    context = {
        "content": content,
        "lang": language,
        "rtl": rtl,
        "summary": sections[0],
        "sections": sections[1:],
        "all_sections": sections,
        "generated_on": format_day(content.generated_on, calendar, long=True),
        "css": SafeString(
            render_to_string(
                "reports/pdf/print.css",
                {
                    "rtl": rtl,
                    "font": FONT.as_uri(),
                    "office": css_string(content.office_name),
                },
            )
        ),
    }
    html = render_to_string("reports/pdf/report.html", context)
    return persian_digits_html(html) if rtl else html


def write_pdf(html: str, target: Path) -> None:
    """Lay the HTML out into a PDF at `target`."""
    from weasyprint import HTML

    HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(target)
