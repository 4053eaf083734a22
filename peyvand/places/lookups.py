"""The atlas's cities by the public ids an API client sends (`gn:2761369`), refused as
field errors: one lookup for every app's API."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import City


def cities(codes: Iterable[str], field: str) -> list[City]:
    """The cities of these ids, every one known, or a refusal under `field`."""
    wanted = set(codes)
    found = list(City.objects.select_related("country").filter(code__in=wanted))
    if len(found) != len(wanted):
        raise ValidationError({field: [_("There is no city with this id.")]})
    return found


def city(code: str | None, field: str) -> City | None:
    """The city of one id (None for none sent)."""
    if not code:
        return None
    return cities([code], field)[0]
