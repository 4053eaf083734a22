"""The office's memberships: list, page, join (or apply), edit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import DateRangeForm, apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import is_record_id

from .. import selectors, services
from ..forms import DoneForm, MembershipForm, ObligationForm, RoleForm
from ..models import Membership, MembershipStatus, Organization
from ..presenters import FEE_STATE_BADGES, history_rows
from ..selectors import FeeState, fee_state
from .common import stale_context

FILTERS = ("status", "fee", "q", "sort")


@office_view()
@office_page
def membership_list(request: OfficeRequest) -> HttpResponse:
    today = timezone.localdate()
    filters = {key: request.GET.get(key, "")[:100] for key in FILTERS}
    dates = DateRangeForm(request.GET or None)
    start, end = dates.dates()
    page = paginate(
        request,
        selectors.membership_list(
            office=request.office, filters={**filters, "start": start, "end": end}, today=today
        ),
    )
    for m in page.object_list:
        m.fee = fee_state(m, today)
        m.fee_badge = FEE_STATE_BADGES[m.fee]
        m.fee_label = FeeState(m.fee).label
    context = {
        "page_obj": page,
        "filters": filters,
        "filtered": any(filters[k] for k in ("status", "fee", "q")) or bool(start or end),
        "date_form": dates.shown(),
        "querystring": querystring_without(request, "page"),
        "statuses": MembershipStatus.choices,
        "fee_states": FeeState.choices,
        "today": today,
    }
    return render(request, "organizations/memberships.html", context)


def detail_context(request: OfficeRequest, m: Membership) -> dict[str, Any]:
    today = timezone.localdate()
    state = fee_state(m, today)
    can_edit = request.membership.can_edit
    obligations = list(m.obligations.all())
    for o in obligations:
        o.overdue = o.done_on is None and o.due_on < today
    return {
        "m": m,
        "org": m.organization,
        "fee_state": state,
        "fee_state_label": FeeState(state).label,
        "fee_badge": FEE_STATE_BADGES[state],
        "roles": list(m.roles.all()),
        "obligations": obligations,
        "history": history_rows(selectors.membership_history(m)),
        "can_edit": can_edit,
        "role_form": RoleForm() if can_edit else None,
        "obligation_form": ObligationForm() if can_edit else None,
        "done_form": DoneForm() if can_edit else None,
        "today": today,
    }


@office_view()
@office_page
def membership_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    m = selectors.membership_for_detail(office=request.office, pk=pk)
    return render(request, "organizations/membership_detail.html", detail_context(request, m))


def _chosen_organization(request: OfficeRequest) -> Organization | None:
    wanted = request.GET.get("organization", "")
    if not is_record_id(wanted):
        return None
    return Organization.objects.filter(pk=int(wanted)).first()


@office_view(Role.OFFICER)
def membership_create(request: OfficeRequest) -> HttpResponse:
    office = request.office
    initial: dict[str, Any] = {
        "status": MembershipStatus.MEMBER,
        "organization": _chosen_organization(request),
        "focal_person": request.user,
    }
    form = MembershipForm(request.POST or None, office=office, initial=initial)
    existing = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        try:
            m = services.membership_create(office=office, actor=request.membership, **data)
        except ValidationError as exc:
            for error in getattr(exc, "error_dict", {}).get("organization", []):
                if error.code == "duplicate_membership" and error.params:
                    existing = error.params["pk"]
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The membership was added."))
            return redirect("organizations:membership_detail", office_slug=office.slug, pk=m.pk)
    return render(
        request,
        "organizations/membership_form.html",
        {"form": form, "creating": True, "existing": existing},
    )


@office_view(Role.OFFICER)
def membership_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    m = selectors.membership_for_detail(office=office, pk=pk)
    form = MembershipForm(
        request.POST or None,
        office=office,
        creating=False,
        initial=MembershipForm.initial_from(m),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.membership_update(
                membership=m, actor=request.membership, data=data, expected_version=version
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The membership was saved."))
            return redirect("organizations:membership_detail", office_slug=office.slug, pk=m.pk)
    return render(
        request,
        "organizations/membership_form.html",
        {"form": form, "m": m, "creating": False, "stale": stale},
        status=409 if stale else 200,
    )
