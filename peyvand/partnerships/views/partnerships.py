"""The registry pages: list, detail, create/edit, status, archive, city search."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, office_view
from peyvand.accounts.models import Role
from peyvand.core.dates import format_date
from peyvand.core.forms import apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import is_record_id
from peyvand.places.models import City

from .. import selectors, services
from ..forms import (
    ActivityForm,
    ApprovalDecideForm,
    ApprovalForm,
    CommitmentForm,
    CommitmentStatusForm,
    NotOursForm,
    PartnershipForm,
    StatusForm,
)
from ..models import (
    CommitmentStatus,
    CooperationArea,
    HealthLabel,
    OutcomeKind,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
)
from ..presenters import ALERT_LABELS, components_rows, history_rows
from .common import (
    stale_context,
)


def _alert_rows(alerts: list[selectors.Alert]) -> list[dict[str, Any]]:
    return [{"alert": a, "label": ALERT_LABELS[a.kind]} for a in alerts]


@office_view()
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


def _trend_data(p: Partnership) -> dict[str, Any]:
    points = selectors.health_trend(partnership=p)
    return {
        "labels": [format_date(day) for day, _score in points],
        "scores": [score for _day, score in points],
        "title": _("Health score"),
    }


def _map_data(p: Partnership) -> dict[str, Any]:
    def point(city: City | None) -> dict[str, Any] | None:
        if city is None or city.lat is None or city.lon is None:
            return None
        return {"name": city.name, "lat": city.lat, "lon": city.lon}

    # The shape static/js/atlas.js draws (the atlas's helper, reused here).
    partner = point(p.partner_city)
    return {
        "countries": static("vendor/world-atlas/countries-110m.json"),
        "city": point(p.office.home_city),
        "partners": [{**partner, "confirmed": True}] if partner else [],
        "has_partner": partner is not None,
    }


def detail_context(request: OfficeRequest, p: Partnership) -> dict[str, Any]:
    office = request.office
    membership = request.membership
    commitments = list(selectors.commitments_of(p))
    for c in commitments:
        c.can_update = services.can_update_commitment(membership, c)
    activities = list(selectors.activities_of(p))
    for a in activities:
        a.can_edit = services.can_edit_activity(membership, a)
    outcomes = [o for a in activities for o in a.outcomes.all()]
    today = timezone.localdate()
    return {
        "p": p,
        "approvals": list(p.approvals.all()),
        "agreements": list(selectors.agreements_of(p)),
        "commitments": commitments,
        "activities": activities,
        "outcomes": outcomes,
        "components": components_rows(p.health_components or {}),
        "trend": _trend_data(p),
        "map": _map_data(p),
        "history": history_rows(list(selectors.history_of(p))),
        "reviews": list(p.reviews.select_related("decided_by")),
        "activity_form": ActivityForm(
            office=office,
            initial={"date": today, "partnerships": [p], "kind": "online_meeting"},
        ),
        "commitment_form": CommitmentForm(office=office),
        "commitment_status_form": CommitmentStatusForm(),
        "approval_form": ApprovalForm(),
        "approval_decide_form": ApprovalDecideForm(initial={"decided_on": today}),
        "status_form": StatusForm(initial={"status": p.status, "version": p.version}),
        "today": today,
        "commitment_statuses": CommitmentStatus.choices,
        "outcome_kinds": OutcomeKind.choices,
        "can_edit": membership.has_role(Role.OFFICER),
        "can_log": membership.has_role(Role.LIAISON),
        "is_director": membership.has_role(Role.DIRECTOR),
    }


@office_view()
def partnership_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    return render(request, "partnerships/detail.html", detail_context(request, p))


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
                is_public=data["is_public"],
                end_reason=data["end_reason"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The partnership was added to the registry."))
            return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)
    chosen = _partner_choice(str(request.POST.get("partner") or initial["partner"]))
    return render(
        request,
        "partnerships/form.html",
        {"form": form, "chosen": chosen, "creating": True},
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
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The partnership was saved."))
            return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)
    chosen = _partner_choice(request.POST.get("partner") or p.partner_city.code)
    return render(
        request,
        "partnerships/form.html",
        {"form": form, "p": p, "chosen": chosen, "stale": stale, "creating": False},
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
            messages.error(request, exc.message)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The status was changed."))
    else:
        messages.error(request, _("Choose a valid status."))
    return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)


@require_POST
@office_view(Role.OFFICER)
def partnership_archive(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    p = selectors.partnership_for_detail(office=office, pk=pk)
    restore = request.POST.get("restore") == "1"
    services.partnership_archive(
        partnership=p,
        actor=request.membership,
        archived=not restore,
    )
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
