"""The public links of the home city beside the registry: adopt one, mark it not ours."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.core.validation import is_record_id
from peyvand.network.models import Twinning
from peyvand.places.models import City

from .. import selectors, services
from ..forms import (
    AdoptForm,
    NotOursForm,
)
from .common import existing_pact


@office_view(Role.OFFICER)
def link_adopt(request: OfficeRequest, twinning_id: int) -> HttpResponse:
    """Register a public link: the officer states its status and signing date, and
    confirms a link that only one source states."""
    office = request.office
    twinning = get_object_or_404(
        Twinning.objects.select_related("city_a", "city_b", "city_a__country", "city_b__country"),
        pk=twinning_id,
    )
    try:
        partner = services.twinning_partner(office=office, twinning=twinning)
    except ValidationError as exc:
        raise Http404 from exc
    doubtful = not twinning.confirmed
    form = AdoptForm(request.POST or None, statuses=services.ADOPT_STATUSES, doubtful=doubtful)
    existing = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            p = services.partnership_from_twinning(
                office=office,
                actor=request.membership,
                twinning=twinning,
                status=data["status"],
                signed_on=data["signed_on"],
                doubt_checked=data.get("doubt_checked", False),
            )
        except ValidationError as exc:
            existing = existing_pact(exc)
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The public link is now a partnership of the registry."))
            return redirect("partnerships:detail", office_slug=office.slug, pk=p.pk)
    link = selectors.HomeLink(twinning, partner, None, None)
    context = {"form": form, "link": link, "doubtful": doubtful, "existing": existing}
    return render(request, "partnerships/adopt.html", context)


@require_POST
@office_view(Role.OFFICER)
def link_not_ours(request: OfficeRequest, twinning_id: int) -> HttpResponse:
    office = request.office
    twinning = get_object_or_404(
        Twinning.objects.select_related("city_a", "city_b"), pk=twinning_id
    )
    if office.home_city_id not in (twinning.city_a_id, twinning.city_b_id):
        raise Http404
    partner = twinning.city_b if twinning.city_a_id == office.home_city_id else twinning.city_a
    form = NotOursForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why this link is not one of the office's."))
        return redirect("partnerships:list", office_slug=office.slug)
    services.not_ours_mark(
        office=office,
        actor=request.membership,
        partner_city=partner,
        twinning=twinning,
        reason=form.cleaned_data["reason"],
    )
    messages.success(
        request,
        _("The link with %(city)s was marked as not ours; it stays on the public city page.")
        % {"city": partner.name},
    )
    return redirect("partnerships:list", office_slug=office.slug)


@office_view(Role.OFFICER)
def links_not_ours(request: OfficeRequest) -> HttpResponse:
    office = request.office
    if request.method == "POST":
        raw = request.POST.get("city", "")
        city = get_object_or_404(City, pk=int(raw) if is_record_id(raw) else 0)
        services.not_ours_unmark(
            office=office,
            actor=request.membership,
            partner_city=city,
        )
        messages.success(request, _("The link is shown again beside the registry."))
        return redirect("partnerships:not_ours", office_slug=office.slug)
    links = [
        link
        for link in selectors.home_city_links(office=office, include_not_ours=True)
        if link.not_ours
    ]
    return render(request, "partnerships/not_ours.html", {"links": links})
