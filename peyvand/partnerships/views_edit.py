"""Correcting what was recorded: activities, outcomes, agreements and files, commitments.

Deleting asks first on a confirmation page (GET shows it, POST deletes).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from peyvand.accounts.access import get_for_office, office_view
from peyvand.accounts.models import Role

from . import services
from .forms import (
    ActivityEditForm,
    AgreementEditForm,
    CommitmentEditForm,
    ConfirmForm,
    OutcomeEditForm,
)
from .models import Activity, Agreement, AgreementFile, Commitment, Outcome
from .views import (
    _activity_input,
    _agreement_errors,
    _agreement_input,
    _form_errors,
    back_to_detail,
    stale_context,
)


def _office(request: HttpRequest) -> Any:
    return request.office  # type: ignore[attr-defined]


def _member(request: HttpRequest) -> Any:
    return request.membership  # type: ignore[attr-defined]


def _back_pact(request: HttpRequest, linked: list[int]) -> int:
    """The pact page to return to: the one named in ?partnership= if it is linked."""
    wanted = request.POST.get("partnership") or request.GET.get("partnership") or ""
    if wanted.isdigit() and int(wanted) in linked:
        return int(wanted)
    return linked[0]


def _activity(request: HttpRequest, pk: int) -> Activity:
    activity = get_for_office(Activity, _office(request), pk=pk)
    if not services.can_edit_activity(_member(request), activity):
        raise PermissionDenied
    return activity


def _linked(activity: Activity) -> list[int]:
    return list(activity.partnerships.order_by("pk").values_list("pk", flat=True))


def _confirm(
    request: HttpRequest, context: dict[str, Any], stale: dict[str, Any] | None = None
) -> HttpResponse:
    return render(
        request,
        "partnerships/confirm_delete.html",
        {**context, "stale": stale},
        status=409 if stale else 200,
    )


def _confirm_form(request: HttpRequest, version: int) -> ConfirmForm:
    """A deletion's confirmation (a POST without a version is not checked)."""
    return ConfirmForm(
        request.POST if request.method == "POST" else None, initial={"version": version}
    )


# ---------------------------------------------------------------- activities


