"""The parts of a pact: approvals, agreements and files, commitments, activities, review."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import get_for_office, office_view
from peyvand.accounts.models import Role

from . import selectors, services
from .forms import (
    ActivityForm,
    AgreementForm,
    ApprovalDecideForm,
    ApprovalForm,
    CommitmentForm,
    CommitmentStatusForm,
    FileForm,
    OutcomeForm,
    ReviewForm,
)
from .letters import retire_letters, revive_letters
from .models import Activity, Agreement, AgreementFile, Approval, Commitment, CommitmentStatus
from .presenters import history_rows
from .views import (
    _activity_input,
    _agreement_errors,
    _agreement_input,
    _form_errors,
    back_to_detail,
)


def _office(request: HttpRequest) -> Any:
    return request.office  # type: ignore[attr-defined]


def _member(request: HttpRequest) -> Any:
    return request.membership  # type: ignore[attr-defined]


# ---------------------------------------------------------------- approvals


@require_POST
@office_view(Role.OFFICER)
def approval_add(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    p = selectors.partnership_for_detail(office=office, pk=pk)
    form = ApprovalForm(request.POST)
    if form.is_valid():
        services.approval_add(partnership=p, actor=_member(request), **form.cleaned_data)
        messages.success(request, _("The required approval was added."))
    else:
        messages.error(request, _("Choose the approving body."))
    return back_to_detail(office.slug, p.pk, "approvals")


@require_POST
@office_view(Role.OFFICER)
def approval_decide(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    approval = get_for_office(Approval, office, pk=pk)
    form = ApprovalDecideForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.approval_decide(
                approval=approval,
                actor=_member(request),
                status=form.cleaned_data["status"],
                decided_on=form.cleaned_data["decided_on"],
                reference=form.cleaned_data["reference"],
                document=form.cleaned_data["document"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The approval was updated."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return back_to_detail(office.slug, approval.partnership_id, "approvals")


# ---------------------------------------------------------------- agreements and files


@office_view(Role.OFFICER)
def agreement_add(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    p = selectors.partnership_for_detail(office=office, pk=pk)
    form = AgreementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agreement_create(
                partnership=p,
                actor=_member(request),
                **_agreement_input(data),
            )
        except ValidationError as exc:
            _agreement_errors(form, exc)
        else:
            messages.success(request, _("The agreement was added."))
            return back_to_detail(office.slug, p.pk, "agreements")
    return render(request, "partnerships/agreement_form.html", {"form": form, "p": p})


@require_POST
@office_view(Role.OFFICER)
def agreement_file_add(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    agreement = get_for_office(Agreement, office, pk=pk)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.agreement_file_add(
                agreement=agreement, actor=_member(request), upload=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The file was added."))
    else:
        messages.error(request, _("Choose a file."))
    return back_to_detail(office.slug, agreement.partnership_id, "agreements")


@office_view()
def download(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Private files: only members of the owning office, always as an attachment."""
    office = _office(request)
    if kind == "agreement":
        row = get_for_office(AgreementFile, office, pk=pk)
        stored, name = row.file, row.original_name
    elif kind == "approval":
        approval = get_for_office(Approval, office, pk=pk)
        stored, name = approval.document, f"approval-{approval.pk}"
    elif kind == "evidence":
        commitment = get_for_office(Commitment, office, pk=pk)
        stored, name = commitment.evidence_file, f"evidence-{commitment.pk}"
    else:
        raise Http404
    if not stored:
        raise Http404
    if "." not in name:
        name += "." + str(stored.name).rsplit(".", 1)[-1]
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return cast(HttpResponse, response)


# ---------------------------------------------------------------- commitments


