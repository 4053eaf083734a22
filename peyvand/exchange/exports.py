"""Writing a kind's records to CSV (UTF-8 with BOM, so Excel reads Persian) or XLSX, with
the headers and values in the reader's language; what `services.import_table` reads back
unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from .kinds.base import Kind

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _rows(kind: Kind, records: Iterable[Any], lang: str) -> Iterable[list[str]]:
    yield [c.header(lang) for c in kind.columns]
    for record in records:
        cells = kind.write(record, lang)
        yield [cells.get(c.key, "") for c in kind.columns]


def export_csv(kind: Kind, records: Iterable[Any], lang: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in _rows(kind, records, lang):
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_xlsx(kind: Kind, records: Iterable[Any], lang: str) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=kind.name)
    if lang == "fa":
        sheet.sheet_view.rightToLeft = True
    for row in _rows(kind, records, lang):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, never a formula (a note starting with "=")
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export(kind: Kind, records: Iterable[Any], lang: str, fmt: str) -> bytes:
    return export_xlsx(kind, records, lang) if fmt == "xlsx" else export_csv(kind, records, lang)


def filename(kind: Kind, office_slug: str, fmt: str) -> str:
    return f"{office_slug}-{kind.name}.{fmt}"
