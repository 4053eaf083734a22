"""The organisations (world data) as an office sees them: list, page, add, correct."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.partnerships.selectors import city_search as find_cities
from peyvand.places.models import City

from .. import selectors, services
from ..forms import OrganizationForm
from ..models import OrganizationKind
from ..presenters import history_rows
from .common import stale_context

FILTERS = ("kind", "q", "country", "ours", "sort")


@office_view()
@office_page
def organization_list(request: OfficeRequest) -> HttpResponse:
    filters = {key: request.GET.get(key, "")[:100] for key in FILTERS}
    page = paginate(request, selectors.organization_list(office=request.office, filters=filters))
    context = {
        "page_obj": page,
        "filters": filters,
        "filtered": any(filters[k] for k in ("kind", "q", "country", "ours")),
        "querystring": querystring_without(request, "page"),
        "kinds": OrganizationKind.choices,
        "countries": selectors.headquarters_countries(),
    }
    return render(request, "organizations/list.html", context)


@office_view()
@office_page
def organization_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    org = selectors.organization_for_detail(pk)
    context = {
        "org": org,
        "membership_here": selectors.membership_in(office=request.office, organization=org),
        "history": history_rows(selectors.organization_history(org)),
        "history_office": True,
    }
    return render(request, "organizations/detail.html", context)


def _city(code: str) -> City | None:
    if not code:
        return None
    return City.objects.select_related("country").filter(code=code).first()


def _save_data(form: OrganizationForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    return data


@office_view(Role.OFFICER)
def organization_create(request: OfficeRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None, initial={"kind": OrganizationKind.CITY_NETWORK})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            org = services.organization_create(
                office=request.office,
                actor=request.membership,
                name_en=data["name_en"],
                name_fa=data["name_fa"],
                acronym=data["acronym"],
                kind=data["kind"],
                website=data["website"],
                headquarters=data["headquarters"],
                areas=data["areas"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The organisation was added."))
            return redirect("organizations:detail", office_slug=request.office.slug, pk=org.pk)
    context = {
        "form": form,
        "creating": True,
        "chosen": _city(request.POST.get("headquarters", "")),
    }
    return render(request, "organizations/form.html", context)


@office_view(Role.DIRECTOR)
def organization_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    org = selectors.organization_for_detail(pk)
    form = OrganizationForm(request.POST or None, initial=OrganizationForm.initial_from(org))
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_update(
                organization=org,
                office=request.office,
                actor=request.membership,
                data=_save_data(form),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The organisation was saved."))
            return redirect("organizations:detail", office_slug=request.office.slug, pk=org.pk)
    code = request.POST.get("headquarters") if request.method == "POST" else None
    chosen = _city(code) if code is not None else org.headquarters
    context = {"form": form, "org": org, "creating": False, "stale": stale, "chosen": chosen}
    return render(request, "organizations/form.html", context, status=409 if stale else 200)


@office_view(Role.OFFICER)
def city_search(request: OfficeRequest) -> HttpResponse:
    """The headquarters chooser's type-ahead (an htmx fragment of radio buttons)."""
    query = request.GET.get("q", "")[:100]
    return render(
        request,
        "organizations/form.html#city_results",
        {"cities": find_cities(query), "query": query, "chosen": None},
    )
