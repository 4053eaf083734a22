"""The one members-only download view over the registry of private file fields, and the
one toggle that publishes a record on the public portal (`publishing`)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import cast

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_view
from peyvand.accounts.models import Role
from peyvand.core.uploads import content_type_of, stored_name

from .api import stale_rows
from .files import file_kind
from .history import StaleVersion
from .publishing import publishable


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


@require_POST
@office_view(Role.OFFICER)
def publish(request: OfficeRequest, kind: str, pk: int) -> HttpResponse:
    """The toggle "publish on the portal" of a record's page: the kind's one publishing
    service (officer and up: a lower role is answered 403 before the form is read), then back to
    the page; a toggle made from an older version shows what changed meanwhile."""
    registered = publishable(kind)
    if registered is None:
        raise Http404
    record = get_for_office(registered.model, request.office, pk=pk)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = registered.page(record)
    version = request.POST.get("version", "")
    flag = request.POST.get("published", "")
    if not version.isdigit() or flag not in ("0", "1") or len(version) > 12:
        messages.error(request, _("The request was not understood; nothing was changed."))
        return redirect(back)
    try:
        registered.publish(
            record=record,
            actor=request.membership,
            published=flag == "1",
            expected_version=int(version),
        )
    except StaleVersion as exc:
        context = {"message": exc.message, "history": stale_rows(exc), "back": back}
        return render(request, "records/publish_stale.html", context, status=409)
    if flag == "1":
        messages.success(request, _("Published on the public portal."))
    else:
        messages.success(request, _("Withdrawn from the public portal."))
    return redirect(back)
