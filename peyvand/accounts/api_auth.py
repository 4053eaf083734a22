"""Who calls the API: a browser's session or a personal access token, one object for every
router (`api_auth`).

A token comes as `Authorization: Bearer pvd_...`. It is looked up by its SHA-256 (the only
form kept), must not have expired, and then:

- acts as its user, with the user's role in the token's office and never more (the
  endpoints' own `office_request` checks the role, as for a session);
- answers 404 for any other office (as to a stranger) and 403 to a write with a read token;
- is counted against `API_TOKEN_RATE_LIMIT` requests a minute (the default cache): over
  it, 429 with `Retry-After`;
- needs no CSRF token (a script sends no cookie a browser could be tricked into sending),
  while a session keeps Django's CSRF check (ninja's `SessionAuth`).

Endpoints that manage tokens take `session_auth` only: a token cannot mint tokens.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from peyvand.core.api import RateLimited

from .access import TOKEN_ATTRIBUTE
from .models import ApiToken
from .selectors import token_by_secret
from .services import TOKEN_PREFIX, token_digest, token_touch

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WINDOW = 60  # seconds: the rate limit counts requests per minute


def _count(token: ApiToken) -> None:
    """Count this request in the token's current minute; RateLimited over the limit."""
    now = time.time()
    window = int(now // WINDOW)
    key = f"api-token-rate:{token.pk}:{window}"
    cache.add(key, 0, timeout=WINDOW + 5)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW + 5)
        used = 1
    if used > settings.API_TOKEN_RATE_LIMIT:
        raise RateLimited(max(1, int((window + 1) * WINDOW - now)))


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`: the token's user, within the token's office."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        found = token_by_secret(token_digest(token))
        if found is None or not found.user.is_active:
            return None
        if found.expires_on is not None and found.expires_on < timezone.localdate():
            return None
        match = request.resolver_match
        slug = match.kwargs.get("slug") if match else None
        if slug is not None and slug != found.office.slug:
            raise Http404  # another office: as to a stranger
        _count(found)
        if request.method not in SAFE_METHODS and not found.can_write:
            raise PermissionDenied
        token_touch(token=found)
        request.user = found.user
        setattr(request, TOKEN_ATTRIBUTE, found)  # read back by access.request_token
        return found


session_auth = SessionAuth()
# Every router of an office's data: a token first (no CSRF), else the session (CSRF).
api_auth = [TokenAuth(), session_auth]
