"""Login, the office chooser and the director's member management."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.core.text import normalize_display

from . import services
from .access import OfficeRequest, get_for_office, office_view
from .forms import DepartmentForm, InviteForm, MemberForm
from .models import OfficeMembership, Role
from .selectors import memberships_of, office_members


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Straight to the office when there is one; a chooser when there are several."""
    memberships = list(memberships_of(user=request.user))
    if len(memberships) == 1:
        return redirect("dashboard:home", office_slug=memberships[0].office.slug)
    return render(request, "accounts/choose_office.html", {"memberships": memberships})


@office_view(Role.DIRECTOR)
def members(request: OfficeRequest) -> HttpResponse:
    office = request.office
    invite_form = InviteForm(request.POST or None, office=office)
    new_password = None
    if request.method == "POST" and invite_form.is_valid():
        data = invite_form.cleaned_data
        try:
            _membership, new_password = services.member_invite(
                office=office,
                username=data["username"],
                email=data["email"],
                role=data["role"],
                department=data["department"],
            )
        except ValidationError as exc:
            invite_form.add_error(None, exc)
        else:
            messages.success(
                request, _("%(username)s was added to the office.") % {"username": data["username"]}
            )
            if new_password is None:
                return redirect("accounts:members", office_slug=office.slug)
            invite_form = InviteForm(office=office)
    context = {
        "members": office_members(office=office),
        "invite_form": invite_form,
        "department_form": DepartmentForm(),
        "new_password": new_password,
        "new_username": request.POST.get("username") if new_password else None,
        "departments": office.departments.all(),
    }
    return render(request, "accounts/members.html", context)


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
                name_fa=normalize_display(form.cleaned_data["name_fa"]),
                name_en=form.cleaned_data["name_en"].strip(),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The department was added."))
    else:
        messages.error(request, _("Enter the department's name in Persian and in English."))
    return redirect("accounts:members", office_slug=office.slug)
