"""What every kind of record shares in a spreadsheet: its columns, how a cell is read and
written, and what a kind must say (how to find, compare, create and change a record).

A cell is read into the value a service takes (a date, a number, a city, a list of
cooperation areas); the service then runs every rule of the record. A value the reader
cannot parse is an error of its row and column, worded for a person.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from peyvand.accounts.actors import Actor
from peyvand.accounts.models import Office
from peyvand.core.dates import InvalidDate, parse_iso, parse_jalali, to_jalali
from peyvand.core.text import ascii_digits, search_key

_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$")
# A year before this is a Persian (solar hijri) year: 1403/02/15; after, Gregorian.
JALALI_BEFORE = 1700
# Items of a list cell: "a; b" (or ؛ | and a new line); short codes also by commas.
_LIST_SPLIT = re.compile(r"\s*[;؛|\n]\s*")
_CODES_SPLIT = re.compile(r"\s*[;؛|\n,،]\s*")
_YES = {"1", "yes", "y", "true", "بله", "آری", "بلی", "درست"}
_NO = {"", "0", "no", "n", "false", "خیر", "نه", "نادرست"}


class CellError(ValueError):
    """A cell that cannot be read: its message is shown by row and column."""


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_text(value: Any) -> str:
    return text_of(value)


def read_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = ascii_digits(text_of(value))
    if not text:
        return None
    match = _DATE.match(text)
    if not match:
        raise CellError(_("Enter a date as 1403/02/15 (Persian) or 2024-05-04 (Gregorian)."))
    try:
        if int(match.group(1)) < JALALI_BEFORE:
            return parse_jalali(text)
        return parse_iso(text)
    except InvalidDate as exc:
        raise CellError(str(exc)) from None


def write_date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    if lang == "fa":
        j = to_jalali(value)
        return f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    return value.isoformat()


def read_int(value: Any) -> int | None:
    text = ascii_digits(text_of(value)).replace("٬", "").replace(",", "")
    if not text:
        return None
    if not re.fullmatch(r"-?\d{1,18}", text):
        raise CellError(_("Enter a whole number."))
    return int(text)


def read_decimal(value: Any) -> Decimal | None:
    text = ascii_digits(text_of(value)).replace("٬", "").replace(",", "").replace("٫", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(_("Enter a number.")) from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 18:
        raise CellError(_("Enter a number."))
    return number


def read_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = ascii_digits(text_of(value)).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(_("Write yes or no."))


def write_bool(value: bool, lang: str) -> str:
    if lang == "fa":
        return "بله" if value else "خیر"
    return "yes" if value else "no"


def write_number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


def split_list(value: Any, *, commas: bool = False) -> list[str]:
    """The items of a list cell; `commas` for lists of codes and numbers (names such as
    "Culture, heritage and tourism" hold commas)."""
    text = text_of(value)
    pattern = _CODES_SPLIT if commas else _LIST_SPLIT
    return [part for part in pattern.split(text) if part] if text else []


@dataclass(frozen=True)
class Choices:
    """A choice column: the code or its label in either language is read as the code."""

    items: tuple[tuple[str, Promise | str, str], ...]  # code, lazy label, English label

    @classmethod
    def of(cls, choices: Any) -> Choices:
        from django.utils import translation

        with translation.override("en"):
            english = {str(code): str(label) for code, label in choices.choices}
        return cls(tuple((str(c), label, english[str(c)]) for c, label in choices.choices))

    @cached_property
    def codes(self) -> dict[str, str]:
        """The search key of each spelling (code, English, Persian label) -> its code; the
        first choice spelled so wins. Made once, not for every cell."""
        from django.utils import translation

        found: dict[str, str] = {}
        for code, label, english in self.items:
            with translation.override("fa"):
                persian = str(label)
            for spelling in (code, english, persian):
                found.setdefault(search_key(spelling), code)
        return found

    def read(self, value: Any) -> str:
        key = search_key(text_of(value))
        if not key:
            return ""
        code = self.codes.get(key)
        if code is not None:
            return code
        raise CellError(
            _("Not one of the allowed values: %(values)s.")
            % {"values": "، ".join(str(label) for _c, label, _e in self.items)}
        )

    def write(self, code: str, lang: str) -> str:
        from django.utils import translation

        for c, label, _english in self.items:
            if c == code:
                with translation.override(lang):
                    return str(label)
        return code


@dataclass(frozen=True)
class Column:
    """One column of a kind: its key (the field it fills), its headers in both languages,
    and whether a file must have it."""

    key: str
    header_fa: str
    header_en: str
    required: bool = False

    def header(self, lang: str) -> str:
        return self.header_fa if lang == "fa" else self.header_en


@dataclass
class Context:
    """What reading a file needs besides its cells: the office, who imports, the cities
    matched (by name, per column) and the user's picks for ambiguous names."""

    office: Office
    actor: Actor
    cities: Any = None  # cities.CityMatcher
    lookups: dict[str, Any] = field(default_factory=dict)  # a kind's indexes, loaded once


