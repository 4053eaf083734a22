"""Reading a spreadsheet: CSV (UTF-8, with or without BOM) or XLSX, into a header row and
rows of cells. Another encoding, another format or an unreadable file is refused with a
sentence saying what to do, before any row is read."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

# Bigger files are refused (a 10,000-row file of any kind is far smaller).
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 100


class UnreadableFile(ValueError):
    """The file cannot be read at all: its message is the whole answer."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (the row's number in the file, its cells)


def _csv(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(
            _(
                'The file is not in UTF-8. Save it again as "CSV UTF-8" (Excel) or with '
                "the UTF-8 encoding, or upload it as XLSX."
            )
        ) from None
    if "\x00" in text:
        raise UnreadableFile(_("The file holds null characters: it is not a CSV file."))
    # The delimiter is the header line's most frequent of , ; and tab (Excel writes ;
    # in some locales); quoting is always Excel's.
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx(data: bytes) -> list[list[Any]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from None
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def read_table(data: bytes, filename: str) -> Table:
    if len(data) > MAX_BYTES:
        raise UnreadableFile(_("The file is larger than 20 MB."))
    if data[:4] == b"PK\x03\x04" or filename.lower().endswith(".xlsx"):
        raw = _xlsx(data)
    else:
        raw = _csv(data)
    rows = [(n, r) for n, r in enumerate(raw, start=1) if any(c not in (None, "") for c in r)]
    if not rows:
        raise UnreadableFile(_("The file is empty."))
    if len(rows) - 1 > MAX_ROWS:
        raise UnreadableFile(
            _("The file has more than %(n)s rows: split it.") % {"n": f"{MAX_ROWS:,}"}
        )
    headers = ["" if c is None else str(c).strip().lstrip("\ufeff") for c in rows[0][1]]
    if len(headers) > MAX_COLUMNS:
        raise UnreadableFile(_("The file has too many columns."))
    return Table(headers=headers, rows=rows[1:])
