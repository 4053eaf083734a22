"""Labels for what the pages show: health components, history entries, alerts."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from peyvand.records.presenters import HistoryPresenter

from .models import (
    ActivityKind,
    ApprovalStatus,
    CommitmentStatus,
    CooperationArea,
    InitiatedBy,
    OutcomeKind,
    PartnershipKind,
    PartnershipStatus,
)

COMPONENT_LABELS = {
    "recency": _("Recency"),
    "frequency": _("Frequency"),
    "delivery": _("Delivery"),
    "reciprocity": _("Reciprocity"),
    "breadth": _("Breadth"),
    "outcomes": _("Outcomes"),
}
COMPONENT_HELP = {
    "recency": _("Time since the last substantive activity (halves every 180 days)."),
    "frequency": _("Substantive activities in the last 24 months (8 or more is full)."),
    "delivery": _("Commitments done on or before their due date, of those due."),
    "reciprocity": _("Share of activities initiated by the partner or jointly."),
    "breadth": _("Distinct cooperation areas in the last 24 months (4 or more is full)."),
    "outcomes": _("Outcomes recorded in the last 24 months (3 or more is full)."),
}
ACTION_LABELS = {
    "created": _("Created"),
    "updated": _("Edited"),
    "status": _("Status changed"),
    "archived": _("Archived"),
    "restored": _("Restored from the archive"),
    "approval_added": _("Approval required"),
    "approval_decided": _("Approval decided"),
    "agreement_added": _("Agreement added"),
    "agreement_updated": _("Agreement edited"),
    "agreement_file_added": _("Agreement file added"),
    "agreement_file_removed": _("Agreement file removed"),
    "commitment_added": _("Commitment added"),
    "commitment_updated": _("Commitment updated"),
    "activity_logged": _("Activity logged"),
    "activity_updated": _("Activity edited"),
    "activity_deleted": _("Activity deleted"),
    "outcome_added": _("Outcome recorded"),
    "outcome_updated": _("Outcome edited"),
    "outcome_removed": _("Outcome removed"),
    "review_revive": _("Dormancy review: revive"),
    "review_retire": _("Dormancy review: retire"),
    "published": _("Published on the portal"),
    "unpublished": _("Withdrawn from the portal"),
    "activity_published": _("Activity published on the portal"),
    "activity_unpublished": _("Activity withdrawn from the portal"),
    "outcome_published": _("Outcome published on the portal"),
    "outcome_unpublished": _("Outcome withdrawn from the portal"),
}
FIELD_LABELS = {
    "partner_city": _("Partner city"),
    "kind": _("Kind"),
    "status": _("Status"),
    "end_reason": _("Reason for ending"),
    "signed_on": _("Signed on"),
    "valid_until": _("Valid until"),
    "summary_fa": _("Summary (Persian)"),
    "summary_en": _("Summary (English)"),
    "responsible": _("Responsible officer"),
    "is_public": _("Public"),
    "published": _("Published on the portal"),
    "areas": _("Cooperation areas"),
    "archived": _("Archived"),
    "commitment": _("Commitment"),
    "activity": _("Activity"),
    "outcome": _("Outcome"),
    "agreement": _("Agreement"),
    "approval": _("Approval"),
    "date": _("Date"),
    "done_on": _("Done on"),
    "due_on": _("Due date"),
    "title": _("Title"),
    "deadline": _("Deadline"),
    "commitments": _("Commitments"),
    "area": _("Area"),
    "department": _("Owner department"),
    "drop_reason": _("Reason for dropping"),
    "evidence_note": _("Evidence"),
    "evidence_link": _("Evidence link"),
    "evidence_file": _("Evidence file"),
    "initiated_by": _("Initiated by"),
    "description": _("Description"),
    "participants": _("Participants"),
    "partnerships": _("Partnerships"),
    "outcomes": _("Outcomes"),
    "value": _("Value"),
    "unit": _("Unit"),
    "note": _("Note"),
    "languages": _("Languages"),
    "signatories": _("Signatories"),
    "file": _("File"),
    "files": _("Files"),
}
ALERT_LABELS = {
    "turning_dormant": _("Will turn dormant at its current pace"),
    "pact_expiring": _("Partnership expires"),
    "agreement_expiring": _("Agreement expires"),
    "overdue": _("Commitment overdue"),
    "anniversary": _("Anniversary of signing"),
}


def components_rows(components: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for name, label in COMPONENT_LABELS.items():
        c = components.get(name) or {}
        value = c.get("value")
        rows.append(
            {
                "name": name,
                "label": label,
                "help": COMPONENT_HELP[name],
                "percent": None if value is None else round(float(value) * 100),
                "weight": c.get("weight", 0),
                "points": c.get("points", 0),
                "count": c.get("count"),
                "days": c.get("days"),
                "due": c.get("due"),
                "on_time": c.get("on_time"),
            }
        )
    return rows


CHOICE_FIELDS = {
    "kind": dict(PartnershipKind.choices),
    "status": dict(PartnershipStatus.choices),
}
# The choices of an entry about a part of the pact (by the entry's action prefix).
PART_CHOICE_FIELDS = {
    "commitment": {"status": dict(CommitmentStatus.choices)},
    "activity": {"kind": dict(ActivityKind.choices), "initiated_by": dict(InitiatedBy.choices)},
    "outcome": {"kind": dict(OutcomeKind.choices)},
    "approval": {"status": dict(ApprovalStatus.choices)},
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


def office_alerts(office: Any, today: Any) -> list[Any]:
    """The pacts' alerts for the office-wide list (accounts.alerts), in its shape."""
    from django.urls import reverse

    from peyvand.accounts.alerts import OfficeAlert

    from .selectors import alerts

    out = []
    for a in alerts(office=office, today=today):
        name = a.partnership.partner_city.name
        message = f"{ALERT_LABELS[a.kind]}: {name}" + (f" — {a.subject}" if a.subject else "")
        out.append(
            OfficeAlert(
                kind=a.kind,
                message=message,
                due_date=a.day,
                url=reverse(
                    "partnerships:detail",
                    kwargs={"office_slug": office.slug, "pk": a.partnership.pk},
                ),
                module="partnerships",
                urgent=a.kind in ("overdue", "turning_dormant"),
            )
        )
    return out
