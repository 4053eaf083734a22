"""The public API: read-only, no login, what the office's portal shows (the open data rows),
`{count, limit, offset, items}` a page at a time with the licence and attribution. Kept
like the portal's pages, under the office's data version."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from peyvand.core.api import ErrorOut, ValidationOut
from peyvand.core.pagecache import cached_answer
from peyvand.core.versions import world_version

from .. import opendata, selectors
from .schemas import ActivitiesOut, PartnershipsOut, PitchesOut, PracticesOut, PublicQuery

router = Router(tags=["public portal"])


def public_answer_key(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> Any:
    found = selectors.office_version(slug)
    return None if found is None else ("portal-api", found[0], found[1], world_version())


public_answer = cached_answer(public_answer_key)


def _page(slug: str, name: str, query: PublicQuery) -> dict[str, Any]:
    office = selectors.portal_office(slug)
    dataset = opendata.DATASETS[name]
    records = dataset.rows(office)
    count = records.count()
    window = records[query.offset : query.offset + query.limit]
    return {
        "count": count,
        "limit": query.limit,
        "offset": query.offset,
        "licence": f"{opendata.LICENCE} ({opendata.LICENCE_URL})",
        "attribution": opendata.attribution(office),
        "items": [dataset.row(r, office.slug) for r in window],
    }


ANSWERS: dict[int, Any] = {404: ErrorOut, 422: ValidationOut}


@router.get(
    "/public/offices/{slug}/partnerships",
    response={200: PartnershipsOut, **ANSWERS},
    auth=None,
)
@public_answer
def public_partnerships(request: HttpRequest, slug: str, query: Query[PublicQuery]) -> Any:
    """The office's published partnerships (no login)."""
    return _page(slug, "partnerships", query)


@router.get(
    "/public/offices/{slug}/activities", response={200: ActivitiesOut, **ANSWERS}, auth=None
)
@public_answer
def public_activities(request: HttpRequest, slug: str, query: Query[PublicQuery]) -> Any:
    """The published activities of its published partnerships, newest first, with their
    published outcomes (no login)."""
    return _page(slug, "activities", query)


@router.get("/public/offices/{slug}/practices", response={200: PracticesOut, **ANSWERS}, auth=None)
@public_answer
def public_practices(request: HttpRequest, slug: str, query: Query[PublicQuery]) -> Any:
    """The practices it adopted and published (no login)."""
    return _page(slug, "practices", query)


@router.get("/public/offices/{slug}/pitches", response={200: PitchesOut, **ANSWERS}, auth=None)
@public_answer
def public_pitches(request: HttpRequest, slug: str, query: Query[PublicQuery]) -> Any:
    """Its published project pitches for investors (no login)."""
    return _page(slug, "pitches", query)
