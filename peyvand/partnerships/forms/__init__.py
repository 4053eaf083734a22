"""Input validation for the partnership pages (the rules themselves live in services).

One module per entity; import from this package."""

from __future__ import annotations

from .activities import ActivityEditForm, ActivityForm, OutcomeEditForm, OutcomeForm
from .agreements import AgreementEditForm, AgreementForm, FileForm
from .commitments import PLAN_FIELDS, CommitmentEditForm, CommitmentForm, CommitmentStatusForm
from .fields import AREAS_LABEL, ConfirmForm, MultipleFileField, MultipleFileInput, PartnerCityField
from .partnerships import (
    AdoptForm,
    ApprovalDecideForm,
    ApprovalForm,
    HealthSettingsForm,
    NotOursForm,
    PartnershipForm,
    PortalHealthForm,
    ReviewForm,
    StatusForm,
)

__all__ = [
    "AREAS_LABEL",
    "PLAN_FIELDS",
    "ActivityEditForm",
    "ActivityForm",
    "AdoptForm",
    "AgreementEditForm",
    "AgreementForm",
    "ApprovalDecideForm",
    "ApprovalForm",
    "CommitmentEditForm",
    "CommitmentForm",
    "CommitmentStatusForm",
    "ConfirmForm",
    "FileForm",
    "HealthSettingsForm",
    "MultipleFileField",
    "MultipleFileInput",
    "NotOursForm",
    "OutcomeEditForm",
    "OutcomeForm",
    "PartnerCityField",
    "PartnershipForm",
    "PortalHealthForm",
    "ReviewForm",
    "StatusForm",
]
