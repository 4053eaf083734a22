"""The mission pages: list, board, detail, create and edit, workflow actions, documents,
the trip report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, get_for_office, office_page, office_view
from peyvand.accounts.models import OfficeMembership, Role
from peyvand.core.forms import DateRangeForm, apply_service_errors
from peyvand.core.pagination import paginate, querystring_without
from peyvand.core.validation import NotAllowedNow, is_record_id
from peyvand.partnerships.models import Partnership
from peyvand.records.history import history_of
from peyvand.records.presenters import stale_context

from .. import selectors, services
from ..forms import (
    DocumentForm,
    FollowUpFormSet,
    MissionForm,
    ParticipantFormSet,
    PracticeFormSet,
    ReportForm,
    TransitionForm,
)
from ..models import Direction, Event, Mission, MissionDocument, MissionStatus
from ..observations import observation_rows
from ..presenters import history_rows

HISTORY_SHOWN = 50
FILTERS = ("status", "direction", "event", "partnership", "year", "q", "sort")


def _detail_url(request: OfficeRequest, pk: int) -> str:
    return reverse("missions:detail", kwargs={"office_slug": request.office.slug, "pk": pk})


@office_view()
@office_page
def mission_list(request: OfficeRequest) -> HttpResponse:
    office = request.office
    filters = {key: request.GET.get(key, "").strip() for key in FILTERS}
    for key in ("event", "partnership"):
        if filters[key] and not is_record_id(filters[key]):
            filters[key] = ""
    if filters["year"] and not (
        filters["year"].isascii()
        and filters["year"].isdigit()
        and 1900 <= int(filters["year"]) <= 2100
    ):
        filters["year"] = ""
    dates = DateRangeForm(request.GET or None)
    start, end = dates.dates()
    page = paginate(
        request,
        selectors.mission_list(office=office, filters={**filters, "start": start, "end": end}),
    )
    context = {
        "page_obj": page,
        "filters": filters,
        "date_form": dates.shown(),
        "querystring": querystring_without(request, "page"),
        "counts": selectors.status_counts(office=office),
        "statuses": MissionStatus.choices,
        "directions": Direction.choices,
        "events": Event.objects.for_office(office).order_by("-starts_on")[:200],
        "pacts": Partnership.objects.for_office(office)
        .filter(archived=False)
        .select_related("partner_city")
        .order_by("partner_city__name_en"),
        "filtered": any(filters[k] for k in FILTERS if k != "sort") or bool(start or end),
    }
    return render(request, "missions/list.html", context)


@office_view()
@office_page
def mission_board(request: OfficeRequest) -> HttpResponse:
    return render(
        request, "missions/board.html", {"columns": selectors.board(office=request.office)}
    )


@office_view()
@office_page
def mission_detail(request: OfficeRequest, pk: int) -> HttpResponse:
    m = selectors.mission_for_detail(office=request.office, pk=pk)
    return _render_detail(request, m)


def _render_detail(
    request: OfficeRequest,
    m: Mission,
    *,
    document_form: DocumentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    parts = selectors.report_parts(m)
    context = {
        "m": m,
        "actions": services.allowed_actions(m, request.membership),
        "report": getattr(m, "report", None) if hasattr(m, "report") else None,
        **parts,
        # Each practice observed with what other modules offer (missions.observations).
        "observations": observation_rows(request, m, parts["practices"]),
        "document_form": document_form or DocumentForm(),
        "history": history_rows(list(history_of(m)[:HISTORY_SHOWN])),
        "history_shown": HISTORY_SHOWN,
        "can_edit": request.membership.has_role(Role.OFFICER)
        and m.status != MissionStatus.CANCELLED,
        "can_report": request.membership.has_role(Role.OFFICER)
        and m.status in (MissionStatus.COMPLETED, MissionStatus.REPORTED),
    }
    return render(request, "missions/detail.html", context, status=status)


def _participants(formset: Any, office: Any) -> list[services.ParticipantIn]:
    members = {
        m.user_id: m
        for m in OfficeMembership.objects.filter(office=office).select_related("department")
    }
    out = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", {})
        user, contact = data.get("member"), data.get("contact")
        if user is None and contact is None:
            continue
        out.append(
            services.ParticipantIn(
                membership=members.get(user.pk) if user is not None else None,
                contact=contact,
                department=data.get("department"),
                role=data.get("role") or "",
            )
        )
    return out


def _mission_values(form: MissionForm, formset: Any, office: Any) -> dict[str, Any]:
    data = form.cleaned_data
    values = {name: data[name] for name in services.MISSION_FIELDS}
    values.update(
        event=data["event"],
        partnerships=list(data["partnerships"]),
        cities=form.city_list(),
        objectives=form.objective_list(),
        participants=_participants(formset, office),
    )
    return values


def _participant_initial(m: Mission) -> list[dict[str, Any]]:
    return [
        {"member": p.user, "contact": p.contact, "department": p.department, "role": p.role}
        for p in m.participants.select_related("user", "contact", "department")
    ]


@office_view(Role.OFFICER)
def mission_create(request: OfficeRequest) -> HttpResponse:
    office = request.office
    initial: dict[str, Any] = {}
    if request.GET.get("event") and is_record_id(request.GET["event"]):
        initial["event"] = Event.objects.for_office(office).filter(pk=request.GET["event"]).first()
    if request.GET.get("partnership") and is_record_id(request.GET["partnership"]):
        initial["partnerships"] = list(
            Partnership.objects.for_office(office).filter(pk=request.GET["partnership"])
        )
    form = MissionForm(request.POST or None, office=office, initial=initial)
    formset = ParticipantFormSet(
        request.POST or None, prefix="people", form_kwargs={"office": office}
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            m = services.mission_create(
                office=office, actor=request.membership, **_mission_values(form, formset, office)
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The mission was saved as a draft."))
            return redirect(_detail_url(request, m.pk))
    return render(
        request, "missions/form.html", {"form": form, "formset": formset, "creating": True}
    )


@office_view(Role.OFFICER)
def mission_edit(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    m = get_object_or_404(Mission.objects.for_office(office), pk=pk)
    form = MissionForm(request.POST or None, office=office, initial=MissionForm.initial_from(m))
    formset = ParticipantFormSet(
        request.POST or None,
        prefix="people",
        form_kwargs={"office": office},
        initial=_participant_initial(m),
    )
    stale = None
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.mission_update(
                mission=m,
                actor=request.membership,
                changes=_mission_values(form, formset, office),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            stale = stale_context(request, form, exc, history_rows)
        except NotAllowedNow as exc:
            messages.error(request, exc.message)
            return redirect(_detail_url(request, m.pk))
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The mission was saved."))
            return redirect(_detail_url(request, m.pk))
    context = {"form": form, "formset": formset, "m": m, "stale": stale}
    return render(request, "missions/form.html", context, status=409 if stale else 200)


@require_POST
@office_view(Role.OFFICER)
def mission_transition(request: OfficeRequest, pk: int) -> HttpResponse:
    """A workflow action from the mission's page (the approval ones: a director's)."""
    m = get_object_or_404(Mission.objects.for_office(request.office), pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid action."))
        return redirect(_detail_url(request, m.pk))
    data = form.cleaned_data
    try:
        done = services.mission_transition(
            mission=m,
            actor=request.membership,
            action=data["action"],
            reason=data["reason"],
            expected_version=data["version"],
        )
    except services.StaleVersion as exc:
        messages.error(request, exc.message)
    except NotAllowedNow as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The mission is now %(status)s.") % {"status": done.get_status_display()},
        )
    return redirect(_detail_url(request, m.pk))


@require_POST
@office_view(Role.OFFICER)
def document_add(request: OfficeRequest, pk: int) -> HttpResponse:
    m = get_object_or_404(Mission.objects.for_office(request.office), pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                mission=m,
                actor=request.membership,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except NotAllowedNow as exc:
            messages.error(request, exc.message)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The document was added."))
            return redirect(_detail_url(request, m.pk) + "#documents")
    m = selectors.mission_for_detail(office=request.office, pk=pk)
    return _render_detail(request, m, document_form=form, status=422)


@office_view(Role.OFFICER)
def document_delete(request: OfficeRequest, pk: int) -> HttpResponse:
    """Asks first (GET), removes on POST."""
    doc = get_for_office(MissionDocument, request.office, pk=pk)
    if request.method == "POST":
        services.document_delete(document=doc, actor=request.membership)
        messages.success(request, _("The document was removed."))
        return redirect(_detail_url(request, doc.mission_id) + "#documents")
    return render(request, "missions/document_delete.html", {"doc": doc, "m": doc.mission})


def _follow_ups(formset: Any) -> list[services.FollowUpIn]:
    out = []
    for form in formset.forms:
        if form.is_blank():
            continue
        data = form.cleaned_data
        out.append(
            services.FollowUpIn(
                partnership=data.get("partnership"),
                title=data.get("title") or "",
                due_on=data.get("due_on"),
                department=data.get("department"),
            )
        )
    return out


def _practices(formset: Any) -> list[tuple[str, str]]:
    rows = [getattr(f, "cleaned_data", {}) for f in formset.forms]
    return [
        (row.get("title") or "", row.get("description") or "")
        for row in rows
        if row.get("title") or row.get("description")
    ]


@office_view(Role.OFFICER)
def mission_report(request: OfficeRequest, pk: int) -> HttpResponse:
    office = request.office
    m = selectors.mission_for_detail(office=office, pk=pk)
    if m.status not in (MissionStatus.COMPLETED, MissionStatus.REPORTED):
        messages.error(request, _("A trip report is filed once the mission is completed."))
        return redirect(_detail_url(request, m.pk))
    parts = selectors.report_parts(m)
    form = ReportForm(request.POST or None, mission=m, initial=ReportForm.initial_from(m))
    practices = PracticeFormSet(
        request.POST or None,
        prefix="practices",
        initial=[{"title": p.title, "description": p.description} for p in parts["practices"]],
    )
    follow_ups = FollowUpFormSet(
        request.POST or None, prefix="follow", form_kwargs={"office": office}
    )
    if request.method == "POST" and all(f.is_valid() for f in (form, practices, follow_ups)):
        data = form.cleaned_data
        try:
            services.report_file(
                mission=m,
                actor=request.membership,
                report=services.ReportIn(
                    summary=data["summary"],
                    outcomes=form.outcomes(),
                    lessons=data["lessons"],
                    people_exchanged=data["people_exchanged"],
                    budget_actual=data["budget_actual"],
                    practices=_practices(practices),
                    follow_ups=_follow_ups(follow_ups),
                ),
            )
        except NotAllowedNow as exc:
            messages.error(request, exc.message)
            return redirect(_detail_url(request, m.pk))
        except ValidationError as exc:
            _report_errors(exc, form, practices, follow_ups)
        else:
            messages.success(request, _("The trip report was filed."))
            return redirect(_detail_url(request, m.pk) + "#report")
    context = {
        "m": m,
        "form": form,
        "practices": practices,
        "follow_ups": follow_ups,
        "made": parts["follow_ups"],
    }
    return render(request, "missions/report_form.html", context)


def _report_errors(exc: ValidationError, form: Any, practices: Any, follow_ups: Any) -> None:
    """The service names errors "follow_ups.0.title": each goes on its row's field."""
    rows = {"practices": practices, "follow_ups": follow_ups}
    for key, errors in exc.message_dict.items():
        head, _dot, rest = key.partition(".")
        if head in rows and rest:
            n, _dot, field = rest.partition(".")
            blank = [f for f in rows[head].forms if not _is_blank_row(f)]  # as sent
            if n.isdigit() and int(n) < len(blank):
                target = blank[int(n)]
                target.add_error(field if field in target.fields else None, errors)
                continue
        form.add_error(key if key in form.fields else None, errors)


def _is_blank_row(form: Any) -> bool:
    """A row left empty (not sent to the service)."""
    if hasattr(form, "is_blank"):
        return bool(form.is_blank())
    data = getattr(form, "cleaned_data", {})
    return not (data.get("title") or data.get("description"))
