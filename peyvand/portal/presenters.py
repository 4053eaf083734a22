"""How a comment's moderation history reads."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from peyvand.records.presenters import HistoryPresenter

from .models import FeedbackStatus

ACTION_LABELS = {
    "approve": gettext_lazy("Approved for publication"),
    "reject": gettext_lazy("Rejected"),
    "spam": gettext_lazy("Marked as spam"),
    "answered": gettext_lazy("Answered"),
}
FIELD_LABELS = {
    "status": gettext_lazy("Status"),
    "answered": gettext_lazy("Answered"),
    "email_erased": gettext_lazy("Reply email erased"),
}
CHOICE_FIELDS = {"status": dict(FeedbackStatus.choices)}

history_rows = HistoryPresenter(actions=ACTION_LABELS, fields=FIELD_LABELS, choices=CHOICE_FIELDS)
