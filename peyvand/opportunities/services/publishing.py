"""Publishing a pitch for investors on the public portal, through
`records.publishing.set_published`."""

from __future__ import annotations

from typing import Any

from peyvand.accounts.actors import Actor
from peyvand.records.publishing import set_published

from ..models import Pitch


def pitch_publish(
    *, record: Pitch, actor: Actor, published: Any, expected_version: int | None = None
) -> Pitch:
    return set_published(
        record=record, actor=actor, published=published, expected_version=expected_version
    )
