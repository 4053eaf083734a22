"""How the history of a practice reads (records.presenters), for its page and the 412
answers. Add the label of every action and field a service records here."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from peyvand.partnerships.models import CooperationArea
from peyvand.records.presenters import HistoryPresenter

from .models import CostBand, Stage, Transferability

ACTION_LABELS = {
    "created": gettext_lazy("Created"),
    "updated": gettext_lazy("Edited"),
    "advanced": gettext_lazy("Moved forward"),
    "moved_back": gettext_lazy("Moved back"),
    "rejected": gettext_lazy("Rejected"),
    "reopened": gettext_lazy("Reopened"),
    "adopted": gettext_lazy("Adopted"),
    "adoption_logged": gettext_lazy("Adoption recorded on its partnerships"),
    "document_added": gettext_lazy("Document added"),
    "document_removed": gettext_lazy("Document removed"),
    "published": gettext_lazy("Published on the portal"),
    "unpublished": gettext_lazy("Withdrawn from the portal"),
}
FIELD_LABELS = {
    "published": gettext_lazy("Published on the portal"),
    "stage": gettext_lazy("Stage"),
    "reason": gettext_lazy("Reason"),
    "observation": gettext_lazy("Observed in a trip report"),
    "title_fa": gettext_lazy("Title (Persian)"),
    "title_en": gettext_lazy("Title (English)"),
    "summary_fa": gettext_lazy("Summary (Persian)"),
    "summary_en": gettext_lazy("Summary (English)"),
    "body_fa": gettext_lazy("Description (Persian)"),
    "body_en": gettext_lazy("Description (English)"),
    "source_city": gettext_lazy("Source city"),
    "source_link": gettext_lazy("Source link"),
    "evidence": gettext_lazy("Evidence"),
    "cost_band": gettext_lazy("Cost"),
    "transferability": gettext_lazy("Transferability"),
    "sdgs": gettext_lazy("Sustainable Development Goals"),
    "tags": gettext_lazy("Tags"),
    "department": gettext_lazy("Owner department"),
    "notes": gettext_lazy("Notes"),
    "areas": gettext_lazy("Cooperation areas"),
    "partnerships": gettext_lazy("Partnerships"),
    "missions": gettext_lazy("Missions"),
    "contacts": gettext_lazy("Contacts"),
    "document": gettext_lazy("Document"),
}
CHOICE_FIELDS = {
    "stage": dict(Stage.choices),
    "cost_band": dict(CostBand.choices),
    "transferability": dict(Transferability.choices),
}


def _area_names() -> dict[str, str]:
    return {a.code: a.name for a in CooperationArea.objects.all()}


history_rows = HistoryPresenter(
    actions=ACTION_LABELS,
    fields=FIELD_LABELS,
    choices=CHOICE_FIELDS,
    lookups={"areas": _area_names},
)
