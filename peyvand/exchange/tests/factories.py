"""Small data for the exchange tests: cities the atlas's search finds, spreadsheets."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook

from peyvand.places.models import City
from peyvand.places.search import city_index_refresh
from peyvand.places.tests.factories import make_city


def searchable_city(name_en: str, *, country: str, name_fa: str = "", **kw: Any) -> City:
    city = make_city(name_en, country=country, name_fa=name_fa, **kw)
    city_index_refresh(cities=[city])
    return city


def csv_bytes(rows: list[list[Any]], *, bom: bool = False, encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode(encoding)


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
