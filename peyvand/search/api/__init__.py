"""Search API: the selector the page calls, in the list shape of the API."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from peyvand.accounts.access import office_answer, office_request
from peyvand.accounts.api_auth import api_auth
from peyvand.core.api import ErrorOut, ValidationOut
from peyvand.places.models import City

from .. import selectors
from ..kinds import kind_of
from .schemas import SearchFilters, SearchPage

router = Router(auth=api_auth, tags=["search"])


def _city(code: str) -> int | None:
    if not code.strip():
        return None
    pk = City.objects.filter(code=code.strip()).values_list("pk", flat=True).first()
    if pk is None:
        raise ValidationError({"city": [_("There is no city with this id.")]})
    return pk


@router.get("/offices/{slug}/search", response={200: SearchPage, 404: ErrorOut, 422: ValidationOut})
@office_answer
def search(request: HttpRequest, slug: str, filters: Query[SearchFilters]) -> Any:
    """The office's records and the shared ones matching `q`, best first (the normalisation
    and ranking of the search page): `{count, limit, offset, items}`."""
    office = office_request(request, slug).office
    if filters.type and kind_of(filters.type) is None:
        raise ValidationError({"type": [_("There is no such type.")]})
    found = selectors.search(
        office,
        filters.q,
        types=[filters.type] if filters.type else [],
        area=filters.area,
        city=_city(filters.city),
        limit=filters.limit,
        offset=filters.offset,
    )
    items = [
        {
            "type": hit.type,
            "id": hit.id,
            "title": hit.title,
            "snippet": str(hit.snippet),
            "url": hit.url,
            "similar": hit.similar,
        }
        for hit in found.hits
    ]
    return {"count": found.count, "limit": filters.limit, "offset": filters.offset, "items": items}
