"""The portal's open data: one row shape per kind of public record, used by the CSV and JSON
downloads and by the public API alike (so they never say different things), with the
licence and attribution every file carries. Rows come from `selectors` only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.models import Office
from peyvand.places.models import City

from . import selectors

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def attribution(office: Office) -> str:
    """The attribution a reuser gives (in English and Persian: files are read in both)."""
    return (
        f"{office.name_en or office.name_fa} / {office.name_fa or office.name_en}, "
        "Peyvand public portal; place names from GeoNames (CC BY 4.0)"
    )


def _city(city: City | None) -> dict[str, Any]:
    if city is None:
        return {"code": None, "name_en": None, "name_fa": None, "country": None}
    return {
        "code": city.code,
        "name_en": city.name_en,
        "name_fa": city.name_fa_display or None,
        "country": city.country.code if city.country_id and city.country else None,
    }


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _url(name: str, slug: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs={"office_slug": slug, **kwargs})


def partnership_row(p: Any, slug: str) -> dict[str, Any]:
    city = _city(p.partner_city)
    return {
        "id": p.pk,
        "partner_city": city["code"],
        "partner_city_name_en": city["name_en"],
        "partner_city_name_fa": city["name_fa"],
        "country": city["country"],
        "kind": p.kind,
        "status": p.status,
        "signed_on": _day(p.signed_on),
        "valid_until": _day(p.valid_until),
        "summary_fa": p.summary_fa,
        "summary_en": p.summary_en,
        "url": _url("portal:partnership", slug, pk=p.pk),
    }


def activity_row(a: Any, slug: str = "") -> dict[str, Any]:
    return {
        "id": a.pk,
        "date": _day(a.date),
        "kind": a.kind,
        "title": a.title,
        "description": a.description,
        "participants": a.participants,
        "partnerships": [p.pk for p in a.public_pacts],
        "outcomes": [outcome_row(o) for o in a.outcomes.all()],
    }


def outcome_row(o: Any, slug: str = "") -> dict[str, Any]:
    return {
        "id": o.pk,
        "activity": o.activity_id,
        "kind": o.kind,
        "value": str(o.value) if o.value is not None else None,
        "unit": o.unit,
        "note": o.note,
    }


def practice_row(p: Any, slug: str) -> dict[str, Any]:
    city = _city(p.source_city)
    return {
        "id": p.pk,
        "title_fa": p.title_fa,
        "title_en": p.title_en,
        "summary_fa": p.summary_fa,
        "summary_en": p.summary_en,
        "source_city": city["code"],
        "source_city_name_en": city["name_en"],
        "adopted_on": _day(p.adopted_on),
        "areas": [a.code for a in p.areas.all()],
        "url": _url("portal:practice", slug, pk=p.pk),
    }


def pitch_row(p: Any, slug: str) -> dict[str, Any]:
    return {
        "id": p.pk,
        "title_fa": p.title_fa,
        "title_en": p.title_en,
        "description_fa": p.description_fa,
        "description_en": p.description_en,
        "area": p.area.code if p.area_id and p.area else None,
        "location": p.location,
        "budget": str(p.budget) if p.budget is not None else None,
        "financing_sought": str(p.financing_sought) if p.financing_sought is not None else None,
        "currency": p.currency,
        "instrument": p.instrument,
        "stage": p.stage,
        "status": p.status,
        "url": _url("portal:pitch", slug, pk=p.pk),
    }


def event_row(e: Any, slug: str = "") -> dict[str, Any]:
    city = _city(e.host_city)
    return {
        "id": e.pk,
        "title_fa": e.title_fa,
        "title_en": e.title_en,
        "kind": e.kind,
        "starts_on": _day(e.starts_on),
        "ends_on": _day(e.ends_on),
        "host_city": city["code"],
        "host_city_name_en": city["name_en"],
        "website": e.website,
    }


@dataclass(frozen=True)
class Dataset:
    """A kind of public record as open data: its rows and the CSV columns."""

    name: str
    rows: Callable[[Office], QuerySet[Any]]
    # (record, the office's slug) -> the row
    row: Callable[[Any, str], dict[str, Any]]


DATASETS: dict[str, Dataset] = {
    "partnerships": Dataset("partnerships", selectors.public_pacts, partnership_row),
    "activities": Dataset("activities", selectors.public_activities, activity_row),
    "outcomes": Dataset("outcomes", selectors.public_outcomes, outcome_row),
    "practices": Dataset("practices", selectors.public_practices, practice_row),
    "pitches": Dataset("pitches", selectors.public_pitches, pitch_row),
    "events": Dataset(
        "events", lambda office: selectors.public_events(office, dt.date.min), event_row
    ),
}


def rows(dataset: Dataset, office: Office) -> Iterator[dict[str, Any]]:
    """Every row of the dataset, read a chunk at a time."""
    for record in dataset.rows(office).iterator(chunk_size=500):
        yield dataset.row(record, office.slug)


def csv_cells(row: dict[str, Any]) -> list[Any]:
    """A row as CSV cells: lists joined by `;`, nested rows (an activity's outcomes) as
    their count (the outcomes file lists them)."""
    cells: list[Any] = []
    for value in row.values():
        if isinstance(value, list):
            if value and isinstance(value[0], dict):
                cells.append(len(value))
            else:
                cells.append(";".join(str(v) for v in value))
        else:
            cells.append("" if value is None else value)
    return cells


def header(dataset: Dataset) -> list[str]:
    """The CSV columns: the row's keys, in order (a test holds the two together)."""
    return list(COLUMNS[dataset.name])


COLUMNS: dict[str, tuple[str, ...]] = {
    "partnerships": (
        "id",
        "partner_city",
        "partner_city_name_en",
        "partner_city_name_fa",
        "country",
        "kind",
        "status",
        "signed_on",
        "valid_until",
        "summary_fa",
        "summary_en",
        "url",
    ),
    "activities": (
        "id",
        "date",
        "kind",
        "title",
        "description",
        "participants",
        "partnerships",
        "outcomes",
    ),
    "outcomes": ("id", "activity", "kind", "value", "unit", "note"),
    "practices": (
        "id",
        "title_fa",
        "title_en",
        "summary_fa",
        "summary_en",
        "source_city",
        "source_city_name_en",
        "adopted_on",
        "areas",
        "url",
    ),
    "pitches": (
        "id",
        "title_fa",
        "title_en",
        "description_fa",
        "description_en",
        "area",
        "location",
        "budget",
        "financing_sought",
        "currency",
        "instrument",
        "stage",
        "status",
        "url",
    ),
    "events": (
        "id",
        "title_fa",
        "title_en",
        "kind",
        "starts_on",
        "ends_on",
        "host_city",
        "host_city_name_en",
        "website",
    ),
}


def licence_lines(office: Office) -> Iterable[str]:
    yield f"licence: {LICENCE} ({LICENCE_URL})"
    yield f"attribution: {attribution(office)}"
