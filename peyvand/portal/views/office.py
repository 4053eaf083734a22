"""The office's side of the portal: the moderation queue of citizens' comments and the
inbox of messages about its pitches (officers and up)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from peyvand.accounts.access import OfficeRequest, office_page, office_view
from peyvand.accounts.models import Role
from peyvand.core.pagination import paginate
from peyvand.records.history import history_of

from .. import selectors, services
from ..forms import ModerateForm
from ..models import Feedback, FeedbackStatus, InboxMessage, MessageStatus
from ..presenters import history_rows

PER_PAGE = 25
ACTIONS = [
    ("approve", gettext_lazy("Approve")),
    ("reject", gettext_lazy("Reject")),
    ("spam", gettext_lazy("Spam")),
    ("answered", gettext_lazy("Mark as answered")),
]


@office_view(Role.OFFICER)
@office_page
def queue(request: OfficeRequest) -> HttpResponse:
    office = request.office
    status = request.GET.get("status", FeedbackStatus.PENDING)
    if status not in FeedbackStatus.values:
        status = FeedbackStatus.PENDING
    page = paginate(request, selectors.moderation_queue(office, status), per_page=PER_PAGE)
    context = {
        "status": status,
        "statuses": FeedbackStatus.choices,
        "counts": selectors.queue_counts(office),
        "page_obj": page,
        "items": list(page.object_list),
        "querystring": f"status={status}",
        "inbox_new": selectors.inbox_new_count(office),
        "actions": ACTIONS,
    }
    return render(request, "portal/office/queue.html", context)


@require_POST
@office_view(Role.OFFICER)
def moderate(request: OfficeRequest, pk: int) -> HttpResponse:
    feedback = get_object_or_404(Feedback.objects.for_office(request.office), pk=pk)
    form = ModerateForm(request.POST)
    back = request.POST.get("status", FeedbackStatus.PENDING)
    if back not in FeedbackStatus.values:
        back = FeedbackStatus.PENDING
    if not form.is_valid():
        messages.error(request, _("Choose a valid moderation action."))
    else:
        try:
            services.feedback_moderate(
                feedback=feedback,
                actor=request.membership,
                action=form.cleaned_data["action"],
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleVersion as exc:
            context = {
                "message": exc.message,
                "history": history_rows(exc.events),
                "back": f"{request.path.rsplit('/feedback/', 1)[0]}/?status={back}",
            }
            return render(request, "records/publish_stale.html", context, status=409)
        messages.success(request, _("The comment was moderated."))
    response = redirect("portal_office:queue", office_slug=request.office.slug)
    response["Location"] += f"?status={back}"
    return response


@office_view(Role.OFFICER)
@office_page
def feedback_history(request: OfficeRequest, pk: int) -> HttpResponse:
    feedback = get_object_or_404(
        Feedback.objects.for_office(request.office).select_related(
            "partnership__partner_city", "practice", "pitch"
        ),
        pk=pk,
    )
    rows = history_rows(list(history_of(feedback)[:50]))
    return render(request, "portal/office/feedback.html", {"item": feedback, "history": rows})


@office_view(Role.OFFICER)
@office_page
def inbox(request: OfficeRequest) -> HttpResponse:
    office = request.office
    status = request.GET.get("status", MessageStatus.NEW)
    if status not in MessageStatus.values:
        status = MessageStatus.NEW
    page = paginate(request, selectors.inbox(office, status), per_page=PER_PAGE)
    context = {
        "status": status,
        "statuses": MessageStatus.choices,
        "page_obj": page,
        "items": list(page.object_list),
        "querystring": f"status={status}",
    }
    return render(request, "portal/office/inbox.html", context)


@require_POST
@office_view(Role.OFFICER)
def message_handled(request: OfficeRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(InboxMessage.objects.for_office(request.office), pk=pk)
    handled = request.POST.get("handled", "1") == "1"
    services.message_handle(message=message, actor=request.membership, handled=handled)
    messages.success(request, _("The message was marked."))
    return redirect("portal_office:inbox", office_slug=request.office.slug)
