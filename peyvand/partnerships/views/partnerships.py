"""The registry pages: list, detail, create/edit, status, archive, city search."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import is_record_id
from peyvand.places.models import City

from .. import selectors, services
from ..forms import (
    NotOursForm,
    PartnershipForm,
    StatusForm,
)
from ..models import (
    CooperationArea,
    HealthLabel,
    PartnershipKind,
    PartnershipStatus,
)
from ..presenters import ALERT_LABELS
from .common import (
    existing_pact,
    refused,
    stale_context,
)
from .detail import Inline, render_detail


def _alert_rows(alerts: list[selectors.Alert]) -> list[dict[str, Any]]:
    return [{"alert": a, "label": ALERT_LABELS[a.kind]} for a in alerts]


@office_view()
@office_page
def partnership_list(request: OfficeRequest) -> HttpResponse:
    office = request.office
    filters = {
        key: request.GET.get(key, "")
        for key in (
            "status",
            "kind",
            "label",
            "paper_only",
            "area",
            "country",
            "responsible",
            "q",
            "sort",
            "archived",
        )
    }
    if filters["responsible"] and not is_record_id(filters["responsible"]):
        filters["responsible"] = ""
    page = paginate(request, selectors.partnership_list(office=office, filters=filters))
    today = timezone.localdate()
    context = {
        "page_obj": page,
        "filters": filters,
        "querystring": querystring_without(request, "page"),
        "sort_querystring": querystring_without(request, "page", "sort"),
        "counts": selectors.label_counts(office=office),
        "alerts": _alert_rows(selectors.alerts(office=office, today=today)[:12]),
        "links": selectors.home_city_links(office=office),
        "statuses": PartnershipStatus.choices,
        "kinds": PartnershipKind.choices,
        "labels": HealthLabel.choices,
        "areas": CooperationArea.objects.all(),
        "countries": selectors.partner_countries(office=office),
        "responsibles": selectors.responsible_officers(office=office),
        "not_ours_form": NotOursForm(),
    }
    return render(request, "partnerships/list.html", context)


@office_view()
@office_page
def partnership_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    return render_detail(request, p)


def _partner_choice(code: str) -> City | None:
    if not code:
        return None
    return City.objects.select_related("country").filter(code=code).first()


@office_view(Role.OFFICER)
def partnership_create(request: OfficeRequest) -> HttpResponse:
    office = request.office
    membership = request.membership
    initial = {
        "partner": request.GET.get("partner", ""),
        "status": request.GET.get("status")
        if request.GET.get("status") in PartnershipStatus.values
        else PartnershipStatus.PROPOSED,
        "kind": request.GET.get("kind")
        if request.GET.get("kind") in PartnershipKind.values
        else PartnershipKind.SISTER,
        "responsible": request.user,
    }
    form = PartnershipForm(request.POST or None, office=office, initial=initial)
    existing = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            p = services.partnership_create(
                office=office,
                actor=membership,
                partner_city=data["partner"],
                kind=data["kind"],
                status=data["status"],
                signed_on=data["signed_on"],
                valid_until=data["valid_until"],
                areas=data["areas"],
                summary_fa=data["summary_fa"],
                summary_en=data["summary_en"],
                responsible=data["responsible"],
                end_reason=data["end_reason"],
            )
        except ValidationError as exc:
            existing = existing_pact(exc)
            refused(form, exc, rename={"partner_city": "partner"})
        else:
            messages.success(request, _("The partnership was added to the registry."))
            return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)
    chosen = _partner_choice(str(request.POST.get("partner") or initial["partner"]))
    return render(
        request,
        "partnerships/form.html",
        {"form": form, "chosen": chosen, "creating": True, "existing": existing},
    )


@office_view(Role.OFFICER)
def partnership_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    membership = request.membership
    p = selectors.partnership_for_detail(office=office, pk=pk)
    form = PartnershipForm(
        request.POST or None, office=office, initial=PartnershipForm.initial_from(p)
    )
    stale = None
    existing = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        data["partner_city"] = data.pop("partner")
        try:
            services.partnership_update(
                partnership=p, actor=membership, expected_version=version, data=data
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            existing = existing_pact(exc)
            refused(form, exc, rename={"partner_city": "partner"})
        else:
            messages.success(request, _("The partnership was saved."))
            return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)
    chosen = _partner_choice(request.POST.get("partner") or p.partner_city.code)
    return render(
        request,
        "partnerships/form.html",
        {
            "form": form,
            "p": p,
            "chosen": chosen,
            "stale": stale,
            "creating": False,
            "existing": existing,
        },
        status=409 if stale else 200,
    )


@require_POST
@office_view(Role.OFFICER)
def partnership_status(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.partnership_set_status(
                partnership=p,
                actor=request.membership,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            refused(form, exc, rename={"end_reason": "reason", "partner_city": "status"})
        else:
            messages.success(request, _("The status was changed."))
            return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)
    p = selectors.partnership_for_detail(office=office, pk=pk)
    return render_detail(request, p, Inline("status_form", form))


@require_POST
@office_view(Role.OFFICER)
def partnership_archive(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    restore = request.POST.get("restore") == "1"
    try:
        services.partnership_archive(
            partnership=p,
            actor=request.membership,
            archived=not restore,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)
    if restore:
        messages.success(request, _("The partnership was restored from the archive."))
    else:
        messages.success(request, _("The partnership was archived."))
    return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)


@require_POST
@office_view(Role.OFFICER)
def create_proposed(request: OfficeRequest) -> HttpResponse:
    """One click from the recommender: a proposed pact with `partner=<city code>`."""
    office = request.office
    city = _partner_choice(request.POST.get("partner", ""))
    if city is None:
        raise Http404
    try:
        p = services.partnership_create_proposed(
            office=office,
            actor=request.membership,
            partner_city=city,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("partnerships:list", office_slug=office.slug)
    messages.success(request, _("A proposed partnership was added to the registry."))
    return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)


@office_view(Role.OFFICER)
def city_search(request: OfficeRequest) -> HttpResponse:
    """The partner chooser's type-ahead (an htmx fragment of radio buttons)."""
    query = request.GET.get("q", "")
    home = request.office.home_city_id
    cities = [c for c in selectors.city_search(query) if c.pk != home]
    return render(
        request,
        "partnerships/form.html#city_results",
        {"cities": cities, "query": query, "chosen": None},
    )