@dataclass
class Kind:
    """A kind of record in a spreadsheet.

    - `records(office, filters)`: what an export lists (the list page's filters);
    - `read(cells, ctx)`: the row's values by column key (CellError per cell, collected);
    - `find(values, ctx)`: the existing record a row names (by `id` or the natural key);
    - `current(record, ctx)`: the record's values by column key, to compare a row with;
    - `write(record, lang)`: the record's cells by column key (what an export writes);
    - `create(values, ctx)` / `update(record, changed, ctx)`: through the record's services.
    """

    name: str
    label: Promise | str
    role: str
    columns: tuple[Column, ...]
    records: Callable[[Office, Mapping[str, str]], QuerySet[Any]]
    read: Callable[[dict[str, Any], Context], dict[str, Any]]
    find: Callable[[dict[str, Any], Context], Model | None]
    natural_key: Callable[[dict[str, Any]], Any]
    current: Callable[[Any, Context], dict[str, Any]]
    write: Callable[[Any, str], dict[str, str]]
    create: Callable[[dict[str, Any], Context], Model]
    update: Callable[[Any, dict[str, Any], Context], Model]
    prepare: Callable[[Context], None] = lambda ctx: None
    city_columns: tuple[str, ...] = ()
    # a service's field name -> the column its error belongs to (same name otherwise)
    field_columns: Mapping[str, str] = field(default_factory=dict)
    # `create` and `update` are each one call of a service that is atomic itself, with no
    # write before or after it: the service's savepoint undoes a refused row, and the
    # import opens none of its own around it (two statements a row fewer)
    one_write: bool = False

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


ID = Column("id", "شناسه", "id")


def read_cells(
    cells: Mapping[str, Any], readers: Mapping[str, Callable[[Any], Any]]
) -> dict[str, Any]:
    """Read the cells a row has with their readers; every unreadable cell is collected
    into one CellErrors (by column key)."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for key, reader in readers.items():
        if key not in cells:
            continue
        try:
            values[key] = reader(cells[key])
        except CellError as exc:
            errors[key] = str(exc)
    if errors:
        raise CellErrors(errors)
    return values


class CellErrors(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


def read_id(value: Any) -> int | None:
    number = read_int(value)
    if number is not None and not 1 <= number <= 2**63 - 1:
        raise CellError(_("Not an id of this office's records."))
    return number


def by_pk(queryset: QuerySet[Any], pk: int | None) -> Any:
    if pk is None:
        return None
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise CellErrors({"id": _("There is no record with this id in the office.")})
    return found


def changed_values(values: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """The values a row gives that differ from the record's (only the file's columns)."""
    return {k: v for k, v in values.items() if k != "id" and k in current and current[k] != v}


def area_codes(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(sorted(str(v) for v in values))


def read_all(*steps: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run every step of reading a row and report the errors of all of them at once."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for step in steps:
        try:
            values.update(step())
        except CellErrors as exc:
            errors.update(exc.errors)
    if errors:
        raise CellErrors(errors)
    return values
