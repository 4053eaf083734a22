"""Reading one world file: rows with their line numbers, problems collected per file."""

from __future__ import annotations

import csv
import gzip
import io
import math
import zlib
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


class UnreadableFile(Exception):
    """A file that cannot be read as CSV text (a damaged or truncated .gz, not UTF-8, a
    field too long for the CSV reader); the message says why, in the active language."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _text_of(path: Path) -> str:
    try:
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as exc:
        # gzip.BadGzipFile is an OSError; a truncated file ends in EOFError.
        raise UnreadableFile(
            _("cannot be read: the compressed file is damaged or cut short (%(error)s)")
            % {"error": str(exc) or type(exc).__name__}
        ) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UnreadableFile(
            _("is not UTF-8 text: byte %(byte)s at position %(position)s cannot be read")
            % {"byte": f"0x{raw[exc.start]:02x}", "position": exc.start},
            line,
        ) from exc


def read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each record; line numbers count the header as line 1.
    A file that cannot be read raises `UnreadableFile` (with the line, when known)."""
    text = _text_of(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        try:
            header = next(reader)
        except StopIteration:
            # Not "no rows": a cut file must not read as an empty table (which --prune
            # would take for every row gone; found by the property tests).
            raise UnreadableFile(_("is empty: not even a header line")) from None
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
    except csv.Error as exc:
        raise UnreadableFile(
            _("cannot be read as CSV: %(error)s") % {"error": exc}, reader.line_num
        ) from exc


class Reader:
    """Collects problems for one file while its rows are parsed."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems
        self.line = 0

    def error(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.name, self.line if line is None else line, message))

    def rows(self, path: Path, required: list[str]) -> Iterator[dict[str, str]]:
        """The file's rows; a file that cannot be read is one problem (nothing after it)."""
        try:
            yield from self._rows(path, required)
        except UnreadableFile as exc:
            self.error(exc.message, exc.line)

    def _rows(self, path: Path, required: list[str]) -> Iterator[dict[str, str]]:
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
