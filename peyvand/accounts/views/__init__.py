"""Login, a member's own account, and the director's member management."""

from __future__ import annotations

from .account import (
    account,
    backup_codes,
    home,
    invitation,
    invitation_accept,
    invitation_decline,
    two_factor_disable,
    two_factor_setup,
)
from .login import LoginView, locked_out, login_code
from .members import (
    department_add,
    invitation_withdraw,
    member_edit,
    member_remove,
    members,
    office_security,
)

__all__ = [
    "LoginView",
    "account",
    "backup_codes",
    "department_add",
    "home",
    "invitation",
    "invitation_accept",
    "invitation_decline",
    "invitation_withdraw",
    "locked_out",
    "login_code",
    "member_edit",
    "member_remove",
    "members",
    "office_security",
    "two_factor_disable",
    "two_factor_setup",
]
