"""The action plan: add a commitment, update its status and evidence, correct it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors

from .. import selectors, services
from ..forms import (
    CommitmentEditForm,
    CommitmentForm,
    CommitmentStatusForm,
)
from ..models import (
    Commitment,
    CommitmentStatus,
)
from ..presenters import history_rows
from .common import (
    back_to_detail,
    refused,
    stale_context,
)
from .detail import Inline, commitment_rows, render_detail


@require_POST
@office_view(Role.OFFICER)
def commitment_add(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    form = CommitmentForm(request.POST, office=office)
    if form.is_valid():
        try:
            services.commitment_create(partnership=p, actor=request.membership, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The commitment was added to the action plan."))
            return back_to_detail(office.slug, p.pk, "plan")
    return render_detail(request, p, Inline("commitment_form", form))


@require_POST
@office_view(Role.LIAISON)
def commitment_status(request: OfficeRequest, pk: int) -> HttpResponse:
    """Inline status change (htmx answers the row and the refreshed score)."""
    office = request.office
    membership = request.membership
    commitment = get_for_office(Commitment, office, pk=pk)
    if not services.can_update_commitment(membership, commitment):
        raise PermissionDenied
    form = CommitmentStatusForm(request.POST, request.FILES)
    error = ""
    changed: list[dict[str, Any]] = []
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.commitment_update(
                commitment=commitment,
                actor=membership,
                status=data["status"],
                done_on=data["done_on"],
                drop_reason=data["drop_reason"],
                evidence_note=data["evidence_note"] or None,
                evidence_link=data["evidence_link"] or None,
                evidence_file=data["evidence_file"],
                expected_version=data["version"],
            )
        except services.StaleVersion as exc:
            error = exc.message
            changed = history_rows(exc.events)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = " ".join(str(e) for errs in form.errors.values() for e in errs)
    # A refused update shows the row again with what was typed and why it was refused.
    posted = request.POST.dict() if error else {}
    inline = Inline("status", row=commitment.pk, error=error, posted=posted)
    if not request.headers.get("HX-Request"):
        if error:
            p = selectors.partnership_for_detail(office=office, pk=commitment.partnership_id)
            return render_detail(request, p, inline)
        messages.success(request, _("The commitment was updated."))
        return back_to_detail(office.slug, commitment.partnership_id, "plan")
    commitment.refresh_from_db()
    commitment_rows(request, [commitment], inline)
    p = commitment.partnership
    p.refresh_from_db()
    context = {
        "c": commitment,
        "p": p,
        "row_changes": changed,
        "today": timezone.localdate(),
        "commitment_statuses": CommitmentStatus.choices,
        "office": office,
    }
    html = render_to_string("partnerships/detail.html#commitment_row", context, request)
    html += render_to_string("partnerships/detail.html#health_badge_oob", context, request)
    return HttpResponse(html, status=200)


@office_view(Role.LIAISON)
def commitment_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    """Officers edit the whole commitment; a liaison its status and evidence (own dept.)."""
    office = request.office
    membership = request.membership
    commitment = get_object_or_404(
        Commitment.objects.for_office(office).select_related(
            "partnership__partner_city", "area", "department"
        ),
        pk=pk,
    )
    if not services.can_update_commitment(membership, commitment):
        raise PermissionDenied
    plan = membership.has_role(Role.OFFICER)
    form = CommitmentEditForm(
        request.POST or None,
        request.FILES or None,
        office=office,
        plan=plan,
        initial=CommitmentEditForm.initial_from(commitment),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan_data: dict[str, Any] = {}
        if plan:
            plan_data = {
                "title": data["title"],
                "due_on": data["due_on"],
                "area": data["area"],
                "set_area": True,
                "department": data["department"],
                "set_department": True,
            }
        try:
            services.commitment_update(
                commitment=commitment,
                actor=membership,
                expected_version=data["version"],
                status=data["status"],
                done_on=data["done_on"],
                drop_reason=data["drop_reason"],
                evidence_note=data["evidence_note"],
                evidence_link=data["evidence_link"],
                evidence_file=data["evidence_file"],
                **plan_data,
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The commitment was saved."))
            return back_to_detail(office.slug, commitment.partnership_id, "plan")
    context = {
        "form": form,
        "c": commitment,
        "p": commitment.partnership,
        "stale": stale,
        "plan": plan,
    }
    return render(
        request, "partnerships/commitment_form.html", context, status=409 if stale else 200
    )
