"""Writes for partnerships, one module per entity; every rule of the registry lives here.

Pages and the API call these functions (import them from this package). Every write takes
an `actor` (a membership, or `SYSTEM`), records history and refreshes the health score of
the pacts it touches in the same transaction. Reads live in `selectors`.
"""

from __future__ import annotations

from peyvand.records.history import StaleVersion

from .access import can_edit_activity, can_update_commitment, require_activity_editor
from .activities import (
    ACTIVITY_FIELDS,
    activity_delete,
    activity_log,
    activity_restore,
    activity_update,
)
from .agreements import (
    AGREEMENT_FIELDS,
    agreement_create,
    agreement_file_add,
    agreement_file_remove,
    agreement_update,
)
from .approvals import approval_add, approval_decide
from .commitments import commitment_create, commitment_update
from .health import (
    health_refresh,
    health_refresh_all,
    health_settings_update,
    portal_health_set,
)
from .outcomes import CENTS, OUTCOME_FIELDS, outcome_add, outcome_delete, outcome_update
from .partnerships import (
    ADOPT_STATUSES,
    PARTNERSHIP_FIELDS,
    not_ours_mark,
    not_ours_unmark,
    partnership_archive,
    partnership_create,
    partnership_create_proposed,
    partnership_delete,
    partnership_from_twinning,
    partnership_restore,
    partnership_set_status,
    partnership_update,
    twinning_partner,
)
from .publishing import activity_publish, outcome_publish, partnership_publish
from .reviews import (
    dormancy_review,
    dormancy_review_retire,
    dormancy_review_revive,
    review_refusal,
)

__all__ = [
    "ACTIVITY_FIELDS",
    "ADOPT_STATUSES",
    "AGREEMENT_FIELDS",
    "CENTS",
    "OUTCOME_FIELDS",
    "PARTNERSHIP_FIELDS",
    "StaleVersion",
    "activity_delete",
    "activity_log",
    "activity_publish",
    "activity_restore",
    "activity_update",
    "agreement_create",
    "agreement_file_add",
    "agreement_file_remove",
    "agreement_update",
    "approval_add",
    "approval_decide",
    "can_edit_activity",
    "can_update_commitment",
    "commitment_create",
    "commitment_update",
    "dormancy_review",
    "dormancy_review_retire",
    "dormancy_review_revive",
    "health_refresh",
    "health_refresh_all",
    "health_settings_update",
    "not_ours_mark",
    "not_ours_unmark",
    "outcome_add",
    "outcome_delete",
    "outcome_publish",
    "outcome_update",
    "partnership_archive",
    "partnership_create",
    "partnership_create_proposed",
    "partnership_delete",
    "partnership_from_twinning",
    "partnership_publish",
    "partnership_restore",
    "partnership_set_status",
    "partnership_update",
    "portal_health_set",
    "require_activity_editor",
    "review_refusal",
    "twinning_partner",
]
