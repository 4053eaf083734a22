"""The contacts pages: list, detail (with its timeline and history), create, edit, merge;
the city type-ahead their forms and the events' share; the pact page's contacts panel."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import is_record_id
from peyvand.partnerships.models import Partnership
from peyvand.partnerships.selectors import city_search as find_cities
from peyvand.places.models import City
from peyvand.records.history import history_of
from peyvand.records.presenters import stale_context as shown_stale

from .. import selectors, services
from ..forms import ContactForm, MergeForm
from ..models import Contact, ContactKind
from ..presenters import history_rows

HISTORY_SHOWN = 30
LIST_FILTERS = ("kind", "city", "country", "organization", "tag", "partnership", "q", "sort")
# The city fields the type-ahead fills: the contacts' and events' forms, and the source
# city of the knowledge module's practices (which reuses this type-ahead).
CITY_FIELDS = ("city", "organizer_city", "host_city", "source_city")


def stale_context(request: OfficeRequest, form: Any, exc: services.StaleVersion) -> dict[str, Any]:
    """The stale page's context (records.presenters.stale_context) with this app's labels."""
    return shown_stale(request, form, exc, history_rows)


def chosen_cities(request: OfficeRequest, form: Any) -> dict[str, City | None]:
    """The city each city field of the form holds now (posted, or the initial one)."""
    chosen: dict[str, City | None] = {}
    for name in CITY_FIELDS:
        if name not in form.fields:
            continue
        code = request.POST.get(name) if form.is_bound else form.initial.get(name)
        chosen[name] = (
            City.objects.select_related("country").filter(code=code).first() if code else None
        )
    return chosen


@office_view()
@office_page
def contact_list(request: OfficeRequest) -> HttpResponse:
    office = request.office
    filters = {key: request.GET.get(key, "").strip() for key in LIST_FILTERS}
    for key in ("organization", "partnership"):
        if filters[key] and not is_record_id(filters[key]):
            filters[key] = ""
    if filters["sort"] not in selectors.contacts.SORTS:
        filters["sort"] = ""
    page = paginate(request, selectors.contact_list(office=office, filters=filters))
    context = {
        "page_obj": page,
        "filters": filters,
        "filtered": any(v for k, v in filters.items() if k != "sort"),
        "querystring": querystring_without(request, "page"),
        "kinds": ContactKind.choices,
        "cities": selectors.contact_cities(office=office),
        "countries": selectors.contact_countries(office=office),
        "organizations": selectors.contact_organizations(office=office),
        "pacts": selectors.office_pacts(office=office),
    }
    return render(request, "missions/contacts/list.html", context)


@office_view()
@office_page
def contact_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    contact = selectors.contact_for_detail(office=request.office, pk=pk)
    return render(
        request,
        "missions/contacts/detail.html",
        {
            "contact": contact,
            "timeline": selectors.contact_timeline(contact),
            "timeline_shown": selectors.TIMELINE_SHOWN,
            "history": history_rows(list(history_of(contact)[:HISTORY_SHOWN])),
            "history_shown": HISTORY_SHOWN,
            "can_edit": request.membership.can_edit,
        },
    )


def _initial_pacts(request: OfficeRequest) -> list[Partnership]:
    wanted = request.GET.get("partnership", "")
    if not is_record_id(wanted):
        return []
    return list(selectors.office_pacts(office=request.office).filter(pk=int(wanted)))


@office_view(Role.OFFICER)
def contact_create(request: OfficeRequest) -> HttpResponse:
    office = request.office
    pacts = selectors.office_pacts(office=office)
    initial = {"kind": ContactKind.OTHER, "partnerships": _initial_pacts(request)}
    if request.GET.get("kind") in ContactKind.values:
        initial["kind"] = request.GET["kind"]
    form = ContactForm(request.POST or None, pacts=pacts, initial=initial)
    duplicates: list[Contact] = []
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_create(
                office=office,
                actor=request.membership,
                confirm_duplicate=form.cleaned_data["confirm_duplicate"],
                **form.service_data(),
            )
        except services.PossibleDuplicate as exc:
            duplicates = exc.duplicates
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The contact was added."))
            return redirect("contacts:detail", office_slug=office.slug, pk=contact.pk)
    return render(
        request,
        "missions/contacts/form.html",
        {
            "form": form,
            "creating": True,
            "duplicates": duplicates,
            "chosen": chosen_cities(request, form),
        },
    )


@office_view(Role.OFFICER)
def contact_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    contact = selectors.contact_for_detail(office=office, pk=pk)
    form = ContactForm(
        request.POST or None,
        pacts=selectors.office_pacts(office=office),
        initial=ContactForm.initial_from(contact),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_update(
                contact=contact,
                actor=request.membership,
                expected_version=form.cleaned_data["version"],
                data=form.service_data(),
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The contact was saved."))
            return redirect("contacts:detail", office_slug=office.slug, pk=contact.pk)
    return render(
        request,
        "missions/contacts/form.html",
        {
            "form": form,
            "contact": contact,
            "creating": False,
            "stale": stale,
            "chosen": chosen_cities(request, form),
        },
        status=409 if stale else 200,
    )


@office_view(Role.OFFICER)
def contact_merge(request: OfficeRequest, pk: int) -> HttpResponse:
    """Choose the record to merge into this contact, see both, confirm."""
    office = request.office
    keep = selectors.contact_for_detail(office=office, pk=pk)
    wanted = request.POST.get("merge") or request.GET.get("other") or ""
    other = (
        selectors.contact_for_detail(office=office, pk=int(wanted))
        if is_record_id(wanted)
        else None
    )
    if other is not None and other.pk == keep.pk:
        raise Http404
    form = MergeForm(
        request.POST if request.method == "POST" else None,
        initial={
            "merge": other.pk if other else None,
            "version": keep.version,
            "merge_version": other.version if other else None,
        },
    )
    stale = None
    if request.method == "POST" and other is not None and form.is_valid():
        try:
            services.contact_merge(
                keep=keep,
                merge=other,
                actor=request.membership,
                expected_version=form.cleaned_data["version"],
                merged_version=form.cleaned_data["merge_version"],
            )
        except services.StaleVersion as exc:
            stale = {"message": exc.message, "history": history_rows(exc.events)}
            form = MergeForm(
                initial={"merge": other.pk, "version": keep.version, "merge_version": other.version}
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The two contacts were merged."))
            return redirect("contacts:detail", office_slug=office.slug, pk=keep.pk)
    query = request.GET.get("q", "")
    return render(
        request,
        "missions/contacts/merge.html",
        {
            "keep": keep,
            "other": other,
            "form": form,
            "stale": stale,
            "query": query,
            "candidates": []
            if other
            else selectors.merge_candidates(office=office, keep=keep, q=query),
        },
        status=409 if stale else 200,
    )


@office_view(Role.OFFICER)
def city_search(request: OfficeRequest) -> HttpResponse:
    """The city type-ahead of the contact and event forms (an htmx fragment of radio
    buttons named after the form's field)."""
    field = request.GET.get("field", "city")
    if field not in CITY_FIELDS:
        field = "city"
    query = request.GET.get("q", "")
    return render(
        request,
        "missions/contacts/_city_picker.html#city_results",
        {"cities": find_cities(query), "query": query, "field": field, "city": None},
    )


def pact_panel(request: OfficeRequest, partnership: Partnership) -> dict[str, Any]:
    """The contacts panel of a pact's page: a few of its contacts and how many."""
    return selectors.pact_contacts(office=request.office, partnership=partnership)
