"""What the opportunities' writes share: amounts, their currency, the field rules."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language

from peyvand.core.text import to_persian_digits
from peyvand.core.validation import currency_error, normalise_currency, validate_fields

Errors = dict[str, list[Any]]


def decimal_or_none(value: Any) -> Decimal | None:
    """An amount as the record keeps it (None for none); what is not a number is left for
    the field rules to refuse."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value  # type: ignore[no-any-return]


def finite(value: Any) -> Decimal | None:
    """The amount if it is a real number that can be compared, else None (the field rules
    refuse NaN, infinities and what is not a number)."""
    if isinstance(value, Decimal) and value.is_finite():
        return value
    return None


def shown_amount(value: Decimal) -> str:
    """An amount in a message: grouped, in the reader's digits."""
    text = f"{int(value):,}"
    return to_persian_digits(text) if (get_language() or "fa").startswith("fa") else text


def check_currency(
    errors: Errors, record: models.Model, amounts: Iterable[Any], missing: str
) -> None:
    """The record's `currency` as kept (EUR), refused unless it is a three-letter code,
    and required (`missing`) once any of its amounts is given."""
    code = normalise_currency(getattr(record, "currency", ""))
    record.currency = code  # type: ignore[attr-defined]
    if wrong := currency_error(code):
        errors["currency"] = [wrong]
    elif not code and any(a is not None for a in amounts):
        errors["currency"] = [missing]


def clean_text(record: models.Model, *names: str) -> None:
    """Titles on one line (spaces folded), other texts stripped."""
    for name in names:
        value = getattr(record, name) or ""
        if not isinstance(value, str):
            continue
        one_line = name.startswith("title_") or name in ("location",)
        setattr(record, name, " ".join(value.split()) if one_line else value.strip())


def finish(errors: Errors, record: models.Model) -> None:
    """Add the field rules (core.validation) for the fields without an error yet, and
    refuse with every error found."""
    try:
        validate_fields(record, exclude=list(errors))
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
