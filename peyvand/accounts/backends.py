"""Login throttling: django-axes' check before Django's own password check (decision 0018)."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest


class LockoutBackend(AxesStandaloneBackend, ModelBackend):  # type: ignore[misc]
    """Refuses a login while its username and address are locked out; it never signs
    anyone in itself (the next backend checks the password), but as the first backend it
    also finds the user of a session (`get_user`, Django's own).

    Every login a person makes passes through a request (the login page); `authenticate`
    called without one (a test client's `login()`, a shell) is not a person guessing and is
    left to the next backend instead of failing."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        super().authenticate(request, username=username, password=password, **kwargs)
        return None


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The username an attempt is counted under: as typed, less surrounding spaces and
    case, so that `Sara` and `sara ` count as one (the answer does not depend on whether
    the account exists)."""
    raw = (credentials or {}).get("username")
    if raw is None:
        raw = request.POST.get("username", "")
    return str(raw).strip().casefold()[:150]
