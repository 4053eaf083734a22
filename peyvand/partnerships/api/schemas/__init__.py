"""The shapes of the partnerships API: what it answers and what it accepts, by entity
(`pacts`, `activities`, `documents`).

Every schema an operation takes or answers carries an example (`model_config`'s
`json_schema_extra`), shown by the docs and checked against the schema by
`peyvand/api/tests/test_openapi_examples.py`; what a client sends derives from `InSchema`
(a field the operation does not take is refused).
"""

from __future__ import annotations

from .activities import (
    ACTIVITY_EXAMPLE,
    OUTCOME_EXAMPLE,
    ActivityIn,
    ActivityOut,
    ActivityPage,
    ActivityPatch,
    OutcomeIn,
    OutcomeIO,
    OutcomeOut,
    OutcomePage,
    OutcomePatch,
)
from .documents import (
    AGREEMENT_EXAMPLE,
    APPROVAL_EXAMPLE,
    FILE_EXAMPLE,
    AgreementFileOut,
    AgreementIn,
    AgreementOut,
    AgreementPatch,
    ApprovalIn,
    ApprovalOut,
    DecisionIn,
)
from .pacts import (
    COMMITMENT_EXAMPLE,
    PARTNERSHIP_EXAMPLE,
    PARTNERSHIP_ORDER,
    CommitmentIn,
    CommitmentOut,
    CommitmentPage,
    CommitmentPatch,
    PartnershipFilters,
    PartnershipIn,
    PartnershipOut,
    PartnershipPage,
    PartnershipPatch,
)

__all__ = [
    "ACTIVITY_EXAMPLE",
    "AGREEMENT_EXAMPLE",
    "APPROVAL_EXAMPLE",
    "COMMITMENT_EXAMPLE",
    "FILE_EXAMPLE",
    "OUTCOME_EXAMPLE",
    "PARTNERSHIP_EXAMPLE",
    "PARTNERSHIP_ORDER",
    "ActivityIn",
    "ActivityOut",
    "ActivityPage",
    "ActivityPatch",
    "AgreementFileOut",
    "AgreementIn",
    "AgreementOut",
    "AgreementPatch",
    "ApprovalIn",
    "ApprovalOut",
    "CommitmentIn",
    "CommitmentOut",
    "CommitmentPage",
    "CommitmentPatch",
    "DecisionIn",
    "OutcomeIO",
    "OutcomeIn",
    "OutcomeOut",
    "OutcomePage",
    "OutcomePatch",
    "PartnershipFilters",
    "PartnershipIn",
    "PartnershipOut",
    "PartnershipPage",
    "PartnershipPatch",
]
