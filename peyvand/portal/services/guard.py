"""Abuse protection of the portal's public forms, without a third-party service: a honeypot
field, a minimum time to fill the form (a signed render time, `core.stamps`), rate limits
per sender's address and per record (Django's cache), and a cap on links in the text.

Addresses are kept only as keyed hashes in the cache, for the window of their limit."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from peyvand.core.stamps import stamp_age

# A person needs a few seconds to read a form and write a comment; a form open longer
# than a day is stale (its page was kept open or copied).
MIN_SECONDS = 3
MAX_SECONDS = 24 * 3600
LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)


@dataclass(frozen=True)
class Limit:
    """At most `count` sends within `window` seconds."""

    count: int
    window: int


# Per sender's address and per record of the office, by form.
LIMITS = {
    "feedback": (Limit(5, 600), Limit(30, 3600)),
    "contact": (Limit(3, 600), Limit(10, 3600)),
}


@dataclass(frozen=True)
class Sender:
    """What a public form says of who sent it: the address, the honeypot's value (empty
    for a person: the field is hidden) and the form's stamp."""

    address: str
    honeypot: str
    stamp: str


class RateLimited(Exception):
    """Too many sends from this address or about this record: try again later."""


class Trapped(Exception):
    """The honeypot was filled: a robot. The view answers as if all went well."""


def sender_of(request: HttpRequest) -> Sender:
    address = request.META.get("REMOTE_ADDR", "") or ""
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            address = forwarded.split(",")[-1].strip()
    return Sender(
        address=address[:64],
        honeypot=str(request.POST.get("website", ""))[:200],
        stamp=str(request.POST.get("stamp", ""))[:200],
    )


def _digest(text: str) -> str:
    key = f"{settings.SECRET_KEY}:{text}".encode()
    return hashlib.blake2b(key, digest_size=12).hexdigest()


def _spend(scope: str, limit: Limit) -> bool:
    """Count one send in the current window; False once the limit is passed."""
    window = int(time.time() // limit.window)
    key = f"portal:rate:{_digest(scope)}:{limit.window}:{window}"
    cache.add(key, 0, timeout=limit.window)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.window)
        used = 1
    return used <= limit.count


def admit(*, form: str, sender: Sender, target: str) -> None:
    """Let a send through, or refuse it: `Trapped` (honeypot), a `ValidationError` (sent
    too fast, or from a stale or altered form), `RateLimited`."""
    if sender.honeypot.strip():
        raise Trapped
    age = stamp_age(sender.stamp)
    if age is None or age > MAX_SECONDS:
        raise ValidationError(
            _("The form has expired. Your text is kept below: please send it again.")
        )
    if age < MIN_SECONDS:
        raise ValidationError(
            _("The form was sent too quickly. Please take a moment and send it again.")
        )
    per_address, per_target = LIMITS[form]
    if not _spend(f"{form}:address:{sender.address}", per_address):
        raise RateLimited
    if not _spend(f"{form}:target:{target}", per_target):
        raise RateLimited


def check_links(text: str, *, field: str, limit: int) -> None:
    """At most `limit` links in a text (spam carries many)."""
    if len(LINK.findall(text)) > limit:
        raise ValidationError({field: [_("Please include at most %(n)s links.") % {"n": limit}]})
