"""The director's audit log of the office: filters, pages, and the same list as CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.pagination import paginate, querystring_without

from .forms import AuditFilterForm
from .presenters import rows
from .selectors import audit_entries

PAGE_SIZE = 50
CSV_COLUMNS = ["at", "actor", "source", "action", "object_type", "object_id", "changes", "ip"]


# Not kept (core.pagecache): an entry is written by writes that raise no office version
# (a login's, a world record's), and the log must show them at once.
@office_view(Role.DIRECTOR)
@office_page  # every audited write of the office raises its data version (accounts.versions)
def log(request: OfficeRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.filters()
    page = paginate(request, audit_entries(office=request.office, filters=filters), PAGE_SIZE)
    context = {
        "form": form,
        "page_obj": page,
        "rows": rows(list(page.object_list)),
        "querystring": querystring_without(request, "page"),
        "filtered": filters != type(filters)(),
        "export_query": querystring_without(request, "page"),
    }
    return render(request, "audit/log.html", context)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


@office_view(Role.DIRECTOR)
def export(request: OfficeRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    entries = audit_entries(office=request.office, filters=form.filters())
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(CSV_COLUMNS)  # the mark: spreadsheets read UTF-8
        for e in entries.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    _cell(e.at.isoformat()),
                    _cell(e.actor_name),
                    _cell(e.source),
                    _cell(e.action),
                    _cell(e.object_type),
                    _cell(e.object_id),
                    _cell(json.dumps(e.changes, ensure_ascii=False, sort_keys=True)),
                    _cell(e.ip),
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{request.office.slug}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response  # type: ignore[return-value]  # streamed: the rows are many
