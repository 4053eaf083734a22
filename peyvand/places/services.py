"""Writes of the world atlas: confirming Persian names, adding a missing city."""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from peyvand.core.text import normalize_display
from peyvand.core.validation import create_valid

from .models import City, CityNameReview, Country, ReviewAction
from .search import city_index_refresh, city_names_rebuild, city_search_text

_PERSIAN_LETTERS = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTERS = re.compile("[A-Za-z]")
NAME_MAX = 200
# The basis of a shipped reviewed name (data/world/city_names_fa_reviewed.csv) -> its action.
SHIPPED_BASES = {
    "candidate": ReviewAction.SHIPPED_CANDIDATE,
    "exonym": ReviewAction.SHIPPED_EXONYM,
}
PERSON_ACTIONS = [
    ReviewAction.SUGGESTION,
    ReviewAction.CANDIDATE,
    ReviewAction.TYPED,
    ReviewAction.ADDED,
]
SHIP_BATCH = 500


def clean_persian_name(name: str) -> str:
    """The display form of a Persian name, or ValidationError with a clear message."""
    value = normalize_display(name)
    if not value:
        raise ValidationError(_("Type a Persian name."), code="required")
    if len(value) > NAME_MAX:
        raise ValidationError(
            _("A name has at most %(max)s characters.") % {"max": NAME_MAX}, code="max_length"
        )
    if not _PERSIAN_LETTERS.search(value) or _LATIN_LETTERS.search(value):
        raise ValidationError(_("Write the name in Persian script."), code="script")
    return value


@transaction.atomic
def city_name_confirm(
    *, city: City, name: str, reviewer: User, action: str = ReviewAction.TYPED
) -> CityNameReview:
    """Record a reviewer's Persian name for a city (shown from now on), with who and when."""
    if action not in {ReviewAction.SUGGESTION, ReviewAction.CANDIDATE, ReviewAction.TYPED}:
        raise ValidationError(_("Unknown review action."), code="invalid")
    value = clean_persian_name(name)
    city = City.objects.select_for_update().get(pk=city.pk)
    review = CityNameReview.objects.create(
        city=city,
        city_code=city.code,
        name=value,
        previous_name=city.name_fa_confirmed,
        action=action,
        reviewer=reviewer,
    )
    city.name_fa_confirmed = value
    city.save(update_fields=["name_fa_confirmed"])
    city_index_refresh(cities=[city])
    return review


def clean_shipped_basis(basis: str) -> str:
    if basis not in SHIPPED_BASES:
        raise ValidationError(
            _("The basis of a reviewed name is one of: %(values)s.")
            % {"values": ", ".join(SHIPPED_BASES)},
            code="basis",
        )
    return basis


@transaction.atomic
def city_names_ship(*, names: Mapping[str, tuple[str, str]]) -> list[int]:
    """Confirm the reviewed Persian names shipped with the product: code -> (name, basis).

    Recorded as a reviewer's confirmation is (the confirmed name, a CityNameReview with the
    basis as its action, no reviewer). A city a person has reviewed keeps that person's
    name. Returns the pks of the cities whose confirmed name changed (their search keys
    rebuilt).
    """
    wanted = {
        code: (clean_persian_name(name), SHIPPED_BASES[clean_shipped_basis(basis)])
        for code, (name, basis) in names.items()
    }
    by_people = set(
        CityNameReview.objects.filter(action__in=PERSON_ACTIONS).values_list("city_code", flat=True)
    )
    codes = sorted(set(wanted) - by_people)
    changed: list[City] = []
    reviews: list[CityNameReview] = []
    for start in range(0, len(codes), SHIP_BATCH):
        for city in City.objects.filter(code__in=codes[start : start + SHIP_BATCH]):
            name, action = wanted[city.code]
            if city.name_fa_confirmed == name:
                continue
            reviews.append(
                CityNameReview(
                    city=city,
                    city_code=city.code,
                    name=name,
                    previous_name=city.name_fa_confirmed,
                    action=action,
                )
            )
            city.name_fa_confirmed = name
            values = {f.attname: getattr(city, f.attname) for f in City._meta.concrete_fields}
            city.search_text = city_search_text(values)
            changed.append(city)
    City.objects.bulk_update(changed, ["name_fa_confirmed", "search_text"], batch_size=SHIP_BATCH)
    CityNameReview.objects.bulk_create(reviews, batch_size=SHIP_BATCH)
    pks = [city.pk for city in changed]
    city_names_rebuild(city_ids=pks)
    return pks


def _hand_code(name_en: str, country: Country | None) -> str:
    base = "hand:" + "-".join(
        part for part in ((country.code.lower() if country else ""), slugify(name_en)) if part
    )
    base = base[:70] if base != "hand:" else "hand:city"
    code, n = base, 2
    while City.objects.filter(code=code).exists():
        code, n = f"{base}-{n}", n + 1
    return code


@transaction.atomic
def city_add(
    *,
    name_en: str,
    name_fa: str,
    country: Country | None,
    lat: float | None,
    lon: float | None,
    population: int | None,
    user: User,
) -> City:
    """A city missing from the atlas, added by hand (code `hand:<country>-<slug>`)."""
    name_en = " ".join(name_en.split())
    if not name_en:
        raise ValidationError(_("Type the English name."), code="required")
    if (lat is None) != (lon is None):
        raise ValidationError(_("Give both latitude and longitude, or neither."), code="position")
    if lat is not None and not -90 <= lat <= 90:
        raise ValidationError(_("Latitude must be between -90 and 90."), code="lat")
    if lon is not None and not -180 <= lon <= 180:
        raise ValidationError(_("Longitude must be between -180 and 180."), code="lon")
    persian = clean_persian_name(name_fa) if name_fa.strip() else ""
    city = create_valid(
        City,
        code=_hand_code(name_en, country),
        name_en=name_en,
        name_fa_confirmed=persian,
        country=country,
        lat=lat,
        lon=lon,
        population=population,
        added_by_hand=True,
        added_by=user,
    )
    CityNameReview.objects.create(
        city=city,
        city_code=city.code,
        name=persian,
        action=ReviewAction.ADDED,
        reviewer=user,
    )
    city_index_refresh(cities=[city])
    return city
