"""How the history of a mission or a contact reads (records.presenters), for the pages and
the 412 answers, and the module's alerts in the office-wide list. Add the label of every
action and field a service records here."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peyvand.accounts.alerts import OfficeAlert
from peyvand.accounts.models import Office
from peyvand.records.presenters import HistoryPresenter

from .models import ContactKind, Direction, MissionStatus

ACTION_LABELS = {
    "created": gettext_lazy("Created"),
    "updated": gettext_lazy("Edited"),
    "submit": gettext_lazy("Submitted for approval"),
    "approve": gettext_lazy("Approved"),
    "reject": gettext_lazy("Rejected"),
    "complete": gettext_lazy("Completed"),
    "cancel": gettext_lazy("Cancelled"),
    "reported": gettext_lazy("Trip report filed"),
    "report_corrected": gettext_lazy("Trip report corrected"),
    "document_added": gettext_lazy("Document added"),
    "document_removed": gettext_lazy("Document removed"),
}
FIELD_LABELS = {
    "status": gettext_lazy("Status"),
    "direction": gettext_lazy("Direction"),
    "kind": gettext_lazy("Kind"),
    "reason": gettext_lazy("Reason"),
    "title_fa": gettext_lazy("Title (Persian)"),
    "title_en": gettext_lazy("Title (English)"),
    "purpose": gettext_lazy("Purpose"),
    "start_date": gettext_lazy("Start date"),
    "end_date": gettext_lazy("End date"),
    "budget_planned": gettext_lazy("Planned budget"),
    "budget_actual": gettext_lazy("Actual spend"),
    "budget_currency": gettext_lazy("Currency"),
    "event": gettext_lazy("Event"),
    "cities": gettext_lazy("Cities"),
    "partnerships": gettext_lazy("Partnerships"),
    "objectives": gettext_lazy("Objectives"),
    "participants": gettext_lazy("Participants"),
    "document": gettext_lazy("Document"),
}
CHOICE_FIELDS = {
    "status": dict(MissionStatus.choices),
    "direction": dict(Direction.choices),
    "kind": dict(ContactKind.choices),
}

history_rows = HistoryPresenter(actions=ACTION_LABELS, fields=FIELD_LABELS, choices=CHOICE_FIELDS)


def office_alerts(office: Office, today: dt.date) -> list[OfficeAlert]:
    """A completed mission's report: due within 30 days of its end, overdue after."""
    from . import selectors

    out = []
    for m in selectors.reports_due(office=office):
        due = selectors.report_due_on(m)
        overdue = today > due
        message = (
            _("The trip report of the mission “%(title)s” is overdue.")
            if overdue
            else _("The trip report of the mission “%(title)s” is due.")
        ) % {"title": m.title}
        out.append(
            OfficeAlert(
                kind="mission_unreported" if overdue else "mission_report_due",
                message=message,
                due_date=due,
                url=reverse("missions:detail", kwargs={"office_slug": office.slug, "pk": m.pk}),
                module="missions",
                urgent=overdue,
            )
        )
    return out
