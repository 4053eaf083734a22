"""How the history of a mission, a contact or an event reads (records.presenters), for the
pages and the 412 answers, and the module's alerts in the office-wide list. Add the label
of every action and field a service records here."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peyvand.accounts.alerts import OfficeAlert
from peyvand.accounts.models import Office
from peyvand.partnerships.models import CooperationArea
from peyvand.records.presenters import HistoryPresenter

from .models import ContactKind, Direction, EventKind, MissionStatus

ACTION_LABELS = {
    "created": gettext_lazy("Created"),
    "updated": gettext_lazy("Edited"),
    # Missions (services/missions.py, transitions.py, reports.py).
    "submit": gettext_lazy("Submitted for approval"),
    "approve": gettext_lazy("Approved"),
    "reject": gettext_lazy("Rejected"),
    "complete": gettext_lazy("Completed"),
    "cancel": gettext_lazy("Cancelled"),
    "reported": gettext_lazy("Trip report filed"),
    "report_corrected": gettext_lazy("Trip report corrected"),
    "document_added": gettext_lazy("Document added"),
    "document_removed": gettext_lazy("Document removed"),
    # Contacts and events (services/contacts.py, services/events.py).
    "merged": gettext_lazy("Merged with another contact"),
    "event_created": gettext_lazy("Event created"),
    "event_updated": gettext_lazy("Event edited"),
    "event_deleted": gettext_lazy("Event deleted"),
    # The public portal (services/publishing.py).
    "published": gettext_lazy("Published on the portal"),
    "unpublished": gettext_lazy("Withdrawn from the portal"),
    "event_published": gettext_lazy("Event published on the portal"),
    "event_unpublished": gettext_lazy("Event withdrawn from the portal"),
}
FIELD_LABELS = {
    "published": gettext_lazy("Published on the portal"),
    "public_summary_fa": gettext_lazy("Public summary (Persian)"),
    "public_summary_en": gettext_lazy("Public summary (English)"),
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
    # Contacts and events.
    "name_fa": gettext_lazy("Name (Persian)"),
    "name_en": gettext_lazy("Name (English)"),
    "title": gettext_lazy("Title"),
    "city": gettext_lazy("City"),
    "organization": gettext_lazy("Organisation"),
    "email": gettext_lazy("Email"),
    "phone": gettext_lazy("Phone"),
    "languages": gettext_lazy("Languages"),
    "tags": gettext_lazy("Tags"),
    "notes": gettext_lazy("Notes"),
    "merged_contact": gettext_lazy("Merged contact"),
    "organizer_organization": gettext_lazy("Organiser (organisation)"),
    "organizer_city": gettext_lazy("Organiser (city)"),
    "host_city": gettext_lazy("Host city"),
    "starts_on": gettext_lazy("Starts on"),
    "ends_on": gettext_lazy("Ends on"),
    "areas": gettext_lazy("Cooperation areas"),
    "website": gettext_lazy("Website"),
    "description": gettext_lazy("Description"),
}
CHOICE_FIELDS = {
    "status": dict(MissionStatus.choices),
    "direction": dict(Direction.choices),
    "kind": dict(ContactKind.choices),
}
# An event's entries ("event_updated") read its kind from the events' choices.
PART_CHOICES = {"event": {"kind": dict(EventKind.choices)}}


def _area_names() -> dict[str, str]:
    return {a.code: a.name for a in CooperationArea.objects.all()}


history_rows = HistoryPresenter(
    actions=ACTION_LABELS,
    fields=FIELD_LABELS,
    choices=CHOICE_FIELDS,
    part_choices=PART_CHOICES,
    lookups={"areas": _area_names},
)


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
