"""How the history of a mission or a contact reads (records.presenters), for the pages and
the 412 answers. Add the label of every action and field a service records here."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from peyvand.records.presenters import HistoryPresenter

from .models import ContactKind, Direction, MissionStatus

ACTION_LABELS = {
    "created": _("Created"),
    "updated": _("Edited"),
}
FIELD_LABELS = {
    "status": _("Status"),
    "direction": _("Direction"),
    "kind": _("Kind"),
    "reason": _("Reason"),
}
CHOICE_FIELDS = {
    "status": dict(MissionStatus.choices),
    "direction": dict(Direction.choices),
    "kind": dict(ContactKind.choices),
}

history_rows = HistoryPresenter(actions=ACTION_LABELS, fields=FIELD_LABELS, choices=CHOICE_FIELDS)
