"""The report as a spreadsheet (openpyxl): one sheet per section, right to left in a
Persian report, each table's header bold (the first one frozen), real numbers and real
dates in the cells (formats, never text), the columns as wide as the section says."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from peyvand.core.text import to_persian_digits

from .document import Cell, ReportContent, Section, Table

# A date cell reads in the report's calendar: Excel's Persian calendar (calendar type 0x16,
# fa-IR) in a Jalali report, ISO dates otherwise. The cell holds the date either way.
DATE_FORMATS = {"jalali": "[$-fa-IR,16]yyyy/mm/dd;@", "gregorian": "yyyy-mm-dd"}
INT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"
HEADER_FILL = PatternFill("solid", fgColor="1F5F78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=13)
CAPTION_FONT = Font(bold=True, size=11)
NOTE_FONT = Font(italic=True, size=9, color="5F6F78")
INVALID_SHEET_CHARACTERS = str.maketrans({c: " " for c in "[]:*?/\\"})


def sheet_title(section: Section, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the book."""
    base = (section.sheet or section.title).translate(INVALID_SHEET_CHARACTERS).strip()[:31]
    name, n = base or section.key, 2
    while name in taken:
        suffix = f" {n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def _write_cell(
    sheet: Worksheet, row: int, col: int, value: Cell, kind: str, calendar: str
) -> None:
    cell = sheet.cell(row=row, column=col)
    if isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMATS[calendar]
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int):
        cell.value = value
        cell.number_format = INT_FORMAT
    elif isinstance(value, Decimal):
        cell.value = value
        cell.number_format = INT_FORMAT if value == value.to_integral_value() else DECIMAL_FORMAT
    elif value is None:
        cell.value = None
    else:
        cell.value = str(value)
        cell.alignment = Alignment(
            wrap_text=kind == "text" and len(str(value)) > 40, vertical="top"
        )


def _text(value: str, persian: bool) -> str:
    """A label of the sheet (a title, a note): Persian digits in a Persian report."""
    return to_persian_digits(value) if persian else value


def _write_table(
    sheet: Worksheet, table: Table, start: int, calendar: str, persian: bool, *, freeze: bool
) -> int:
    """Write `table` from row `start`; the next free row."""
    sheet.cell(row=start, column=1, value=_text(table.title, persian)).font = CAPTION_FONT
    header = start + 1
    for col, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=header, column=col, value=column.label)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(col)
        width = max(column.width, sheet.column_dimensions[letter].width or 0)
        sheet.column_dimensions[letter].width = width
    if freeze:
        sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    row = header + 1
    for values in table.rows:
        for col, (value, column) in enumerate(zip(values, table.columns, strict=True), start=1):
            _write_cell(sheet, row, col, value, column.kind, calendar)
        row += 1
    if table.note:
        sheet.cell(row=row, column=1, value=_text(table.note, persian)).font = NOTE_FONT
        row += 1
    return row + 1


def build_workbook(content: ReportContent, *, language: str) -> Workbook:
    persian = language == "fa"
    calendar = content.period.calendar
    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    taken: set[str] = set()
    for section in content.sections:
        sheet = book.create_sheet(sheet_title(section, taken))
        sheet.sheet_view.rightToLeft = persian
        heading = f"{content.title} | {content.office_name}"
        sheet.cell(row=1, column=1, value=_text(section.title, persian)).font = TITLE_FONT
        sheet.cell(row=2, column=1, value=_text(heading, persian)).font = NOTE_FONT
        row = 4
        for index, table in enumerate(section.tables):
            row = _write_table(sheet, table, row, calendar, persian, freeze=index == 0)
    book.properties.title = content.title
    book.properties.creator = "Peyvand"
    return book


def write_xlsx(content: ReportContent, target: Path, *, language: str) -> None:
    build_workbook(content, language=language).save(target)
