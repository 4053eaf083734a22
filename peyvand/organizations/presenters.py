"""How the organisations app reads to people: its history entries (records.presenters)
and its alerts in the office-wide list (accounts.alerts). Add the label of every action and
field a service records here."""

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

from .models import MembershipStatus, ObligationKind, OrganizationKind, SeatKind
from .selectors import FeeState, MembershipAlert, membership_alerts

ACTION_LABELS = {
    "created": gettext_lazy("Created"),
    "updated": gettext_lazy("Edited"),
    "role_added": gettext_lazy("Seat or role added"),
    "role_updated": gettext_lazy("Seat or role edited"),
    "role_deleted": gettext_lazy("Seat or role deleted"),
    "obligation_added": gettext_lazy("Obligation added"),
    "obligation_updated": gettext_lazy("Obligation edited"),
    "obligation_done": gettext_lazy("Obligation done"),
    "obligation_deleted": gettext_lazy("Obligation deleted"),
}
FIELD_LABELS = {
    # organisations
    "name_fa": gettext_lazy("Name (Persian)"),
    "name_en": gettext_lazy("Name (English)"),
    "acronym": gettext_lazy("Acronym"),
    "kind": gettext_lazy("Kind"),
    "website": gettext_lazy("Website"),
    "headquarters": gettext_lazy("Headquarters"),
    "areas": gettext_lazy("Cooperation areas"),
    # memberships
    "organization": gettext_lazy("Organisation"),
    "status": gettext_lazy("Status"),
    "since": gettext_lazy("Member since"),
    "annual_fee": gettext_lazy("Annual fee"),
    "fee_currency": gettext_lazy("Currency"),
    "fee_due_on": gettext_lazy("Fee due on"),
    "fee_paid_on": gettext_lazy("Fee paid on"),
    "focal_person": gettext_lazy("Focal person"),
    "notes": gettext_lazy("Notes"),
    # seats and obligations
    "role": gettext_lazy("Seat or role"),
    "title": gettext_lazy("Title"),
    "term_start": gettext_lazy("Term starts"),
    "term_end": gettext_lazy("Term ends"),
    "obligation": gettext_lazy("Obligation"),
    "due_on": gettext_lazy("Due date"),
    "done_on": gettext_lazy("Done on"),
}
CHOICE_FIELDS = {
    "status": dict(MembershipStatus.choices),
    "kind": dict(OrganizationKind.choices),
}
# The choices of an entry about a part of a membership (by the entry's action prefix).
PART_CHOICE_FIELDS = {
    "role": {"kind": dict(SeatKind.choices)},
    "obligation": {"kind": dict(ObligationKind.choices)},
}
FEE_STATE_BADGES: dict[str, str] = {
    FeeState.NONE: "badge--muted",
    FeeState.DUE: "badge--warn",
    FeeState.PAID: "badge--ok",
    FeeState.OVERDUE: "badge--danger",
}


def _area_names() -> dict[str, str]:
    return {a.code: a.name for a in CooperationArea.objects.all()}


history_rows = HistoryPresenter(
    actions=ACTION_LABELS,
    fields=FIELD_LABELS,
    choices=CHOICE_FIELDS,
    part_choices=PART_CHOICE_FIELDS,
    lookups={"areas": _area_names},
)


def alert_message(alert: MembershipAlert) -> str:
    """The alert as one sentence naming the organisation, in the active language."""
    values = {
        "org": alert.organization_name,
        "date": format_date(alert.day),
        "title": alert.title,
    }
    if alert.kind == "fee_due":
        return _("The %(org)s membership fee is due on %(date)s.") % values
    if alert.kind == "fee_overdue":
        return _("The %(org)s membership fee was due on %(date)s and is not paid yet.") % values
    if alert.kind == "obligation_due":
        return _("“%(title)s” for %(org)s is due on %(date)s.") % values
    return _("“%(title)s” for %(org)s was due on %(date)s and is not done yet.") % values


def office_alerts(office: Office, today: dt.date) -> list[OfficeAlert]:
    """The memberships' alerts for the office-wide list (accounts.alerts), in its shape."""
    return [
        OfficeAlert(
            kind=a.kind,
            message=alert_message(a),
            due_date=a.day,
            url=reverse(
                "organizations:membership_detail",
                kwargs={"office_slug": office.slug, "pk": a.membership_id},
            ),
            module="organizations",
            urgent=a.urgent,
        )
        for a in membership_alerts(office=office, today=today)
    ]
