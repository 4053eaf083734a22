"""A pact's agreements and their files: add, correct, add and remove files."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors

from .. import selectors, services
from ..forms import (
    AgreementEditForm,
    AgreementForm,
    FileForm,
)
from ..models import (
    Agreement,
    AgreementFile,
)
from .common import (
    _confirm,
    back_to_detail,
    stale_context,
)
from .detail import Inline, render_detail


def _agreement_input(data: dict[str, Any]) -> dict[str, Any]:
    """The agreement form's cleaned data as the keyword arguments of its services."""
    fields = {name: data[name] for name in services.AGREEMENT_FIELDS}
    return {**fields, "files": data["documents"]}


def _agreement_errors(form: Any, exc: ValidationError) -> None:
    """Field errors go to their fields; a refused file (no field named) to the file input."""
    if hasattr(exc, "error_dict"):
        apply_service_errors(form, exc)
    else:
        form.add_error("documents", exc.messages)


@office_view(Role.OFFICER)
def agreement_add(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    form = AgreementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agreement_create(
                partnership=p,
                actor=request.membership,
                **_agreement_input(data),
            )
        except ValidationError as exc:
            _agreement_errors(form, exc)
        else:
            messages.success(request, _("The agreement was added."))
            return back_to_detail(office.slug, p.pk, "agreements")
    return render(request, "partnerships/agreement_form.html", {"form": form, "p": p})


@require_POST
@office_view(Role.OFFICER)
def agreement_file_add(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    agreement = get_for_office(Agreement, office, pk=pk)
    form = FileForm(request.POST, request.FILES)
    error = _("Choose a file.")
    if form.is_valid():
        try:
            services.agreement_file_add(
                agreement=agreement, actor=request.membership, upload=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("The file was added."))
            return back_to_detail(office.slug, agreement.partnership_id, "agreements")
    p = selectors.partnership_for_detail(office=office, pk=agreement.partnership_id)
    return render_detail(request, p, Inline("file", row=agreement.pk, error=error))


@office_view(Role.OFFICER)
def agreement_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    agreement = get_object_or_404(
        Agreement.objects.for_office(office).select_related("partnership__partner_city"),
        pk=pk,
    )
    form = AgreementEditForm(
        request.POST or None,
        request.FILES or None,
        initial=AgreementEditForm.initial_from(agreement),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agreement_update(
                agreement=agreement,
                actor=request.membership,
                expected_version=data["version"],
                **_agreement_input(data),
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            _agreement_errors(form, exc)
        else:
            messages.success(request, _("The agreement was saved."))
            return back_to_detail(office.slug, agreement.partnership_id, "agreements")
    context = {
        "form": form,
        "p": agreement.partnership,
        "agreement": agreement,
        "files": list(agreement.files.all()),
        "stale": stale,
    }
    return render(
        request, "partnerships/agreement_form.html", context, status=409 if stale else 200
    )


@office_view(Role.OFFICER)
def agreement_file_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    row = get_object_or_404(
        AgreementFile.objects.for_office(office).select_related("agreement"), pk=pk
    )
    back = row.agreement.partnership_id
    if request.method == "POST":
        services.agreement_file_remove(file=row, actor=request.membership)
        messages.success(request, _("The file was removed from the agreement."))
        return back_to_detail(office.slug, back, "agreements")
    return _confirm(
        request,
        {
            "title": _("Remove the file"),
            "question": _(
                "Remove the file “%(name)s” from the agreement “%(title)s”? The stored "
                "copy is deleted; the history keeps its name."
            )
            % {"name": row.original_name, "title": row.agreement.title},
            "back": back,
            "submit": _("Remove the file"),
        },
    )
