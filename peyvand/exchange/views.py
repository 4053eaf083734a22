"""Import and export pages: the hub, upload → preview → confirm, downloads.

The uploaded file waits in the cache (an hour, under a random key tied to the office and
the user) between the preview and the confirmation; every preview runs the whole import
in a transaction that is rolled back (services.import_table).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_page, office_view, require_role
from peyvand.accounts.models import Role

from .exports import FORMATS, export, filename
from .forms import UploadForm
from .kinds import KINDS
from .kinds.base import Kind
from .reader import MAX_BYTES, UnreadableFile, read_table
from .services import Report, import_table

UPLOAD_SECONDS = 3600


def _kind(name: str) -> Kind:
    if name not in KINDS:
        raise Http404
    return KINDS[name]


def _lang() -> str:
    return "fa" if (get_language() or "fa").startswith("fa") else "en"


@office_view()
@office_page
def hub(request: OfficeRequest) -> HttpResponse:
    return render(
        request,
        "exchange/hub.html",
        {"kinds": list(KINDS.values()), "can_import": request.seat.has_role(Role.LIAISON)},
    )


def upload_key(office_id: int, membership_id: int, token: str) -> str:
    """Where an upload waits for its confirmation: one member's, in one office."""
    return f"exchange-upload:{office_id}:{membership_id}:{token}"


def store_upload(office_id: int, membership_id: int, kind: str, data: bytes, name: str) -> str:
    token = secrets.token_urlsafe(16)
    cache.set(
        upload_key(office_id, membership_id, token),
        {"data": data, "name": name, "kind": kind},
        UPLOAD_SECONDS,
    )
    return token


def _key(request: OfficeRequest, token: str) -> str:
    return upload_key(request.seat.office_id, request.seat.membership_id, token)


# Not kept (core.pagecache): a form, and the preview of one user's upload.
@office_view(Role.LIAISON)
def upload(request: OfficeRequest, kind: str) -> HttpResponse:
    spec = _kind(kind)
    require_role(request.seat, spec.role)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        if upload_file.size > MAX_BYTES:
            form.add_error("file", _("The file is larger than 20 MB."))
        else:
            data = upload_file.read()
            try:
                read_table(data, upload_file.name)
            except UnreadableFile as exc:
                form.add_error("file", str(exc))
            else:
                token = store_upload(
                    request.seat.office_id,
                    request.seat.membership_id,
                    kind,
                    data,
                    upload_file.name,
                )
                return redirect(
                    "exchange:preview", office_slug=request.office.slug, kind=kind, token=token
                )
    return render(request, "exchange/upload.html", {"kind": spec, "form": form})


def _stored(request: OfficeRequest, kind: str, token: str) -> dict[str, Any]:
    stored: dict[str, Any] | None = cache.get(_key(request, token))
    if stored is None or stored["kind"] != kind:
        raise Http404
    return stored


def _picks(request: OfficeRequest) -> dict[str, str]:
    source = request.POST if request.method == "POST" else request.GET
    return {
        key.removeprefix("city:"): str(value)
        for key, value in source.items()
        if key.startswith("city:") and value and len(str(value)) <= 80
    }


def _run(request: OfficeRequest, spec: Kind, stored: dict[str, Any], *, dry_run: bool) -> Report:
    return import_table(
        office=request.office,
        actor=request.membership,
        kind=spec,
        table=read_table(stored["data"], stored["name"]),
        picks=_picks(request),
        dry_run=dry_run,
    )


@office_view(Role.LIAISON)
def preview(request: OfficeRequest, kind: str, token: str) -> HttpResponse:
    spec = _kind(kind)
    require_role(request.seat, spec.role)
    stored = _stored(request, kind, token)
    confirm = request.method == "POST" and request.POST.get("action") == "confirm"
    report = _run(request, spec, stored, dry_run=not confirm)
    if report.applied:
        cache.delete(_key(request, token))
        messages.success(
            request,
            _("Imported: %(created)s created, %(changed)s changed, %(unchanged)s unchanged.")
            % {
                "created": report.to_create,
                "changed": report.to_change,
                "unchanged": report.unchanged,
            },
        )
        return redirect("exchange:hub", office_slug=request.office.slug)
    picks = _picks(request)
    context = {
        "kind": spec,
        "token": token,
        "filename": stored["name"],
        "report": report,
        "errors": report.errors[:500],
        "more_errors": max(0, len(report.errors) - 500),
        "ambiguous": [
            {"name": name, "cities": cities, "picked": picks.get(name, "")}
            for name, cities in report.ambiguous.items()
        ],
        "picks": picks,
    }
    return render(request, "exchange/preview.html", context)


@office_view(Role.LIAISON)
def errors_csv(request: OfficeRequest, kind: str, token: str) -> HttpResponse:
    spec = _kind(kind)
    require_role(request.seat, spec.role)
    report = _run(request, spec, _stored(request, kind, token), dry_run=True)
    response = HttpResponse(report.errors_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind}-errors.csv"'
    return response


@office_view()
def download(request: OfficeRequest, kind: str) -> HttpResponse:
    """The records of a kind with the list's filters (the query string), as CSV or XLSX."""
    spec = _kind(kind)
    fmt = request.GET.get("format", "csv")
    if fmt not in FORMATS:
        fmt = "csv"
    filters = {k: str(v)[:100] for k, v in request.GET.items() if k not in ("format", "page")}
    data = export(spec, spec.records(request.office, filters), _lang(), fmt)
    response = HttpResponse(data, content_type=FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(spec, request.office.slug, fmt)}"'
    )
    return response
