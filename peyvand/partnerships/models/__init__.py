"""An office's partnerships, agreements, commitments, activities and their health.

One module per part of the domain; import from this package (migrations name
`peyvand.partnerships.models.private_upload_to`, kept here).
"""

from __future__ import annotations

from .documents import Agreement, AgreementFile, Approval, ApprovalBody, ApprovalStatus
from .partnerships import (
    IN_FORCE,
    CooperationArea,
    DormancyReview,
    HealthLabel,
    HealthSettings,
    NotOurs,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
    ReviewDecision,
)
from .plans import (
    INITIATED_PHRASES,
    Activity,
    ActivityKind,
    Commitment,
    CommitmentStatus,
    InitiatedBy,
    Outcome,
    OutcomeKind,
)
from .storage import private_upload_to

__all__ = [
    "INITIATED_PHRASES",
    "IN_FORCE",
    "Activity",
    "ActivityKind",
    "Agreement",
    "AgreementFile",
    "Approval",
    "ApprovalBody",
    "ApprovalStatus",
    "Commitment",
    "CommitmentStatus",
    "CooperationArea",
    "DormancyReview",
    "HealthLabel",
    "HealthSettings",
    "InitiatedBy",
    "NotOurs",
    "Outcome",
    "OutcomeKind",
    "Partnership",
    "PartnershipKind",
    "PartnershipStatus",
    "ReviewDecision",
    "private_upload_to",
]
