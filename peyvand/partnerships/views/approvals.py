"""The approvals a pact needs: add one, record the decision."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_view
from peyvand.accounts.models import Role

from .. import selectors, services
from ..forms import (
    ApprovalDecideForm,
    ApprovalForm,
)
from ..models import (
    Approval,
)
from .common import (
    back_to_detail,
    refused,
)
from .detail import Inline, render_detail


@require_POST
@office_view(Role.OFFICER)
def approval_add(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    form = ApprovalForm(request.POST)
    if form.is_valid():
        try:
            services.approval_add(partnership=p, actor=request.membership, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The required approval was added."))
            return back_to_detail(office.slug, p.pk, "approvals")
    return render_detail(request, p, Inline("approval_form", form))


@require_POST
@office_view(Role.OFFICER)
def approval_decide(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    approval = get_for_office(Approval, office, pk=pk)
    form = ApprovalDecideForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.approval_decide(
                approval=approval,
                actor=request.membership,
                status=form.cleaned_data["status"],
                decided_on=form.cleaned_data["decided_on"],
                reference=form.cleaned_data["reference"],
                document=form.cleaned_data["document"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The approval was updated."))
            return back_to_detail(office.slug, approval.partnership_id, "approvals")
    p = selectors.partnership_for_detail(office=office, pk=approval.partnership_id)
    return render_detail(request, p, Inline("decide", form, row=approval.pk))
