"""The pitch pages: list, detail, create, edit, delete (confirmed), status, documents."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import NotAllowedNow
from peyvand.partnerships.models import CooperationArea
from peyvand.records.history import history_of
from peyvand.records.presenters import stale_context

from .. import selectors, services
from ..forms import DocumentForm, FollowUpForm, PitchForm, PitchStatusForm, VersionForm
from ..models import Instrument, Pitch, PitchDocument, PitchStatus
from ..presenters import history_rows
from .common import HISTORY_SHOWN, back, choice_filter, confirm_form, render_confirm

FILTERS = ("status", "instrument", "area", "q", "sort")


@office_view()
@office_page
def pitch_list(request: OfficeRequest) -> HttpResponse:
    office = request.office
    areas = list(CooperationArea.objects.all())
    filters = {
        "status": choice_filter(request, "status", PitchStatus.values),
        "instrument": choice_filter(request, "instrument", Instrument.values),
        "area": choice_filter(request, "area", [a.code for a in areas]),
        "sort": choice_filter(request, "sort", selectors.PITCH_SORTS),
        "q": request.GET.get("q", "").strip()[:200],
    }
    page = paginate(request, selectors.pitch_list(office=office, filters=filters))
    context = {
        "page_obj": page,
        "filters": filters,
        "querystring": querystring_without(request, "page"),
        "counts": selectors.pitch_status_counts(office=office),
        "statuses": PitchStatus.choices,
        "instruments": Instrument.choices,
        "areas": areas,
        "filtered": any(filters[k] for k in FILTERS if k != "sort"),
    }
    return render(request, "opportunities/pitches/list.html", context)


@office_view()
@office_page
def pitch_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    return _render_detail(request, selectors.pitch_for_detail(office=request.office, pk=pk))


def _render_detail(
    request: OfficeRequest,
    p: Pitch,
    *,
    document_form: DocumentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "p": p,
        "status_form": PitchStatusForm(initial={"status": p.status, "version": p.version}),
        "document_form": document_form or DocumentForm(),
        "follow_up_form": FollowUpForm(),
        "history": history_rows(list(history_of(p)[:HISTORY_SHOWN])),
        "history_shown": HISTORY_SHOWN,
        "can_edit": request.membership.has_role(Role.OFFICER),
    }
    return render(request, "opportunities/pitches/detail.html", context, status=status)


def _values(form: PitchForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    return data


@office_view(Role.OFFICER)
def pitch_create(request: OfficeRequest) -> HttpResponse:
    form = PitchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            p = services.pitch_create(
                office=request.office, actor=request.membership, **_values(form)
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The pitch was saved."))
            return back(request, "pitch_detail", pk=p.pk)
    return render(request, "opportunities/pitches/form.html", {"form": form, "creating": True})


@office_view(Role.OFFICER)
def pitch_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    p = get_object_or_404(Pitch.objects.for_office(request.office).select_related("area"), pk=pk)
    form = PitchForm(request.POST or None, initial=PitchForm.initial_from(p))
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.pitch_update(
                pitch=p,
                actor=request.membership,
                changes=_values(form),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc, history_rows)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The pitch was saved."))
            return back(request, "pitch_detail", pk=p.pk)
    context = {"form": form, "p": p, "stale": stale}
    return render(request, "opportunities/pitches/form.html", context, status=409 if stale else 200)


@require_POST
@office_view(Role.OFFICER)
def pitch_status(request: OfficeRequest, pk: int) -> HttpResponse:
    p = get_for_office(Pitch, request.office, pk=pk)
    form = PitchStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
        return back(request, "pitch_detail", pk=p.pk)
    try:
        done = services.pitch_set_status(
            pitch=p,
            actor=request.membership,
            status=form.cleaned_data["status"],
            expected_version=form.cleaned_data["version"],
        )
    except services.StaleVersion as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The pitch is now %(status)s.") % {"status": done.get_status_display()}
        )
    return back(request, "pitch_detail", pk=p.pk)


@office_view(Role.OFFICER)
def pitch_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    p = get_for_office(Pitch, request.office, pk=pk)
    form = confirm_form(request, p.version)
    context = {
        "form": form,
        "back_url": "pitch_detail",
        "back_pk": p.pk,
        "title": _("Delete the pitch"),
        "question": _(
            "Delete this pitch with its interested parties, their follow-ups and its "
            "documents? This cannot be undone."
        ),
        "subject": p.title,
        "submit": _("Delete"),
    }
    if request.method == "POST" and form.is_valid():
        try:
            services.pitch_delete(
                pitch=p, actor=request.membership, expected_version=form.cleaned_data["version"]
            )
        except services.StaleVersion as exc:
            stale = {"message": exc.message, "history": history_rows(exc.events)}
            form = VersionForm(initial={"version": exc.version})
            return render_confirm(request, {**context, "form": form}, stale)
        except NotAllowedNow as exc:
            messages.error(request, exc.message)
            return back(request, "pitch_detail", pk=p.pk)
        messages.success(request, _("The pitch was deleted."))
        return back(request, "pitch_list")
    return render_confirm(request, context)


@require_POST
@office_view(Role.OFFICER)
def document_add(request: OfficeRequest, pk: int) -> HttpResponse:
    p = get_for_office(Pitch, request.office, pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                pitch=p,
                actor=request.membership,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The document was added."))
            return back(request, "pitch_detail", "documents", pk=p.pk)
    p = selectors.pitch_for_detail(office=request.office, pk=pk)
    return _render_detail(request, p, document_form=form, status=422)


@office_view(Role.OFFICER)
def document_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    """Asks first (GET), removes on POST."""
    doc = get_for_office(PitchDocument, request.office, pk=pk)
    if request.method == "POST":
        services.document_delete(document=doc, actor=request.membership)
        messages.success(request, _("The document was removed."))
        return back(request, "pitch_detail", "documents", pk=doc.pitch_id)
    context = {
        "form": VersionForm(),
        "back_url": "pitch_detail",
        "back_pk": doc.pitch_id,
        "title": _("Remove the document"),
        "question": _(
            "Remove this document from the pitch? The file is deleted and the removal is "
            "recorded in the pitch's history."
        ),
        "subject": doc.original_name,
        "submit": _("Remove"),
    }
    return render_confirm(request, context)
