"""The one members-only download view over the registry of private file fields, the one
toggle that publishes a record on the public portal (`publishing`), and the bin
(`binning`): its list, restore and purge, and the deletion of the kinds it keeps."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.uploads import content_type_of, stored_name

from .api import stale_rows
from .binning import KEEP_DAYS, BinKind, bin_kind, bin_purge, bin_restore, binned_record
from .files import file_kind
from .forms import BinFilterForm, DeleteForm, PurgeForm
from .history import StaleVersion
from .publishing import publishable
from .selectors import bin_entries, bin_rows


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


# The bin (decision 0020) ----------------------------------------------------------------

BIN_PAGE_SIZE = 25


def _registered(kind: str, *, deletes: bool = False) -> BinKind:
    registered = bin_kind(kind)
    if registered is None or (deletes and registered.delete is None):
        raise Http404
    return registered


@office_view(Role.OFFICER)
def bin_delete(request: OfficeRequest, kind: str, pk: int) -> HttpResponse:
    """The confirmation of a deletion into the bin (GET asks, POST deletes) for the kinds
    without a page of their own: a pact, a mission, a contact."""
    registered = _registered(kind, deletes=True)
    record: Any = get_for_office(registered.model, request.office, pk=pk)
    form = DeleteForm(
        request.POST if request.method == "POST" else None, initial={"version": record.version}
    )
    stale = None
    refusal = ""
    if request.method == "POST" and form.is_valid():
        assert registered.delete is not None and registered.after_delete is not None
        try:
            registered.delete(
                record=record,
                actor=request.membership,
                expected_version=form.cleaned_data["version"],
            )
        except StaleVersion as exc:
            stale = {"message": exc.message, "history": stale_rows(exc)}
            record = exc.record
            form = DeleteForm(initial={"version": exc.version})
        except ValidationError as exc:
            refusal = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _(
                    "“%(title)s” was moved to the bin; it can be restored from there for "
                    "%(days)s days."
                )
                % {"title": registered.title(record), "days": KEEP_DAYS},
            )
            return redirect(registered.after_delete(request.office.slug))
    context = {
        "kind": registered,
        "record": record,
        "title": registered.title(record),
        "form": form,
        "stale": stale,
        "refusal": refusal,
        "back": registered.page(record),
        "days": KEEP_DAYS,
    }
    return render(request, "records/bin_delete.html", context, status=409 if stale else 200)


# Not kept (core.pagecache): the days each record has left change with the date, which no
# version covers.
@office_view(Role.OFFICER)
@office_page
def bin_list(request: OfficeRequest) -> HttpResponse:
    """What the office deleted, newest first, with the days left before the purge."""
    form = BinFilterForm(request.GET or None)
    kind = form.chosen_kind()
    page = paginate(request, bin_rows(request.office, kind), BIN_PAGE_SIZE)
    context = {
        "form": form,
        "page_obj": page,
        "entries": bin_entries(list(page.object_list)),
        "querystring": querystring_without(request, "page"),
        "filtered": bool(kind),
        "days": KEEP_DAYS,
        "can_purge": request.membership.is_director,
    }
    return render(request, "records/bin.html", context)


@require_POST
@office_view(Role.OFFICER)
def bin_restore_view(request: OfficeRequest, kind: str, pk: int) -> HttpResponse:
    """Restore a record of the bin and open its page; a refusal stays on the bin."""
    try:
        record = bin_restore(office=request.office, kind=kind, pk=pk, actor=request.membership)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("bin:list", office_slug=request.office.slug)
    registered = _registered(kind)
    messages.success(request, _("“%(title)s” was restored.") % {"title": registered.title(record)})
    return redirect(registered.page(record))


@office_view(Role.DIRECTOR)
def bin_purge_view(request: OfficeRequest, kind: str, pk: int) -> HttpResponse:
    """A purge: the director types the record's name (GET asks, POST deletes for good)."""
    registered, record = binned_record(kind, request.office, pk)
    form = PurgeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            bin_purge(
                office=request.office,
                kind=kind,
                pk=pk,
                actor=request.membership,
                confirm=form.cleaned_data["confirm"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("“%(title)s” was deleted for good.") % {"title": registered.title(record)},
            )
            return redirect("bin:list", office_slug=request.office.slug)
    context = {
        "kind": registered,
        "record": record,
        "title": registered.title(record),
        "word": registered.confirm_word(record),
        "form": form,
    }
    return render(request, "records/bin_purge.html", context)
