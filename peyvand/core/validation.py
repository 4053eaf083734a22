"""The field rules every record's service runs before it writes: one place for them.

`validate_fields(instance)` runs the model's own field validation (lengths, choices,
digits of decimals, the database's integer range, URLs) and the rules Django's models do
not have: no NUL character in any text, text fields within `TEXT_MAX` characters, dates
between `DATE_MIN` and `DATE_MAX`, links only over http(s). It raises one translated
`ValidationError` with the errors by field, before anything is written; the pages put
them on their forms, the API answers 422 with them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .dates import format_date

DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
TEXT_MAX = 10_000
LINK_SCHEMES = ("http", "https")
NUL_MESSAGE = gettext_lazy("Null characters are not allowed.")
_link = URLValidator(schemes=list(LINK_SCHEMES))
# A currency is written as its ISO 4217 code: three capital letters (EUR, USD, IRR).
CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def date_in_range(value: dt.date | None) -> str | None:
    """The error for a date outside the range a record may hold, or None."""
    if value is None or DATE_MIN <= value <= DATE_MAX:
        return None
    return _("Enter a date between %(min)s and %(max)s.") % {
        "min": format_date(DATE_MIN),
        "max": format_date(DATE_MAX),
    }


def normalise_currency(value: str | None) -> str:
    """A currency code as typed ("eur ") as it is kept ("EUR")."""
    return (value or "").strip().upper()


def currency_error(code: str) -> str | None:
    """The error for a currency not written as its three-letter code, or None (for a good
    code or none: whether a currency is required is the record's own rule)."""
    if code and not CURRENCY_CODE.fullmatch(code):
        return _("Enter the currency as its three-letter code, e.g. EUR.")
    return None


def _extra_errors(field: models.Field[Any, Any], value: Any) -> list[str]:
    set_on_save = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    if value is None and not (field.null or field.primary_key or set_on_save):
        return [_("This field cannot be null.")]
    if isinstance(value, str):
        if "\x00" in value:
            return [str(NUL_MESSAGE)]
        if isinstance(field, models.TextField):
            limit = field.max_length or TEXT_MAX
            if len(value) > limit:
                return [
                    _("Ensure this value has at most %(limit_value)s characters.")
                    % {"limit_value": limit}
                ]
        if isinstance(field, models.URLField) and value:
            try:
                _link(value)
            except ValidationError:
                return [_("Enter a web address starting with http:// or https://.")]
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(field, models.DateField) and isinstance(value, dt.date):
        error = date_in_range(value)
        return [error] if error else []
    return []


def _loaded_relations(instance: models.Model) -> set[str]:
    """The foreign keys whose record the instance holds as read from (or written to) the
    database: Django's check that it exists would be one query each for a record the
    caller has in hand (the database's constraint still refuses a dangling key). A key
    limited to some choices is still checked."""
    found = set()
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey) or field.get_limit_choices_to():
            continue
        related = field.get_cached_value(instance, default=None)
        if (
            related is not None
            and not related._state.adding
            and related.pk is not None
            and getattr(related, field.target_field.attname) == getattr(instance, field.attname)
        ):
            found.add(field.name)
    return found


def validate_fields(instance: models.Model, *, exclude: Iterable[str] = ()) -> None:
    """Refuse, with errors by field, a record whose fields break a rule (nothing written)."""
    skip = set(exclude)
    errors: dict[str, list[str]] = {}
    for field in instance._meta.concrete_fields:
        if field.name in skip or field.attname in skip:
            continue
        found = _extra_errors(field, getattr(instance, field.attname))
        if found:
            errors[field.name] = found
    # Whether a value is required is the service's rule, worded for its record ("Give the
    # activity a title"); here an empty value passes unless the column cannot hold it.
    # A field of choices that may not be blank is never empty, though: an empty status or
    # kind is no value the record's pages can show.
    empty = {
        field.name
        for field in instance._meta.concrete_fields
        if (
            (value := getattr(instance, field.attname)) == "" and (field.blank or not field.choices)
        )
        or (value is None and field.null)
    }
    try:
        instance.clean_fields(exclude=skip | set(errors) | empty | _loaded_relations(instance))
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def create_valid[M: models.Model](model: type[M], **fields: Any) -> M:
    """`model.objects.create(**fields)`, refused with errors by field before any write."""
    instance = model(**fields)
    validate_fields(instance)
    instance.save()
    return instance


# The largest id a database row can have (a 64-bit signed integer): a larger one, typed
# into a URL or a filter, names no record instead of overflowing the query.
MAX_ID = 2**63 - 1


def is_record_id(value: Any) -> bool:
    """True for text or a number that can be a row's id (1 to MAX_ID)."""
    text = str(value).strip()
    return text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_ID


class NotAllowedNow(Exception):
    """A write refused because of the record's current state, not its values (a mission
    that cannot be approved before it is submitted): the page shows `message`, the API
    answers 409 with it as `detail`. Nothing is written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
