"""Reading one world file: rows with their line numbers, problems collected per file."""

from __future__ import annotations

import csv
import gzip
import io
import math
from collections.abc import Iterator
from pathlib import Path

from django.db import models
from django.utils.translation import gettext as _

from .data import Problem


def data_file(data_dir: Path, name: str) -> Path | None:
    """The file `name` in data_dir, preferring the gzip copy (name.gz)."""
    for candidate in (data_dir / f"{name}.gz", data_dir / name):
        if candidate.is_file():
            return candidate
    return None


def read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each record; line numbers count the header as line 1."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    header = [h.strip() for h in header]
    yield 1, {"__header__": ",".join(header)}
    start = reader.line_num + 1
    for row in reader:
        if not row or (len(row) == 1 and not row[0].strip()):
            start = reader.line_num + 1
            continue
        if len(row) != len(header):
            yield start, {"__bad_width__": str(len(row)), "__expected__": str(len(header))}
        else:
            yield start, dict(zip(header, (value.strip() for value in row), strict=True))
        start = reader.line_num + 1


class Reader:
    """Collects problems for one file while its rows are parsed."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems
        self.line = 0

    def error(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.name, self.line if line is None else line, message))

    def rows(self, path: Path, required: list[str]) -> Iterator[dict[str, str]]:
        for line, row in read_csv(path):
            self.line = line
            if "__header__" in row:
                columns = row["__header__"].split(",")
                missing = [c for c in required if c not in columns]
                if missing:
                    self.error(
                        _("missing column(s): %(columns)s") % {"columns": ", ".join(missing)}
                    )
                    return
                continue
            if "__bad_width__" in row:
                self.error(
                    _("expected %(expected)s fields, found %(found)s")
                    % {"expected": row["__expected__"], "found": row["__bad_width__"]}
                )
                continue
            yield row

    def integer(
        self, row: dict[str, str], column: str, *, minimum: int = 0, maximum: int | None = None
    ) -> int | None:
        value = row.get(column, "")
        if value == "":
            return None
        try:
            number = int(value)
        except ValueError:
            self.error(
                _("%(column)s is not a whole number: %(value)r")
                % {"column": column, "value": value}
            )
            return None
        if number < minimum or (maximum is not None and number > maximum):
            self.error(_("%(column)s out of range: %(value)s") % {"column": column, "value": value})
            return None
        return number

    def coordinate(self, row: dict[str, str], column: str, limit: float) -> float | None:
        value = row.get(column, "")
        if value == "":
            return None
        try:
            number = float(value)
        except ValueError:
            self.error(
                _("%(column)s is not a number: %(value)r") % {"column": column, "value": value}
            )
            return None
        if not math.isfinite(number) or not -limit <= number <= limit:
            self.error(
                _("%(column)s out of range (-%(limit)s to %(limit)s): %(value)s")
                % {"column": column, "value": value, "limit": int(limit)}
            )
            return None
        return number

    def text(self, row: dict[str, str], column: str, max_length: int) -> str:
        value = row.get(column, "")
        if len(value) > max_length:
            self.error(
                _("%(column)s is longer than %(max)s characters")
                % {"column": column, "max": max_length}
            )
            return value[:max_length]
        return value


def max_length(model: type[models.Model], name: str) -> int:
    return int(model._meta.get_field(name).max_length or 0)  # type: ignore[union-attr]
