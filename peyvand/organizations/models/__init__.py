"""International city bodies (shared world data) and an office's memberships in them."""

from __future__ import annotations

from .memberships import (
    Membership,
    MembershipStatus,
    Obligation,
    ObligationKind,
    RoleHeld,
    SeatKind,
)
from .organizations import Organization, OrganizationKind

__all__ = [
    "Membership",
    "MembershipStatus",
    "Obligation",
    "ObligationKind",
    "Organization",
    "OrganizationKind",
    "RoleHeld",
    "SeatKind",
]
