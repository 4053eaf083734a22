from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def office(request: HttpRequest) -> dict[str, Any]:
    """The current office and the user's other offices, for the office menu."""
    context: dict[str, Any] = {
        "office": getattr(request, "office", None),
        "membership": getattr(request, "membership", None),
    }
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from .selectors import memberships_of

        context["my_memberships"] = memberships_of(user=user)
    return context
