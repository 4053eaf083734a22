"""Who does a write: a member of the office, or the system itself.

Every service takes an `actor`. Work that no person does (the demo data, the daily refresh,
an import) passes `SYSTEM`, explicitly, instead of leaving the actor out: it holds every
role and is recorded in the history with no user.
"""

from __future__ import annotations

from typing import Final

from .models import OfficeMembership


class SystemActor:
    user: Final = None
    department: Final = None
    department_id: Final = None
    role: Final = "system"

    def has_role(self, minimum: str) -> bool:
        return True

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM: Final = SystemActor()

Actor = OfficeMembership | SystemActor
