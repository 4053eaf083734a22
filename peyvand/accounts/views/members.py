"""The director's member management: members, invitations, departments, the sign-in rule."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.core.forms import apply_service_errors

from .. import services
from ..access import OfficeRequest, get_for_office, office_view
from ..forms import DepartmentForm, InviteForm, MemberForm, SecurityForm
from ..models import Invitation, OfficeMembership, Role
from ..selectors import office_members, pending_invitations


@office_view(Role.DIRECTOR)
def members(request: OfficeRequest) -> HttpResponse:
    """The members, the pending invitations and the invite form. Inviting never tells
    whether an account exists: the answer and the link are the same for anyone."""
    office = request.office
    invite_form = InviteForm(request.POST or None, office=office)
    link = None
    if request.method == "POST" and invite_form.is_valid():
        data = invite_form.cleaned_data
        try:
            _invitation, token = services.invitation_create(
                office=office,
                invited_by=request.user,
                invitee=data["invitee"],
                role=data["role"],
                department=data["department"],
            )
        except ValidationError as exc:
            apply_service_errors(invite_form, exc)
        else:
            link = request.build_absolute_uri(
                reverse("accounts:invitation", kwargs={"token": token})
            )
            invite_form = InviteForm(office=office)
    context = {
        "members": office_members(office=office),
        "invitations": pending_invitations(office=office),
        "invite_form": invite_form,
        "security_form": SecurityForm(
            initial={"two_factor_for_directors": office.two_factor_for_directors}
        ),
        "department_form": DepartmentForm(),
        "invitation_link": link,
        "invitation_days": services.INVITATION_DAYS,
        "departments": office.departments.all(),
    }
    return render(request, "accounts/members.html", context)


@require_POST
@office_view(Role.DIRECTOR)
def invitation_withdraw(request: OfficeRequest, pk: int) -> HttpResponse:
    invitation = get_for_office(Invitation, request.office, pk=pk)
    try:
        services.invitation_withdraw(invitation=invitation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The invitation was withdrawn; its link no longer works."))
    return redirect("accounts:members", office_slug=request.office.slug)


@require_POST
@office_view(Role.DIRECTOR)
def office_security(request: OfficeRequest) -> HttpResponse:
    form = SecurityForm(request.POST)
    if form.is_valid():
        services.office_security_update(
            office=request.office,
            two_factor_for_directors=form.cleaned_data["two_factor_for_directors"],
        )
        messages.success(request, _("The office's sign-in rule was saved."))
    return redirect("accounts:members", office_slug=request.office.slug)


@office_view(Role.DIRECTOR)
def member_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    membership = get_for_office(OfficeMembership, office, pk=pk)
    form = MemberForm(
        request.POST or None,
        office=office,
        initial={"role": membership.role, "department": membership.department},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update(
                membership=membership,
                role=form.cleaned_data["role"],
                department=form.cleaned_data["department"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The member was updated."))
            return redirect("accounts:members", office_slug=office.slug)
    return render(request, "accounts/member_edit.html", {"form": form, "member": membership})


@office_view(Role.DIRECTOR)
def member_remove(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    membership = get_for_office(OfficeMembership, office, pk=pk)
    if request.method == "POST":
        try:
            services.member_remove(membership=membership)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The member was removed from the office."))
        return redirect("accounts:members", office_slug=office.slug)
    return render(request, "accounts/member_remove.html", {"member": membership})


@require_POST
@office_view(Role.DIRECTOR)
def department_add(request: OfficeRequest) -> HttpResponse:
    office = request.office
    form = DepartmentForm(request.POST)
    if form.is_valid():
        try:
            services.department_create(
                office=office,
                name_fa=form.cleaned_data["name_fa"],
                name_en=form.cleaned_data["name_en"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The department was added."))
    else:
        messages.error(request, _("Enter the department's name in Persian and in English."))
    return redirect("accounts:members", office_slug=office.slug)
