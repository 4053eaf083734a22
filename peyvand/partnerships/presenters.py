"""Labels for what the pages show: health components, history entries, alerts."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from peyvand.core.dates import format_date
from peyvand.records.models import Event

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


def _choices_for(action: str) -> dict[str, dict[str, Any]]:
    part = action.split("_", 1)[0]
    return PART_CHOICE_FIELDS.get(part, CHOICE_FIELDS) if "_" in action else CHOICE_FIELDS


def _label(value: dict[str, Any]) -> str:
    """A recorded record's label in the reader's language, else the other, else as recorded."""
    first, second = ("fa", "en") if (get_language() or "fa").startswith("fa") else ("en", "fa")
    return str(
        value.get(f"label_{first}") or value.get(f"label_{second}") or value.get("label", "")
    )


def _value(
    value: Any,
    field: str = "",
    choices: dict[str, dict[str, Any]] | None = None,
    area_names: dict[str, str] | None = None,
) -> str:
    choices = CHOICE_FIELDS if choices is None else choices
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return _label(value)
    if field in choices and isinstance(value, str):
        return str(choices[field].get(value, value))
    if isinstance(value, list):
        if field == "areas" and area_names is not None:
            value = [area_names.get(str(v), v) for v in value]
        items = [_value(v) if isinstance(v, dict) else str(v) for v in value]
        return ("، " if get_language() == "fa" else ", ").join(items) or "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        import datetime as dt

        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _area_names(events: list[Event]) -> dict[str, str] | None:
    if not any("areas" in (e.changes or {}) for e in events):
        return None
    return {a.code: a.name for a in CooperationArea.objects.all()}


def _lang(field: str) -> dict[str, str]:
    """A `*_fa` / `*_en` field's values are in that language, whatever the page's."""
    if field.endswith("_fa"):
        return {"lang": "fa", "dir": "rtl"}
    if field.endswith("_en"):
        return {"lang": "en", "dir": "ltr"}
    return {}


def history_rows(events: list[Event]) -> list[dict[str, Any]]:
    rows = []
    area_names = _area_names(events)
    for event in events:
        changes = []
        shown = partial(_value, choices=_choices_for(event.action), area_names=area_names)
        for field, change in (event.changes or {}).items():
            label = FIELD_LABELS.get(field, field)
            if isinstance(change, list) and len(change) == 2:
                if change[0] is None and change[1] in ("", [], None, False):
                    continue  # an empty field of a new record says nothing
                old = None if change[0] is None else shown(change[0], field)
                changes.append(
                    {"field": label, "old": old, "new": shown(change[1], field), **_lang(field)}
                )
            else:
                changes.append({"field": label, "old": None, "new": shown(change, field)})
        rows.append(
            {
                "event": event,
                "action": ACTION_LABELS.get(event.action, event.action),
                "changes": changes,
            }
        )
    return rows


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
