from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def office(request: HttpRequest) -> dict[str, Any]:
    """The current office and the user's other offices, for the office menu.

    `nav_office` and `nav_membership` are the office the menu shows: the page's own, or on
    a page outside any office (the world atlas) the office the user last worked in, so the
    menu does not vanish on the way from a pact to its partner city. Only the menu reads
    them; `office` stays what the page is about."""
    context: dict[str, Any] = {
        "office": getattr(request, "office", None),
        "membership": getattr(request, "membership", None),
    }
    context["nav_office"], context["nav_membership"] = context["office"], context["membership"]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from .access import LAST_OFFICE
        from .selectors import memberships_of

        memberships = memberships_of(user=user)  # evaluated once, if a page reads it
        context["my_memberships"] = memberships
        last = request.session.get(LAST_OFFICE) if hasattr(request, "session") else None
        if context["nav_office"] is None and last:
            for membership in memberships:
                if membership.office.slug == last:
                    context["nav_office"], context["nav_membership"] = membership.office, membership
    return context