@office_view(Role.LIAISON)
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    activity = _activity(request, pk)
    back = _back_pact(request, _linked(activity))
    form = ActivityEditForm(
        request.POST or None,
        office=office,
        activity=activity,
        initial=ActivityEditForm.initial_from(activity),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pacts = list(data["partnerships"])
        try:
            services.activity_update(
                activity=activity,
                actor=_member(request),
                expected_version=data["version"],
                partnerships=pacts,
                **_activity_input(data),
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The activity was saved and the scores updated."))
            target = back if back in {p.pk for p in pacts} else pacts[0].pk
            return back_to_detail(office.slug, target, "activities")
    context = {
        "form": form,
        "activity": activity,
        "outcomes": list(activity.outcomes.all()),
        "back": back,
        "can_delete": _member(request).has_role(Role.OFFICER),
        "stale": stale,
    }
    return render(request, "partnerships/activity_edit.html", context, status=409 if stale else 200)


@office_view(Role.OFFICER)
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    activity = get_for_office(Activity, office, pk=pk)
    back = _back_pact(request, _linked(activity))
    form = _confirm_form(request, activity.version)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            pacts = services.activity_delete(
                activity=activity,
                actor=_member(request),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
            activity.refresh_from_db()  # the question names the activity as it is now
        else:
            messages.success(request, _("The activity was deleted and the scores updated."))
            target = back if back in {p.pk for p in pacts} else pacts[0].pk
            return back_to_detail(office.slug, target, "activities")
    pacts = list(activity.partnerships.select_related("partner_city").order_by("pk"))
    return _confirm(
        request,
        {
            "title": _("Delete the activity"),
            "question": _(
                "Delete the activity “%(title)s”? It is removed from the timeline of every "
                "partnership it concerns, with its outcomes, and their scores are recomputed."
            )
            % {"title": activity.title},
            "details": [p.partner_city.name for p in pacts],
            "details_label": _("Partnerships it concerns:"),
            "n_outcomes": activity.outcomes.count(),
            "back": back,
            "submit": _("Delete the activity"),
            "form": form,
        },
        stale,
    )


# ---------------------------------------------------------------- outcomes


def _outcome(request: HttpRequest, pk: int) -> Outcome:
    outcome = get_object_or_404(
        Outcome.objects.filter(office=_office(request)).select_related("activity"), pk=pk
    )
    if not services.can_edit_activity(_member(request), outcome.activity):
        raise PermissionDenied
    return outcome


@office_view(Role.LIAISON)
def outcome_edit(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    outcome = _outcome(request, pk)
    back = _back_pact(request, _linked(outcome.activity))
    form = OutcomeEditForm(request.POST or None, initial=OutcomeEditForm.initial_from(outcome))
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.outcome_update(
                outcome=outcome, actor=_member(request), expected_version=version, **data
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The outcome was saved."))
            return back_to_detail(office.slug, back, "activities")
    context = {
        "form": form,
        "outcome": outcome,
        "activity": outcome.activity,
        "back": back,
        "stale": stale,
    }
    return render(request, "partnerships/outcome_form.html", context, status=409 if stale else 200)


@office_view(Role.LIAISON)
def outcome_delete(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    outcome = _outcome(request, pk)
    back = _back_pact(request, _linked(outcome.activity))
    form = _confirm_form(request, outcome.version)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.outcome_delete(
                outcome=outcome,
                actor=_member(request),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
            outcome.refresh_from_db()  # the question names the outcome as it is now
        else:
            messages.success(request, _("The outcome was removed and the scores updated."))
            return back_to_detail(office.slug, back, "activities")
    return _confirm(
        request,
        {
            "title": _("Remove the outcome"),
            "question": _("Remove the outcome “%(outcome)s” of the activity “%(title)s”?")
            % {"outcome": outcome, "title": outcome.activity.title},
            "back": back,
            "submit": _("Remove the outcome"),
            "form": form,
        },
        stale,
    )


# ---------------------------------------------------------------- agreements


@office_view(Role.OFFICER)
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    agreement = get_object_or_404(
        Agreement.objects.filter(office=office).select_related("partnership__partner_city"),
        pk=pk,
    )
    form = AgreementEditForm(
        request.POST or None,
        request.FILES or None,
        initial=AgreementEditForm.initial_from(agreement),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agreement_update(
                agreement=agreement,
                actor=_member(request),
                expected_version=data["version"],
                **_agreement_input(data),
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            _agreement_errors(form, exc)
        else:
            messages.success(request, _("The agreement was saved."))
            return back_to_detail(office.slug, agreement.partnership_id, "agreements")
    context = {
        "form": form,
        "p": agreement.partnership,
        "agreement": agreement,
        "files": list(agreement.files.all()),
        "stale": stale,
    }
    return render(
        request, "partnerships/agreement_form.html", context, status=409 if stale else 200
    )


@office_view(Role.OFFICER)
def agreement_file_delete(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    row = get_object_or_404(
        AgreementFile.objects.filter(office=office).select_related("agreement"), pk=pk
    )
    back = row.agreement.partnership_id
    if request.method == "POST":
        services.agreement_file_remove(file=row, actor=_member(request))
        messages.success(request, _("The file was removed from the agreement."))
        return back_to_detail(office.slug, back, "agreements")
    return _confirm(
        request,
        {
            "title": _("Remove the file"),
            "question": _(
                "Remove the file “%(name)s” from the agreement “%(title)s”? The stored "
                "copy is deleted; the history keeps its name."
            )
            % {"name": row.original_name, "title": row.agreement.title},
            "back": back,
            "submit": _("Remove the file"),
        },
    )


# ---------------------------------------------------------------- commitments


@office_view(Role.LIAISON)
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Officers edit the whole commitment; a liaison its status and evidence (own dept.)."""
    office = _office(request)
    membership = _member(request)
    commitment = get_object_or_404(
        Commitment.objects.filter(office=office).select_related(
            "partnership__partner_city", "area", "department"
        ),
        pk=pk,
    )
    if not services.can_update_commitment(membership, commitment):
        raise PermissionDenied
    plan = membership.has_role(Role.OFFICER)
    form = CommitmentEditForm(
        request.POST or None,
        request.FILES or None,
        office=office,
        plan=plan,
        initial=CommitmentEditForm.initial_from(commitment),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan_data: dict[str, Any] = {}
        if plan:
            plan_data = {
                "title": data["title"],
                "due_on": data["due_on"],
                "area": data["area"],
                "set_area": True,
                "department": data["department"],
                "set_department": True,
            }
        try:
            services.commitment_update(
                commitment=commitment,
                actor=membership,
                expected_version=data["version"],
                status=data["status"],
                done_on=data["done_on"],
                drop_reason=data["drop_reason"],
                evidence_note=data["evidence_note"],
                evidence_link=data["evidence_link"],
                evidence_file=data["evidence_file"],
                **plan_data,
            )
        except services.StaleCommitmentEdit as exc:
            stale = stale_context(request, form, exc)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The commitment was saved."))
            return back_to_detail(office.slug, commitment.partnership_id, "plan")
    context = {
        "form": form,
        "c": commitment,
        "p": commitment.partnership,
        "stale": stale,
        "plan": plan,
    }
    return render(
        request, "partnerships/commitment_form.html", context, status=409 if stale else 200
    )
