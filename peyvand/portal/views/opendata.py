"""The open data page and its downloads: every public record as CSV or JSON, with the
licence and attribution in each file (rows from `opendata`, which reads `selectors`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import opendata, selectors
from .common import page_context, public_page


@public_page
def data(request: HttpRequest, office_slug: str) -> HttpResponse:
    office = selectors.portal_office(office_slug)
    context = page_context(
        request,
        office,
        title=_("Open data of %(office)s") % {"office": office.name},
        description=_(
            "Download what %(office)s publishes on its partnerships, activities, outcomes, "
            "practices, projects and events, as CSV or JSON, free to reuse with attribution."
        )
        % {"office": office.name},
        section="data",
        datasets=list(opendata.DATASETS),
    )
    return render(request, "portal/data.html", context)


class _Echo:
    def write(self, value: str) -> str:
        return value


def download(
    request: HttpRequest, office_slug: str, name: str, fmt: str
) -> HttpResponse | StreamingHttpResponse:
    """One dataset as a file (not kept: it streams, and a CSV is no HTML page)."""
    dataset = opendata.DATASETS.get(name)
    if dataset is None or fmt not in ("csv", "json"):
        raise Http404
    office = selectors.portal_office(office_slug)
    filename = f"{office.slug}-{name}.{fmt}"
    response: HttpResponse | StreamingHttpResponse
    if fmt == "json":
        body: dict[str, Any] = {
            "licence": opendata.LICENCE,
            "licence_url": opendata.LICENCE_URL,
            "attribution": opendata.attribution(office),
            "office": office.slug,
            "generated_on": timezone.localdate().isoformat(),
            "items": list(opendata.rows(dataset, office)),
        }
        body["count"] = len(body["items"])
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    else:
        writer = csv.writer(_Echo())

        def lines() -> Iterator[str]:
            yield "\ufeff"  # spreadsheets read UTF-8 (Persian) only with the mark
            for line in opendata.licence_lines(office):
                yield writer.writerow([f"# {line}"])
            yield writer.writerow(opendata.header(dataset))
            for row in opendata.rows(dataset, office):
                yield writer.writerow(opendata.csv_cells(row))

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
