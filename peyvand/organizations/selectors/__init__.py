"""Reads of the organisations app (querysets and plain values); they never write."""

from __future__ import annotations

from .alerts import (
    FEE_HORIZON_DAYS,
    OBLIGATION_HORIZON_DAYS,
    MembershipAlert,
    membership_alerts,
)
from .fees import FeeState, fee_state, fee_state_filter
from .memberships import (
    MEMBERSHIP_SORTS,
    focal_candidates,
    membership_for_detail,
    membership_history,
    membership_in,
    membership_list,
)
from .organizations import (
    ORGANIZATION_SORTS,
    headquarters_countries,
    organization_for_detail,
    organization_history,
    organization_list,
)

__all__ = [
    "FEE_HORIZON_DAYS",
    "MEMBERSHIP_SORTS",
    "OBLIGATION_HORIZON_DAYS",
    "ORGANIZATION_SORTS",
    "FeeState",
    "MembershipAlert",
    "fee_state",
    "fee_state_filter",
    "focal_candidates",
    "headquarters_countries",
    "membership_alerts",
    "membership_for_detail",
    "membership_history",
    "membership_in",
    "membership_list",
    "organization_for_detail",
    "organization_history",
    "organization_list",
]
