"""A practice's documents: add (from its page), remove (after a confirmation)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors

from .. import selectors, services
from ..forms import DocumentForm
from ..models import Practice, PracticeDocument
from .practices import detail_url, render_detail


@require_POST
@office_view(Role.OFFICER)
def document_add(request: OfficeRequest, pk: int) -> HttpResponse:
    p = get_for_office(Practice, request.office, pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                practice=p,
                actor=request.membership,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The document was added."))
            return redirect(detail_url(request.office, p.pk) + "#documents")
    p = selectors.practice_for_detail(office=request.office, pk=pk)
    return render_detail(request, p, document_form=form, status=422)


@office_view(Role.OFFICER)
def document_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    """Asks first (GET), removes on POST."""
    doc = get_for_office(PracticeDocument, request.office, pk=pk)
    if request.method == "POST":
        services.document_delete(document=doc, actor=request.membership)
        messages.success(request, _("The document was removed."))
        return redirect(detail_url(request.office, doc.practice_id) + "#documents")
    return render(request, "knowledge/document_delete.html", {"doc": doc, "p": doc.practice})
