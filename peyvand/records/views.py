"""The one members-only download view over the registry of private file fields."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import cast

from django.http import FileResponse, Http404, HttpResponse

from peyvand.accounts.access import OfficeRequest, get_for_office, office_view
from peyvand.core.uploads import content_type_of, stored_name

from .files import file_kind


@office_view()
def download(request: OfficeRequest, kind: str, pk: int) -> HttpResponse:
    """A private file: only members of the owning office, always as an attachment, with the
    type of its checked content (never the type its user-given name suggests)."""
    registered = file_kind(kind)
    if registered is None:
        raise Http404
    row = get_for_office(registered.model, request.office, pk=pk)
    stored = getattr(row, registered.field)
    if not stored:
        raise Http404
    extension = PurePosixPath(str(stored.name)).suffix.lower()
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stored_name(registered.name(row), extension),
        content_type=content_type_of(str(stored.name)),
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Were a browser ever to render it, the file runs nothing and reaches nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return cast(HttpResponse, response)
