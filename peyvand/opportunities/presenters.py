"""How the history of a pitch, a call or an application reads (records.presenters), for
the pages and the 412 answers, and the module's alerts in the office-wide list. Add the
label of every action and field a service records here."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peyvand.accounts.alerts import OfficeAlert
from peyvand.accounts.models import Office
from peyvand.core.dates import format_date
from peyvand.partnerships.models import CooperationArea
from peyvand.records.presenters import HistoryPresenter

from . import selectors
from .models import ApplicationStatus, Instrument, PitchStage, PitchStatus

ACTION_LABELS = {
    "created": gettext_lazy("Created"),
    "updated": gettext_lazy("Edited"),
    "status": gettext_lazy("Status changed"),
    "document_added": gettext_lazy("Document added"),
    "document_removed": gettext_lazy("Document removed"),
    "party_added": gettext_lazy("Interested party added"),
    "party_updated": gettext_lazy("Interested party edited"),
    "party_removed": gettext_lazy("Interested party removed"),
    "follow_up_added": gettext_lazy("Follow-up added"),
    "follow_up_done": gettext_lazy("Follow-up done"),
    # The applications' workflow (services/transitions.py).
    "submit": gettext_lazy("Submitted"),
    "accept": gettext_lazy("Accepted"),
    "reject": gettext_lazy("Rejected"),
    "implement": gettext_lazy("Implementation started"),
    "complete": gettext_lazy("Completed"),
    "published": gettext_lazy("Published on the portal"),
    "unpublished": gettext_lazy("Withdrawn from the portal"),
}
FIELD_LABELS = {
    "published": gettext_lazy("Published on the portal"),
    "title_fa": gettext_lazy("Title (Persian)"),
    "title_en": gettext_lazy("Title (English)"),
    "description_fa": gettext_lazy("Description (Persian)"),
    "description_en": gettext_lazy("Description (English)"),
    "area": gettext_lazy("Cooperation area"),
    "location": gettext_lazy("Location"),
    "district": gettext_lazy("Municipal district"),
    "budget": gettext_lazy("Total budget"),
    "financing_sought": gettext_lazy("Financing sought"),
    "currency": gettext_lazy("Currency"),
    "instrument": gettext_lazy("Instrument"),
    "stage": gettext_lazy("Stage"),
    "status": gettext_lazy("Status"),
    "reason": gettext_lazy("Reason"),
    "document": gettext_lazy("Document"),
    "party": gettext_lazy("Interested party"),
    "note": gettext_lazy("Note"),
    "follow_up": gettext_lazy("Follow-up"),
    "date": gettext_lazy("Date"),
    # Calls and applications.
    "funder": gettext_lazy("Funder"),
    "deadline": gettext_lazy("Deadline"),
    "amount_min": gettext_lazy("Smallest amount"),
    "amount_max": gettext_lazy("Largest amount"),
    "areas": gettext_lazy("Eligible areas"),
    "link": gettext_lazy("Link"),
    "notes": gettext_lazy("Notes"),
    "call": gettext_lazy("Funding call"),
    "pitch": gettext_lazy("Pitch"),
    "amount_requested": gettext_lazy("Amount requested"),
    "amount_granted": gettext_lazy("Amount granted"),
    "partner_cities": gettext_lazy("Partner cities"),
    "partner_organizations": gettext_lazy("Partner organisations"),
}
# A pitch and an application both have a status: the values do not overlap.
CHOICE_FIELDS = {
    "status": {**dict(PitchStatus.choices), **dict(ApplicationStatus.choices)},
    "instrument": dict(Instrument.choices),
    "stage": dict(PitchStage.choices),
}


def _area_names() -> dict[str, str]:
    return {a.code: a.name for a in CooperationArea.objects.all()}


history_rows = HistoryPresenter(
    actions=ACTION_LABELS,
    fields=FIELD_LABELS,
    choices=CHOICE_FIELDS,
    lookups={"areas": _area_names},
)


def office_alerts(office: Office, today: dt.date) -> list[OfficeAlert]:
    """An application still in preparation: its call's deadline within 21 days, or
    passed (urgent)."""
    out = []
    for row in selectors.deadline_alerts(office=office, today=today):
        values = {"title": row.call_title, "day": format_date(row.deadline)}
        message = (
            _(
                "The deadline of the call “%(title)s” passed on %(day)s and the application "
                "is still in preparation."
            )
            if row.overdue
            else _(
                "The call “%(title)s” closes on %(day)s and the application is still in "
                "preparation."
            )
        ) % values
        out.append(
            OfficeAlert(
                kind="call_deadline_passed" if row.overdue else "call_deadline",
                message=message,
                due_date=row.deadline,
                url=reverse(
                    "opportunities:application_detail",
                    kwargs={"office_slug": office.slug, "pk": row.application_id},
                ),
                module="opportunities",
                urgent=row.overdue,
            )
        )
    return out
