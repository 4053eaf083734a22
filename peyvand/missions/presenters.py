"""How the history of a mission or a contact reads (records.presenters), for the pages and
the 412 answers. Add the label of every action and field a service records here."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from peyvand.partnerships.models import CooperationArea
from peyvand.records.presenters import HistoryPresenter

from .models import ContactKind, Direction, EventKind, MissionStatus

ACTION_LABELS = {
    "created": _("Created"),
    "updated": _("Edited"),
    # Contacts and events (services/contacts.py, services/events.py).
    "merged": _("Merged with another contact"),
    "event_created": _("Event created"),
    "event_updated": _("Event edited"),
    "event_deleted": _("Event deleted"),
}
FIELD_LABELS = {
    "status": _("Status"),
    "direction": _("Direction"),
    "kind": _("Kind"),
    "reason": _("Reason"),
    # Contacts and events.
    "name_fa": _("Name (Persian)"),
    "name_en": _("Name (English)"),
    "title": _("Title"),
    "city": _("City"),
    "organization": _("Organisation"),
    "email": _("Email"),
    "phone": _("Phone"),
    "languages": _("Languages"),
    "tags": _("Tags"),
    "notes": _("Notes"),
    "partnerships": _("Partnerships"),
    "merged_contact": _("Merged contact"),
    "title_fa": _("Title (Persian)"),
    "title_en": _("Title (English)"),
    "organizer_organization": _("Organiser (organisation)"),
    "organizer_city": _("Organiser (city)"),
    "host_city": _("Host city"),
    "starts_on": _("Starts on"),
    "ends_on": _("Ends on"),
    "areas": _("Cooperation areas"),
    "website": _("Website"),
    "description": _("Description"),
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
