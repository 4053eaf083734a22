"""The search page: one box, ranked hits with their types counted, filters, pages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.core.pagination import querystring_without
from peyvand.places.models import City

from . import selectors
from .forms import SearchForm
from .kinds import areas
from .selectors import Hit

PER_PAGE = 20
# Deeper than this nobody reads; the page number is bounded so the offset stays small.
MAX_PAGE = 500


class _Window(Sequence[Hit]):
    """The paginator's view of the hits: their count, and the one page fetched."""

    def __init__(self, count: int, offset: int, hits: list[Hit]) -> None:
        self.total, self.offset, self.hits = count, offset, hits

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...
    def __getitem__(self, index: int | slice) -> Hit | list[Hit]:
        if isinstance(index, slice):
            return self.hits if (index.start or 0) == self.offset else []
        return self.hits[index - self.offset]

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)


def _page_number(raw: str) -> int:
    digits = raw.strip()[:4]
    return min(int(digits), MAX_PAGE) if digits.isdigit() and int(digits) > 0 else 1


@office_view()
@office_page
def results(request: OfficeRequest) -> HttpResponse:
    kinds = selectors.search_kinds()
    form = SearchForm(request.GET or None, kinds=[(k.key, str(k.plural or k.key)) for k in kinds])
    context: dict[str, Any] = {
        "form": form,
        "kinds": kinds,
        "areas": areas(),
        "cities": selectors.office_cities(request.office),
        "querystring": querystring_without(request, "page"),
        "type_querystring": querystring_without(request, "page", "type"),
    }
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        city = City.objects.filter(code=data["city"]).first() if data["city"] else None
        number = _page_number(request.GET.get("page", ""))

        def run(number: int) -> selectors.SearchResult:
            return selectors.search(
                request.office,
                data["q"],
                types=data["type"],
                area=data["area"],
                city=city.pk if city is not None else None,
                date_from=data["from"],
                date_to=data["to"],
                limit=PER_PAGE,
                offset=(number - 1) * PER_PAGE,
            )

        found = run(number)
        if found.count and (number - 1) * PER_PAGE >= found.count:
            number = (found.count - 1) // PER_PAGE + 1  # past the last page: the last one
            found = run(number)
        paginator = Paginator(_Window(found.count, (number - 1) * PER_PAGE, found.hits), PER_PAGE)
        context.update(
            {
                "searched": True,
                "result": found,
                "page_obj": paginator.get_page(number) if found.count else None,
                "chosen_types": set(data["type"]),
                "filtered": bool(
                    data["type"] or data["area"] or city or data["from"] or data["to"]
                ),
                "atlas_cities": selectors.matching_cities(data["q"]),
            }
        )
    return render(request, "search/results.html", context)
