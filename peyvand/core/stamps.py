"""A form's signed render time: a public form carries when it was shown, so that the view
can refuse an answer sent faster than a person types (a robot) or from a page kept for
days. Signed with the secret key: it cannot be forged or moved forward.

A kept page (`core.pagecache`) is rendered once and served many times: the stamp is a
placeholder there, filled in for each answer like the CSRF token."""

from __future__ import annotations

import time

from django.core import signing

SALT = "peyvand.core.stamps"


def form_stamp() -> str:
    """Now, signed (the value of a form's hidden `stamp` input)."""
    return signing.dumps(int(time.time()), salt=SALT)


def stamp_age(value: str, *, now: float | None = None) -> float | None:
    """Seconds since the stamp was made; None when it is missing, altered or not ours."""
    if not value or len(value) > 200:
        return None
    try:
        made = signing.loads(value, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(made, int):
        return None
    return (time.time() if now is None else now) - made