@require_POST
@office_view(Role.OFFICER)
def commitment_add(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    p = selectors.partnership_for_detail(office=office, pk=pk)
    form = CommitmentForm(request.POST, office=office)
    if form.is_valid():
        try:
            services.commitment_create(partnership=p, actor=_member(request), **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The commitment was added to the action plan."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return back_to_detail(office.slug, p.pk, "plan")


@require_POST
@office_view(Role.LIAISON)
def commitment_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Inline status change (htmx answers the row and the refreshed score)."""
    office = _office(request)
    membership = _member(request)
    commitment = get_for_office(Commitment, office, pk=pk)
    if not services.can_update_commitment(membership, commitment):
        raise PermissionDenied
    form = CommitmentStatusForm(request.POST, request.FILES)
    error = ""
    changed: list[dict[str, Any]] = []
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.commitment_update(
                commitment=commitment,
                actor=membership,
                status=data["status"],
                done_on=data["done_on"],
                drop_reason=data["drop_reason"],
                evidence_note=data["evidence_note"] or None,
                evidence_link=data["evidence_link"] or None,
                evidence_file=data["evidence_file"],
                expected_version=data["version"],
            )
        except services.StaleCommitmentEdit as exc:
            error = exc.message
            changed = history_rows(exc.events)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = " ".join(str(e) for errs in form.errors.values() for e in errs)
    if not request.headers.get("HX-Request"):
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("The commitment was updated."))
        return back_to_detail(office.slug, commitment.partnership_id, "plan")
    commitment.refresh_from_db()
    commitment.can_update = True  # type: ignore[attr-defined]
    p = commitment.partnership
    p.refresh_from_db()
    context = {
        "c": commitment,
        "p": p,
        "row_error": error,
        "row_changes": changed,
        "today": timezone.localdate(),
        "commitment_statuses": CommitmentStatus.choices,
        "office": office,
    }
    html = render_to_string("partnerships/detail.html#commitment_row", context, request)
    html += render_to_string("partnerships/detail.html#health_badge_oob", context, request)
    return HttpResponse(html, status=200)


# ---------------------------------------------------------------- activities and outcomes


@office_view(Role.LIAISON)
def activity_log(request: HttpRequest, pk: int) -> HttpResponse:
    """Log an activity (the detail page posts its short form here)."""
    office = _office(request)
    p = selectors.partnership_for_detail(office=office, pk=pk)
    initial = {"date": timezone.localdate(), "partnerships": [p], "kind": "online_meeting"}
    form = ActivityForm(request.POST or None, office=office, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcomes = []
        if data["outcome_kind"]:
            outcomes.append(
                {
                    "kind": data["outcome_kind"],
                    "value": data["outcome_value"],
                    "unit": data["outcome_unit"],
                }
            )
        try:
            services.activity_log(
                office=office,
                actor=_member(request),
                partnerships=list(data["partnerships"]),
                outcomes=outcomes,
                **_activity_input(data),
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The activity was logged and the score updated."))
            return back_to_detail(office.slug, p.pk, "health")
    return render(request, "partnerships/activity_form.html", {"form": form, "p": p})


@require_POST
@office_view(Role.LIAISON)
def outcome_add(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    activity = get_for_office(Activity, office, pk=pk)
    if not services.can_edit_activity(_member(request), activity):
        raise PermissionDenied
    back = request.POST.get("partnership", "")
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.outcome_add(activity=activity, actor=_member(request), **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The outcome was recorded."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    pacts = list(activity.partnerships.values_list("pk", flat=True))
    target = int(back) if back.isdigit() and int(back) in pacts else pacts[0]
    return back_to_detail(office.slug, target, "activities")


# ---------------------------------------------------------------- dormancy review


@office_view(Role.DIRECTOR)
def review(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request)
    p = selectors.partnership_for_detail(office=office, pk=pk)
    today = timezone.localdate()
    deadline = today + dt.timedelta(days=180)
    revive_fa, revive_en = revive_letters(p, deadline)
    retire_fa, retire_en = retire_letters(p)
    form = ReviewForm(
        request.POST or None,
        office=office,
        initial={"deadline": deadline, "letter_fa": revive_fa, "letter_en": revive_en},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "revive":
                if data["deadline"] is None:
                    raise ValidationError({"deadline": [_("Give the plan a deadline.")]})
                services.dormancy_review_revive(
                    partnership=p,
                    actor=_member(request),
                    deadline=data["deadline"],
                    commitments=[{**row, "due_on": data["deadline"]} for row in form.plan()],
                    letter_fa=data["letter_fa"],
                    letter_en=data["letter_en"],
                )
                messages.success(request, _("The partnership has a rejuvenation plan."))
            else:
                services.dormancy_review_retire(
                    partnership=p,
                    actor=_member(request),
                    reason=data["reason"],
                    letter_fa=data["letter_fa"] if data["letter_fa"] != revive_fa else retire_fa,
                    letter_en=data["letter_en"] if data["letter_en"] != revive_en else retire_en,
                )
                messages.success(request, _("The partnership was retired."))
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return back_to_detail(office.slug, p.pk, "history")
    context = {
        "form": form,
        "p": p,
        "letters": {
            "revive_fa": revive_fa,
            "revive_en": revive_en,
            "retire_fa": retire_fa,
            "retire_en": retire_en,
        },
    }
    return render(request, "partnerships/review.html", context)
