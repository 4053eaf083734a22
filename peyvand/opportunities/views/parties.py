"""The parties interested in a pitch: add, edit, remove (confirmed); their follow-ups:
add, mark done."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_view
from peyvand.accounts.models import Role
from peyvand.core.forms import apply_service_errors
from peyvand.records.presenters import stale_context

from .. import selectors, services
from ..forms import FollowUpForm, PartyForm, VersionForm
from ..models import InterestedParty, PartyFollowUp, Pitch
from ..presenters import history_rows
from .common import back, confirm_form, render_confirm


def _values(form: PartyForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    return data


@office_view(Role.OFFICER)
def party_add(request: OfficeRequest, pk: int) -> HttpResponse:
    p = get_for_office(Pitch, request.office, pk=pk)
    form = PartyForm(request.POST or None, office=request.office)
    if request.method == "POST" and form.is_valid():
        try:
            services.party_add(pitch=p, actor=request.membership, **_values(form))
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The interested party was added."))
            return back(request, "pitch_detail", "parties", pk=p.pk)
    context = {"form": form, "p": p, "creating": True}
    return render(request, "opportunities/pitches/party_form.html", context)


@office_view(Role.OFFICER)
def party_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    party = selectors.party_for_office(office=request.office, pk=pk)
    form = PartyForm(
        request.POST or None, office=request.office, initial=PartyForm.initial_from(party)
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.party_update(
                party=party,
                actor=request.membership,
                changes=_values(form),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc, history_rows)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The interested party was saved."))
            return back(request, "pitch_detail", "parties", pk=party.pitch_id)
    context = {"form": form, "p": party.pitch, "party": party, "stale": stale}
    return render(
        request, "opportunities/pitches/party_form.html", context, status=409 if stale else 200
    )


@office_view(Role.OFFICER)
def party_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    party = selectors.party_for_office(office=request.office, pk=pk)
    form = confirm_form(request, party.version)
    context = {
        "form": form,
        "back_url": "pitch_detail",
        "back_pk": party.pitch_id,
        "title": _("Remove the interested party"),
        "question": _(
            "Remove this party and its follow-ups from the pitch? The removal is recorded in "
            "the pitch's history."
        ),
        "subject": str(party),
        "submit": _("Remove"),
    }
    if request.method == "POST" and form.is_valid():
        try:
            services.party_delete(
                party=party, actor=request.membership, expected_version=form.cleaned_data["version"]
            )
        except services.StaleVersion as exc:
            stale = {"message": exc.message, "history": history_rows(exc.events)}
            form = VersionForm(initial={"version": exc.version})
            return render_confirm(request, {**context, "form": form}, stale)
        messages.success(request, _("The interested party was removed."))
        return back(request, "pitch_detail", "parties", pk=party.pitch_id)
    return render_confirm(request, context)


@require_POST
@office_view(Role.OFFICER)
def follow_up_add(request: OfficeRequest, pk: int) -> HttpResponse:
    party = get_object_or_404(InterestedParty.objects.for_office(request.office), pk=pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.follow_up_add(
                party=party,
                actor=request.membership,
                date=form.cleaned_data["date"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The follow-up was added."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return back(request, "pitch_detail", f"party-{party.pk}", pk=party.pitch_id)


@require_POST
@office_view(Role.OFFICER)
def follow_up_done(request: OfficeRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(
        PartyFollowUp.objects.for_office(request.office).select_related("party"), pk=pk
    )
    services.follow_up_done(follow_up=row, actor=request.membership)
    messages.success(request, _("The follow-up was marked done."))
    return back(request, "pitch_detail", f"party-{row.party_id}", pk=row.party.pitch_id)
