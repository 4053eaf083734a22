"""Input parsing for the missions app's pages (the rules themselves live in services).

One module per entity; import from this package."""

from __future__ import annotations

from .contacts import ContactForm, MergeForm, city_field, organization_field, split_list
from .events import EventForm
from .missions import (
    DocumentForm,
    FollowUpFormSet,
    MissionForm,
    ParticipantFormSet,
    PracticeFormSet,
    ReportForm,
    TransitionForm,
)

__all__ = [
    "ContactForm",
    "DocumentForm",
    "EventForm",
    "FollowUpFormSet",
    "MergeForm",
    "MissionForm",
    "ParticipantFormSet",
    "PracticeFormSet",
    "ReportForm",
    "TransitionForm",
    "city_field",
    "organization_field",
    "split_list",
]
