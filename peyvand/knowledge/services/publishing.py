"""Publishing a practice on the public portal, through `records.publishing.set_published`.
The portal shows a published practice once it is adopted (its own rule, in its selectors):
an officer may publish it ahead of the adoption."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.actors import Actor
from peyvand.records.publishing import set_published

from ..models import Practice


def practice_publish(
    *, record: Practice, actor: Actor, published: Any, expected_version: int | None = None
) -> Practice:
    return set_published(
        record=record, actor=actor, published=published, expected_version=expected_version
    )
