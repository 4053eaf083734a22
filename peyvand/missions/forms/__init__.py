"""Forms of the missions app, one module per entity."""

from __future__ import annotations

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
    "DocumentForm",
    "FollowUpFormSet",
    "MissionForm",
    "ParticipantFormSet",
    "PracticeFormSet",
    "ReportForm",
    "TransitionForm",
]
